#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A shared library opened with `dlopen`. Never closed: unloading Swift code that has registered
/// types makes the next dynamic cast anywhere in the process crash.
struct DynamicLibrary {
    let path: String
    private let handle: UnsafeMutableRawPointer

    /// Opens the library at `path`, resolving all its symbols now so that a missing dependency is
    /// reported here rather than at the first call.
    init(path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            throw PluginLoadError(path: path, reason: "no such file")
        }
        if let reason = DynamicLibrary.notASharedLibraryReason(path: path) {
            throw PluginLoadError(path: path, reason: reason)
        }
        guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
            throw PluginLoadError(path: path, reason: DynamicLibrary.lastError() ?? "dlopen failed")
        }
        self.path = path
        self.handle = handle
    }

    /// The address of `symbol`, or nil when the library does not export it.
    func address(of symbol: String) -> UnsafeMutableRawPointer? {
        _ = dlerror()
        return dlsym(handle, symbol)
    }

    private static func lastError() -> String? {
        guard let message = dlerror() else { return nil }
        return String(cString: message)
    }

    /// Reads the first bytes to tell "this is not a shared library at all" apart from a library
    /// that fails to load, which `dlerror` words obscurely ("invalid ELF header").
    private static func notASharedLibraryReason(path: String) -> String? {
        guard let file = FileHandle(forReadingAtPath: path) else { return "cannot be read" }
        defer { try? file.close() }
        let header = (try? file.read(upToCount: 4)) ?? Data()
        #if os(Linux)
        if header != Data([0x7F, 0x45, 0x4C, 0x46]) {
            return "not a shared library (no ELF header); build the plugin with `swift build` and pass the .so file"
        }
        #endif
        return nil
    }
}

/// Why a plugin did not load: one line, naming the file.
public struct PluginLoadError: Error, CustomStringConvertible, Equatable {
    public let path: String
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "cannot load plugin \(path): \(reason)" }
}
