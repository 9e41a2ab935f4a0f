@testable import ResLabScript
import Testing

/// The native-object interface driven directly through the interpreter, with hand-built ASTs (the
/// parser lives in the host package; the golden scripts there cover the same interface from source).
@Suite struct NativeInterfaceTests {
    struct Meters: Equatable { var value: Double }

    static let file = SourceFile(name: "test.swift", text: "line one\nline two")
    static func at(_ column: Int, line: Int = 1) -> ResLabScript.SourceLocation { ResLabScript.SourceLocation(source: file, line: line, column: column) }
    static func name(_ text: String) -> Expr { .name(text, at(1)) }
    static func call(_ callee: Expr, _ arguments: [(String?, Expr)], column: Int = 1) -> Expr {
        .call(callee: callee, arguments: arguments.map { Argument(label: $0.0, value: $0.1, location: at(column)) }, at(column))
    }
    static func int(_ value: Int) -> Expr { .literal(.int(value), at(1)) }

    static func registry() -> NativeRegistry {
        let registry = NativeRegistry()
        let meters = registry.defineType(Meters.self, name: "Meters")
        meters
            .initializer([.init("_", .double)]) { args, _ in Meters(value: try args.double(0)) }
            .staticProperty("marathon") { meters.wrap(Meters(value: 42_195)) }
            .display { "\($0.value) m" }
        registry.function("describe", [.init("_", .int)], returns: .string) { args, _ in .string("Int \(try args.int(0))") }
        registry.function("describe", [.init("_", .named("Meters"))], returns: .string) { args, _ in
            .string("distance \(try args.native(0, as: Meters.self).value)")
        }
        registry.function("race", [.init("length", .named("Meters"))], returns: .string) { args, context in
            .string(context.describe(args[0]))
        }
        registry.function("raw", [.init("_", .any)], returns: .string) { args, _ in
            guard case .implicitMember(let member) = args[0] else { return .string("not a member") }
            return .string("member \(member.name) with \(member.arguments?.count ?? -1) arguments")
        }
        registry.function("fail", []) { _, _ in throw NativeError("it failed", hint: "try again") }
        return registry
    }

    func run(_ statements: [Stmt], registry: NativeRegistry = registry()) -> ExecutionResult {
        ScriptSession(registry: registry).execute(Program(source: Self.file, statements: statements))
    }

    @Test func overloadsAreChosenByParameterTypes() {
        let program: [Stmt] = [
            .expression(Self.call(Self.name("print"), [(nil, Self.call(Self.name("describe"), [(nil, Self.int(3))]))])),
            .expression(Self.call(Self.name("print"), [(nil, Self.call(Self.name("describe"), [(nil, Self.call(Self.name("Meters"), [(nil, Self.int(5))]))]))])),
        ]
        #expect(run(program).output == "Int 3\ndistance 5.0\n")
    }

    @Test func implicitMembersResolveAgainstTheParameterTypeOrReachTheNative() {
        let program: [Stmt] = [
            .expression(Self.call(Self.name("print"), [(nil, Self.call(Self.name("race"), [("length", .implicitMember(name: "marathon", Self.at(1)))]))])),
            .expression(Self.call(Self.name("print"), [(nil, Self.call(Self.name("raw"), [(nil, Self.call(.implicitMember(name: "glorot", Self.at(1)), [("seed", Self.int(0))]))]))])),
        ]
        #expect(run(program).output == "42195.0 m\nmember glorot with 1 arguments\n")
    }

    @Test func nativeErrorsAreReportedAtTheCallSite() {
        let result = run([.expression(Self.call(.name("fail", Self.at(6)), [], column: 6))])
        #expect(result.errors.first?.rendered == "test.swift:1:6: error: it failed\nline one\n     ^\nhint: try again")
    }

    @Test func wrongLabelsForNativesAreFoundBeforeRunning() {
        let result = run([
            .expression(Self.call(Self.name("print"), [(nil, Self.int(1))])),
            .expression(Self.call(Self.name("race"), [("distance", Self.int(1))], column: 3)),
        ])
        #expect(result.output == "")
        #expect(result.errors.map(\.message) == ["incorrect arguments in call to 'race(length:)' (have '(distance:)')"])
    }

    @Test func registryWrapsSwiftValuesByTheirType() throws {
        let registry = Self.registry()
        let value = try registry.wrap(Meters(value: 2))
        #expect(value.description == "2.0 m")
        #expect(try value.asNative(Meters.self) == Meters(value: 2))
        #expect(throws: NativeError.self) { try registry.wrap("not registered" as Substring) }
    }
}
