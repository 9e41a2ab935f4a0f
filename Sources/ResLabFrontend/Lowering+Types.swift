import ResLabScript
import SwiftSyntax

extension Lowerer {
    /// Lowers a type annotation; nil (with an error) for types outside the subset.
    func lower(type: TypeSyntax) -> ScriptType? {
        if let identifier = type.as(IdentifierTypeSyntax.self) {
            let name = identifier.name.text
            let arguments = identifier.genericArgumentClause?.arguments.compactMap { argument -> ScriptType? in
                guard case .type(let inner) = argument.argument else { return nil }
                return lower(type: inner)
            }
            switch (name, arguments?.count) {
            case ("Array", 1?): return arguments.map { .array($0[0]) }
            case ("Optional", 1?): return arguments.map { .optional($0[0]) }
            case ("Dictionary", 2?): return arguments.map { .dictionary(key: $0[0], value: $0[1]) }
            case ("Range", 1?) where arguments?.first == .int: return .range(closed: false)
            case ("ClosedRange", 1?) where arguments?.first == .int: return .range(closed: true)
            case (_, nil): return ScriptType.builtin(named: name) ?? .named(name)
            default:
                unsupported("generic types other than Array, Dictionary, Optional and Range<Int>", identifier)
                return nil
            }
        }
        if let array = type.as(ArrayTypeSyntax.self) { return lower(type: array.element).map { .array($0) } }
        if let dictionary = type.as(DictionaryTypeSyntax.self) {
            guard let key = lower(type: dictionary.key), let value = lower(type: dictionary.value) else { return nil }
            return .dictionary(key: key, value: value)
        }
        if let optional = type.as(OptionalTypeSyntax.self) { return lower(type: optional.wrappedType).map { .optional($0) } }
        if let tuple = type.as(TupleTypeSyntax.self) {
            let elements = tuple.elements.compactMap { lower(type: $0.type) }
            guard elements.count == tuple.elements.count else { return nil }
            if elements.isEmpty { return .void }
            if elements.count == 1, tuple.elements.first?.firstName == nil { return elements[0] }
            return .tuple(elements, labels: tuple.elements.map { $0.firstName?.text })
        }
        if let function = type.as(FunctionTypeSyntax.self) {
            let parameters = function.parameters.compactMap { lower(type: $0.type) }
            guard parameters.count == function.parameters.count, let result = lower(type: function.returnClause.type) else { return nil }
            return .function(parameters: parameters, result: result)
        }
        if let attributed = type.as(AttributedTypeSyntax.self) {
            if let specifier = attributed.specifiers.first {
                unsupported("'\(specifier.trimmedDescription)' parameters", specifier, hint: "return the new value instead")
                return nil
            }
            // `@escaping` and the like change nothing in an interpreter.
            return lower(type: attributed.baseType)
        }
        if let unwrapped = type.as(ImplicitlyUnwrappedOptionalTypeSyntax.self) {
            unsupported("implicitly unwrapped optionals ('!')", unwrapped, hint: "use '?' and unwrap explicitly")
            return nil
        }
        unsupported("this kind of type", type, plural: false)
        return nil
    }
}
