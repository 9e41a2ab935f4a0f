@_exported import ResLabEngine
