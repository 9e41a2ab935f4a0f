import Foundation
import ResLabPlugin
import Testing

/// A plugin made of a name and a registration closure, for the host's tests.
private final class TestPlugin: ResLabPlugin {
    let name: String
    let version = "0.1"
    let body: (PluginRegistrar) throws -> Void

    init(_ name: String, _ body: @escaping (PluginRegistrar) throws -> Void) {
        self.name = name
        self.body = body
    }

    func register(with registrar: PluginRegistrar) throws { try body(registrar) }
}

private struct Gauge: Equatable { var value: Double }

@Suite struct PluginHostTests {
    private func answer(_ value: Int) -> (PluginRegistrar) throws -> Void {
        { registrar in
            try registrar.function("answer", [], returns: .int) { _, _ in .int(value) }
        }
    }

    @Test func aNameTakenByAnotherPluginIsACollisionNamingBothAndTheFirstKeepsIt() throws {
        let host = PluginHost()
        try host.install(TestPlugin("first", answer(1)))
        let error = #expect(throws: PluginCollision.self) { try host.install(TestPlugin("second", answer(2))) }
        #expect(error?.message == "plugin 'second' registers function 'answer() []', which plugin 'first' already registered; 'first' keeps it")
        #expect(host.plugins.map(\.name) == ["first"])
        let registered = try #require(host.registry.functions["answer"])
        #expect(registered.count == 1)
    }

    @Test func overloadsWithOtherLabelsOrTypesAreNotCollisions() throws {
        let host = PluginHost()
        try host.install(TestPlugin("ints") { try $0.function("twice", [.init("_", .int)], returns: .int) { a, _ in .int(try a.int(0) * 2) } })
        try host.install(TestPlugin("doubles") { try $0.function("twice", [.init("_", .double)], returns: .double) { a, _ in .double(try a.double(0) * 2) } })
        #expect(host.registry.functions["twice"]?.count == 2)
    }

    @Test func typesCommandsAndRenderersCollideByName() throws {
        let host = PluginHost()
        let gauge: (PluginRegistrar) throws -> Void = { registrar in
            try registrar.defineType(Gauge.self, name: "Gauge")
            try registrar.command(ReplCommand(name: "gauge", summary: "", usage: ":gauge") { _, _ in "" })
        }
        try host.install(TestPlugin("a", gauge))
        #expect(throws: PluginCollision(message: "plugin 'b' registers type 'Gauge', which plugin 'a' already registered; 'a' keeps it")) {
            try host.install(TestPlugin("b", gauge))
        }
        #expect(throws: PluginCollision(message: "plugin 'c' registers command 'gauge', which plugin 'a' already registered; 'a' keeps it")) {
            try host.install(TestPlugin("c") { try $0.command(ReplCommand(name: "gauge", summary: "", usage: "") { _, _ in "" }) })
        }
        #expect(throws: PluginCollision.self) {
            try host.install(TestPlugin("d") { try $0.defineType(Gauge.self, name: "Int") })
        }
    }

    @Test func extendingATypeWithAMethodItHasIsACollision() throws {
        let host = PluginHost()
        try host.install(TestPlugin("a") { registrar in
            try registrar.defineType(Gauge.self, name: "Gauge") {
                $0.method("read", [], returns: .double) { g, _, _ in .double(g.value) }
                    .property("value", .double, doc: "the first", get: { .double($0.value) })
            }
        })
        try host.install(TestPlugin("b") { registrar in
            try registrar.extendType(Gauge.self, name: "Gauge") { $0.method("reset", [], returns: .double) { _, _, _ in .double(0) } }
        })
        #expect(throws: PluginCollision.self) {
            try host.install(TestPlugin("c") { registrar in
                try registrar.extendType(Gauge.self, name: "Gauge") { $0.method("read", [], returns: .double) { _, _, _ in .double(0) } }
            })
        }
        let error = #expect(throws: PluginCollision.self) {
            try host.install(TestPlugin("d") { registrar in
                try registrar.extendType(Gauge.self, name: "Gauge") { $0.property("value", .double, get: { _ in .double(-1) }) }
            })
        }
        #expect(error?.message == "plugin 'd' registers Gauge.value, which plugin 'a' already registered; the first keeps it")
        #expect(host.registry.type(named: "Gauge")?.properties["value"]?.doc == "the first")
    }

    @Test func contributionsListWhatEachPluginRegistered() throws {
        let host = PluginHost()
        try host.install(TestPlugin("gauges") { registrar in
            try registrar.defineType(Gauge.self, name: "Gauge")
            try registrar.function("gauge", [.init("value", .double)], returns: .named("Gauge")) { _, _ in .void }
            try registrar.assertion("expectGauge", [.init("_", .any)]) { _, _ in }
        })
        #expect(host.plugins.first?.contributions.summary
            == "types: Gauge; functions: gauge(value:), expectGauge(_:); assertions: expectGauge(_:)")
        #expect(host.plugins.first?.origin == "built-in")
    }

    @Test func theSamePluginNameTwiceIsRefused() throws {
        let host = PluginHost()
        try host.install(TestPlugin("one") { _ in })
        #expect(throws: PluginCollision(message: "a plugin named 'one' is already loaded (from built-in)")) {
            try host.install(TestPlugin("one") { _ in })
        }
    }

    @Test func loadingSomethingThatIsNotAPluginSaysWhyInOneLine() throws {
        let host = PluginHost()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plugin-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = folder.appendingPathComponent("text.so").path
        try "hello".write(toFile: text, atomically: true, encoding: .utf8)
        #expect(throws: PluginLoadError(path: text, reason: "not a shared library (no ELF header); build the plugin with `swift build` and pass the .so file")) {
            try host.load(path: text)
        }
        let missing = folder.appendingPathComponent("missing.so").path
        #expect(throws: PluginLoadError(path: missing, reason: "no such file")) { try host.load(path: missing) }
        // libm is a real shared library without ResLab's entry points.
        let libm = "/lib/x86_64-linux-gnu/libm.so.6"
        if FileManager.default.fileExists(atPath: libm) {
            let error = #expect(throws: PluginLoadError.self) { try host.load(path: libm) }
            #expect(error?.reason.hasPrefix("no entry point 'reslab_plugin_api_version'") == true)
        }
        #expect(host.plugins.isEmpty)
    }
}
