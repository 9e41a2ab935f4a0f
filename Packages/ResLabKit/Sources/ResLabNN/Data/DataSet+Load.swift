import Foundation

extension DataSet {
    /// The source name that `load(path:)` takes for the synthetic hand signs.
    public static let syntheticSourceName = "synthetic"

    /// The data set at `path`, its reader picked by what the path is.
    ///
    /// - `synthetic`: the default synthetic hand signs (`syntheticHandSigns()`); write
    ///   `./synthetic` for a file of that name.
    /// - An HDF5 file (by its signature) or a folder holding `train_signs.h5` / `test_signs.h5`:
    ///   the course's SIGNS set (see `loadSIGNS`; the partner file beside a given one is read too).
    /// - A zip file (by its signature), normally `.npz`: arrays in the layout of Keras'
    ///   `mnist.npz` (`x_train`, `y_train`, `x_test`, `y_test`).
    /// - A folder of MNIST IDX files (`train-images-idx3-ubyte` …), or one of them.
    /// - A folder of CIFAR-10 binary batches (`data_batch_1.bin` … `test_batch.bin`), or one of them.
    ///
    /// Throws `DataError` naming the file and what is wrong when the path is missing, is none of
    /// these, or holds a truncated, corrupt or mislabelled file.
    public static func load(path: String) throws -> DataSet {
        if path == syntheticSourceName { return try syntheticHandSigns() }
        let url = URL(fileURLWithPath: (path as NSString).expandingTildeInPath)
        if DataFile.isDirectory(url) {
            if signsFileNames.contains(where: { DataFile.isFile(url.appendingPathComponent($0)) }) { return try loadSIGNS(url) }
            if looksLikeCIFAR10Folder(url) { return try loadCIFAR10(url) }
            if looksLikeIDXFolder(url) { return try loadIDX(url) }
            throw DataError.unknownFormat(file: url.lastPathComponent, reason: "the folder holds no data set ResLab knows "
                + "(train_signs.h5/test_signs.h5, data_batch_1.bin/test_batch.bin, train-images-idx3-ubyte/t10k-images-idx3-ubyte)")
        }
        guard DataFile.isFile(url) else {
            throw DataError.cannotRead(file: path, reason: "no such file or folder")
        }
        let name = url.lastPathComponent
        let head = try fileHead(url)
        if head.starts(with: [0x89, 0x48, 0x44, 0x46]) { return try loadSIGNS(url) }
        if head.starts(with: [0x50, 0x4B]) { return try loadKerasArchive(url) }
        if head.starts(with: NumPyArray.npyMagic) {
            throw DataError.unknownFormat(file: name, reason: "a .npy file holds a single array, not a data set; "
                + "save images and labels together with numpy.savez(path, x_train=…, y_train=…, x_test=…, y_test=…)")
        }
        if idxPrefixes.contains(where: { name.hasPrefix($0) }) { return try loadIDX(url) }
        if name.hasSuffix(".bin"), name.hasPrefix("data_batch_") || name == "test_batch.bin" { return try loadCIFAR10(url) }
        throw DataError.unknownFormat(file: name, reason: "not a data set ResLab reads: expected a SIGNS .h5 file, "
            + "an .npz with x_train/y_train/x_test/y_test, MNIST IDX files or CIFAR-10 binary batches")
    }

    /// The first bytes of the file, enough to recognise its signature.
    private static func fileHead(_ url: URL) throws -> [UInt8] {
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            return [UInt8](try handle.read(upToCount: 8) ?? Data())
        } catch {
            throw DataError.cannotRead(file: url.lastPathComponent, reason: error.localizedDescription)
        }
    }
}
