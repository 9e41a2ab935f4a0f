import ResLabNN
import ResLabPlugin
