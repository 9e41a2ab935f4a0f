import ResLabNN
import ResLabPlugin

/// The built-in plugins, in the order they must be installed (later ones use the `Tensor` and
/// `Padding` types the engine plugin registers).
public enum BuiltinPlugins {
    /// `engine`, `nn`, `data` and `plots`, sharing one file access policy.
    ///
    /// - Parameters:
    ///   - fileAccess: the gate every file-touching native goes through (default: allow all).
    ///   - dataSetReaders: the data set readers registered with the host, which
    ///     `DataSet.load(path:)` tries before the built-in formats.
    public static func all(fileAccess: FileAccessPolicy = FileAccessPolicy(),
                           dataSetReaders: @escaping () -> [DataSetReader] = { [] }) -> [ResLabPlugin] {
        [EnginePlugin(), NNPlugin(fileAccess: fileAccess), DataPlugin(fileAccess: fileAccess, readers: dataSetReaders),
         PlotsPlugin(fileAccess: fileAccess)]
    }
}
