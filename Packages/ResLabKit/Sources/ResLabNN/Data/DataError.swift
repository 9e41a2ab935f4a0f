/// Everything ResLab's data and checkpoint readers and writers refuse.
///
/// Every case names the file (its last path component, or `archive.npz, member x.npy` inside an
/// archive) and `description` says what is wrong in a sentence a learner can act on, e.g.
/// `test_signs.h5: dataset 'test_set_y' has 119 labels but 'test_set_x' has 120 images`.
/// Readers never trap on what a file contains: a truncated, corrupt or mislabelled file throws one
/// of these.
public enum DataError: Error, Equatable, CustomStringConvertible {
    /// The file or folder could not be opened or read (missing, a permission, an I/O error).
    case cannotRead(file: String, reason: String)
    /// A file could not be written (its folder is missing or read-only, the disk is full).
    case cannotWrite(file: String, reason: String)
    /// The path is not a format ResLab recognises.
    case unknownFormat(file: String, reason: String)
    /// The file ends before the data its header promises.
    case truncated(file: String, what: String, needed: Int, available: Int)
    /// The bytes do not follow the format (a bad signature, header, offset or value).
    case corrupt(file: String, reason: String)
    /// A well-formed file in a variant ResLab does not read (a dtype, an order, a compression).
    case unsupported(file: String, reason: String)
    /// Images and labels disagree in number, or a label lies outside the classes.
    case mislabelled(file: String, reason: String)
    /// Holding what the file describes would exceed `MemoryBudget.bytes`.
    case overBudget(file: String, what: String, bytes: Int, budget: Int)

    /// The file the error is about, as shown in `description`.
    public var file: String {
        switch self {
        case let .cannotRead(file, _), let .cannotWrite(file, _), let .unknownFormat(file, _),
             let .truncated(file, _, _, _), let .corrupt(file, _), let .unsupported(file, _),
             let .mislabelled(file, _), let .overBudget(file, _, _, _):
            return file
        }
    }

    public var description: String {
        switch self {
        case let .cannotRead(file, reason):
            return "\(file): cannot be read: \(reason)"
        case let .cannotWrite(file, reason):
            return "\(file): cannot be written: \(reason)"
        case let .unknownFormat(file, reason):
            return "\(file): \(reason)"
        case let .truncated(file, what, needed, available):
            return "\(file): truncated: \(what) needs \(needed) bytes but only \(available) are there; "
                + "the file was probably cut short while copying or downloading"
        case let .corrupt(file, reason):
            return "\(file): corrupt: \(reason)"
        case let .unsupported(file, reason):
            return "\(file): unsupported: \(reason)"
        case let .mislabelled(file, reason):
            return "\(file): \(reason)"
        case let .overBudget(file, what, bytes, budget):
            let size = bytes == Int.max ? "more than Int.max bytes" : "\(bytes) bytes"
            return "\(file): \(what) would need \(size), over the memory budget of \(budget) bytes; "
                + "raise the budget with RESLAB_MEMORY_BUDGET (e.g. RESLAB_MEMORY_BUDGET=8G) if the file is right"
        }
    }
}
