import Foundation

/// File access shared by the readers: whole-file reads that respect the memory budget, and the
/// budget check for what a header claims, both reported as `DataError`s naming the file.
enum DataFile {
    /// The name errors show for `url`: its last path component.
    static func displayName(_ url: URL) -> String {
        url.lastPathComponent.isEmpty ? url.path : url.lastPathComponent
    }

    /// The whole content of the file at `url`.
    ///
    /// The size is checked against `MemoryBudget.bytes` before anything is allocated, so a huge
    /// file is refused instead of exhausting memory. Reads with POSIX calls so that the error says
    /// what the system said (no such file, permission denied, is a directory).
    static func readBytes(_ url: URL) throws -> [UInt8] {
        let name = displayName(url)
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw DataError.cannotRead(file: name, reason: systemError()) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw DataError.cannotRead(file: name, reason: systemError()) }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw DataError.cannotRead(file: name, reason: "it is not a regular file")
        }
        let size = Int(status.st_size)
        guard size <= MemoryBudget.bytes else {
            throw DataError.overBudget(file: name, what: "reading the file", bytes: size, budget: MemoryBudget.bytes)
        }
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        try bytes.withUnsafeMutableBytes { buffer in
            while filled < size {
                let result = read(descriptor, buffer.baseAddress! + filled, size - filled)
                if result < 0 {
                    if errno == EINTR { continue }
                    throw DataError.cannotRead(file: name, reason: systemError())
                }
                // The file shrank while we read it: report what we got as a truncation.
                if result == 0 {
                    throw DataError.truncated(file: name, what: "the file (its size changed while reading)",
                                              needed: size, available: filled)
                }
                filled += result
            }
        }
        return bytes
    }

    /// Whether `url` names an existing folder.
    static func isDirectory(_ url: URL) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue
    }

    /// Whether `url` names an existing file (not a folder).
    static func isFile(_ url: URL) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && !isFolder.boolValue
    }

    /// The element count of `shape` after checking it against the memory budget as Float32 data.
    ///
    /// Call this before allocating anything a header describes: a corrupt header can claim
    /// any size.
    static func checkedCount(of shape: [Int], file: String, what: String) throws -> Int {
        do {
            return try Tensor.checkedCount(of: shape, op: what)
        } catch let TensorError.overBudget(_, _, bytes, budget) {
            throw DataError.overBudget(file: file, what: "\(what) of shape \(shape)", bytes: bytes, budget: budget)
        } catch {
            throw DataError.corrupt(file: file, reason: "\(what) has an invalid shape \(shape)")
        }
    }

    /// The description of the current `errno`.
    static func systemError() -> String {
        String(cString: strerror(errno))
    }
}
