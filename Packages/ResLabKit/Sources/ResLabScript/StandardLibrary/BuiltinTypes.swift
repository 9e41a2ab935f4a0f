/// The descriptions of the language's own value kinds, which carry their members (`xs.count`,
/// `x.rounded()`) in the same tables as native types, so member lookup, completion and the
/// resolver treat every value alike.
final class BuiltinTypes {
    let int = NativeType(name: "Int", doc: "A whole number (64-bit); overflow is an error.")
    let double = NativeType(name: "Double", doc: "A 64-bit floating-point number.")
    let float = NativeType(name: "Float", doc: "A 32-bit floating-point number, what tensors hold.")
    let bool = NativeType(name: "Bool", doc: "true or false.")
    let string = NativeType(name: "String", doc: "Text.")
    let array = NativeType(name: "Array", doc: "An ordered list of values: [1, 2, 3].")
    let dictionary = NativeType(name: "Dictionary", doc: "Values by key: [\"a\": 1].")
    let range = NativeType(name: "Range", doc: "The Ints from a lower bound up to (..<) or through (...) an upper bound.")
    let optional = NativeType(name: "Optional", doc: "A value or nil; unwrap with if let, guard let, ?? or !.")

    var all: [NativeType] { [int, double, float, bool, string, array, dictionary, range, optional] }

    /// A builder whose payload is the value itself.
    static func builder(_ type: NativeType) -> NativeTypeBuilder<Value> {
        NativeTypeBuilder<Value>(type: type, wrap: { $0 }, unwrap: { $0 })
    }
}

/// Installs the standard library into a registry.
enum StandardLibrary {
    static func install(in registry: NativeRegistry) {
        installGlobals(in: registry)
        installNumbers(in: registry)
        installStrings(in: registry)
        installCollections(in: registry)
    }
}
