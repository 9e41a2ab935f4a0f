import Foundation

/// Writes a file so that a reader, or the disk after a crash, sees either the old content or the
/// new one in full, never a partial file.
///
/// The bytes go to a hidden temporary file in the destination's folder (`.NAME.tmp-…`: the same
/// file system, so the rename cannot turn into a copy), which is flushed to disk with `fsync`
/// and then renamed over the destination; the folder is synced too so that the rename itself
/// survives a power cut. On any failure the temporary file is removed and the destination is
/// left as it was. The new file gets the usual permissions (0666 less the umask).
///
/// Every writer in ResLab (`.npy`, safetensors, checkpoints) goes through this; use it for any
/// file a crash must not corrupt.
public enum AtomicFile {
    /// Writes `data` to `url`, replacing any file there.
    public static func write(_ data: Data, to url: URL) throws {
        try data.withUnsafeBytes { try write(buffer: $0, to: url) }
    }

    /// Writes `bytes` to `url`, replacing any file there.
    public static func write(_ bytes: [UInt8], to url: URL) throws {
        try bytes.withUnsafeBytes { try write(buffer: $0, to: url) }
    }

    /// Writes `data` to the file at `path`, creating its missing parent folders first (progress
    /// files, released lessons, grade reports). Errors name the whole path.
    public static func write(_ data: Data, toPath path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw DataError.cannotWrite(file: path, reason: "cannot create the folder \(folder.path)")
        }
        try data.withUnsafeBytes { try write(buffer: $0, to: url, name: path) }
    }

    /// Writes `text` as UTF-8 to the file at `path`, creating its missing parent folders first.
    public static func write(_ text: String, toPath path: String) throws {
        try write(Data(text.utf8), toPath: path)
    }

    private static func write(buffer: UnsafeRawBufferPointer, to url: URL, name: String? = nil) throws {
        let name = name ?? DataFile.displayName(url)
        let folder = url.deletingLastPathComponent()
        let (descriptor, temporaryPath) = try createTemporaryFile(in: folder, for: url.lastPathComponent, name: name)
        var renamed = false
        defer { if !renamed { unlink(temporaryPath) } }
        do {
            var written = 0
            while written < buffer.count {
                let result = Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    throw DataError.cannotWrite(file: name, reason: DataFile.systemError())
                }
                written += result
            }
            guard fsync(descriptor) == 0 else { throw DataError.cannotWrite(file: name, reason: DataFile.systemError()) }
        } catch {
            close(descriptor)
            throw error
        }
        guard close(descriptor) == 0 else { throw DataError.cannotWrite(file: name, reason: DataFile.systemError()) }
        guard rename(temporaryPath, url.path) == 0 else {
            throw DataError.cannotWrite(file: name, reason: DataFile.systemError())
        }
        renamed = true
        // Make the rename durable. A failure here cannot undo the write, which is complete, and
        // some file systems refuse to sync a folder, so it is not reported.
        let folderDescriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderDescriptor >= 0 {
            fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }

    /// Creates a new, empty, uniquely named file beside the destination and opens it for writing.
    private static func createTemporaryFile(in folder: URL, for fileName: String, name: String) throws -> (Int32, String) {
        var generator = SystemRandomNumberGenerator()
        for _ in 0 ..< 16 {
            let suffix = String(generator.next() & 0xFFFF_FFFF_FFFF, radix: 36)
            let path = folder.appendingPathComponent(".\(fileName).tmp-\(getpid())-\(suffix)").path
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if descriptor >= 0 { return (descriptor, path) }
            if errno != EEXIST { throw DataError.cannotWrite(file: name, reason: DataFile.systemError()) }
        }
        throw DataError.cannotWrite(file: name, reason: "no free temporary file name in \(folder.path)")
    }
}
