import Foundation
import ZIPFoundation

/// `.npz` archives: a zip file of `.npy` members, what `numpy.savez` (stored members) and
/// `numpy.savez_compressed` (deflated members) write. Read through ZIPFoundation.
public enum NumPyArchive {
    /// The arrays in the `.npz` file at `url`, keyed by member name without `.npy`
    /// (`x_train.npy` → `x_train`).
    public static func read(contentsOf url: URL) throws -> [String: NumPyArray] {
        try decode(DataFile.readBytes(url), file: DataFile.displayName(url))
    }

    /// The arrays in the `.npz` content `data`; `file` names it in errors.
    public static func decode(_ data: Data, file: String = "arrays.npz") throws -> [String: NumPyArray] {
        try decode([UInt8](data), file: file)
    }

    static func decode(_ bytes: [UInt8], file: String) throws -> [String: NumPyArray] {
        let archive: Archive
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw DataError.corrupt(file: file, reason: "not a readable zip archive (\(error)); "
                + "an .npz must be written by numpy.savez or numpy.savez_compressed")
        }
        var arrays: [String: NumPyArray] = [:]
        var budgetLeft = MemoryBudget.bytes
        for entry in archive where entry.type != .directory {
            let memberName = entry.path
            let member = "\(file), member \(memberName)"
            guard entry.type == .file, memberName.hasSuffix(".npy") else {
                throw DataError.unsupported(file: member, reason: "an .npz holds only .npy members")
            }
            // The sizes come from the archive's directory, which a corrupt file can set to
            // anything: bound them before extracting, and hold extraction to the declared size.
            let declared = entry.uncompressedSize
            guard declared <= UInt64(budgetLeft) else {
                throw DataError.overBudget(file: member, what: "extracting the member",
                                           bytes: Int(clamping: declared), budget: MemoryBudget.bytes)
            }
            guard entry.compressedSize <= UInt64(bytes.count) else {
                throw DataError.truncated(file: member, what: "the member's compressed data",
                                          needed: Int(clamping: entry.compressedSize), available: bytes.count)
            }
            budgetLeft -= Int(declared)
            var content = [UInt8]()
            content.reserveCapacity(Int(declared))
            let checksum: CRC32
            do {
                checksum = try archive.extract(entry) { chunk in
                    guard UInt64(content.count + chunk.count) <= declared else {
                        throw DataError.corrupt(file: member, reason: "the member holds more data than the "
                            + "archive's directory declares (\(declared) bytes)")
                    }
                    content.append(contentsOf: chunk)
                }
            } catch let error as DataError {
                throw error
            } catch {
                throw DataError.corrupt(file: member, reason: "the member cannot be extracted (\(error))")
            }
            guard UInt64(content.count) == declared else {
                throw DataError.truncated(file: member, what: "the member", needed: Int(declared), available: content.count)
            }
            guard checksum == entry.checksum else {
                throw DataError.corrupt(file: member, reason: "the member's CRC-32 does not match its data")
            }
            let name = String(memberName.dropLast(4))
            guard arrays[name] == nil else {
                throw DataError.corrupt(file: member, reason: "the archive holds two members named \(memberName)")
            }
            arrays[name] = try NumPyArray(npyBytes: content[...], file: member)
        }
        return arrays
    }
}
