import ResLab

/// A 2-D vector registered as a native type: the tests' stand-in for a tensor, exercising every
/// part of the native-object interface (initialisers, static and implicit members, properties
/// with setters, methods, mutating methods, subscripts, callAsFunction, operators on either side,
/// iteration, display, typed errors).
struct Vec2: Equatable {
    var x: Double
    var y: Double
}

/// How a `Vec2` is turned into a number by `Vec2.norm(_:)` (an enumeration for implicit members).
enum Norm: Equatable {
    case l1
    case l2
}

/// A scaling of vectors, callable as a function: `Scale(by: 2)(v)`; a class, so a `let` can
/// still have its `factor` changed.
final class Scale {
    var factor: Double
    init(factor: Double) { self.factor = factor }
}

enum TestNatives {
    /// A registry with the standard library, Vec2, Norm, Scale and a few global functions.
    static func registry() -> NativeRegistry {
        let registry = NativeRegistry()
        let norm = registry.defineEnumeration(Norm.self, name: "Norm", doc: "How to measure a vector.",
                                              cases: [("l1", .l1), ("l2", .l2)])
        let vec2 = registry.defineType(Vec2.self, name: "Vec2", doc: "A 2-D vector.")
        vec2
            .initializer([.init("x", .double), .init("y", .double)]) { args, _ in
                Vec2(x: try args.double("x"), y: try args.double("y"))
            }
            .initializer([.init("repeating", .double)]) { args, _ in
                let value = try args.double(0)
                return Vec2(x: value, y: value)
            }
            .staticProperty("zero") { vec2.wrap(Vec2(x: 0, y: 0)) }
            .staticMethod("unit", [.init("angle", .double)]) { args, _ in
                let angle = try args.double(0)
                return vec2.wrap(Vec2(x: angle == 0 ? 1 : 0, y: angle == 0 ? 0 : 1))
            }
            .property("x", .double, get: { .double($0.x) }, set: { $0.x = try $1.asDouble("x") })
            .property("y", .double, get: { .double($0.y) }, set: { $0.y = try $1.asDouble("y") })
            .method("dot", [.init("_", .named("Vec2"), name: "other")], returns: .double) { v, args, _ in
                let other = try args.native(0, as: Vec2.self)
                return .double(v.x * other.x + v.y * other.y)
            }
            .method("length", [.init("norm", .named("Norm"), default: norm.wrap(.l2))], returns: .double) { v, args, _ in
                let kind = try args.native("norm", as: Norm.self)
                return .double(kind == .l1 ? abs(v.x) + abs(v.y) : (v.x * v.x + v.y * v.y).squareRoot())
            }
            .method("scaled", [.init("by", .double, name: "factor")], returns: .named("Vec2")) { v, args, _ in
                let k = try args.double(0)
                return vec2.wrap(Vec2(x: v.x * k, y: v.y * k))
            }
            .method("describe", [.init("_", .any, name: "style")], returns: .string,
                    doc: "Takes an implicit member it interprets itself.") { v, args, _ in
                guard case .implicitMember(let member) = args[0] else { throw NativeError("describe(_:) takes .short or .long") }
                switch member.name {
                case "short": return .string("(\(v.x), \(v.y))")
                case "long": return .string("x = \(v.x), y = \(v.y)")
                default: throw NativeError("describe(_:) has no style '.\(member.name)'", hint: "use .short or .long")
                }
            }
            .mutatingMethod("normalize", []) { v, _, _ in
                let length = (v.x * v.x + v.y * v.y).squareRoot()
                guard length > 0 else { throw NativeError("cannot normalize the zero vector", hint: "check the length first") }
                v = Vec2(x: v.x / length, y: v.y / length)
                return .void
            }
            .subscriptAccess([.init("_", .int, name: "index")], returns: .double, get: { v, args, _ in
                let index = try args.int(0)
                guard index == 0 || index == 1 else { throw NativeError("Vec2 index \(index) is out of range 0...1") }
                return .double(index == 0 ? v.x : v.y)
            }, set: { v, args, value, _ in
                let index = try args.int(0)
                guard index == 0 || index == 1 else { throw NativeError("Vec2 index \(index) is out of range 0...1") }
                if index == 0 { v.x = try value.asDouble() } else { v.y = try value.asDouble() }
            })
            .callAsFunction([.init("_", .double, name: "t"), .init("clamped", .bool, default: .bool(false))], returns: .named("Vec2")) { v, args, _ in
                var t = try args.double(0)
                if try args.bool(1) { t = min(max(t, 0), 1) }
                return vec2.wrap(Vec2(x: v.x * t, y: v.y * t))
            }
            .infixOperator("+") { lhs, rhs in
                guard let a = vec2.unwrap(lhs), let b = vec2.unwrap(rhs) else { return nil }
                return vec2.wrap(Vec2(x: a.x + b.x, y: a.y + b.y))
            }
            .infixOperator("*") { lhs, rhs in
                if let a = vec2.unwrap(lhs), let k = try? rhs.asDouble() { return vec2.wrap(Vec2(x: a.x * k, y: a.y * k)) }
                if let k = try? lhs.asDouble(), let b = vec2.unwrap(rhs) { return vec2.wrap(Vec2(x: k * b.x, y: k * b.y)) }
                return nil
            }
            .infixOperator("==") { lhs, rhs in
                guard let a = vec2.unwrap(lhs), let b = vec2.unwrap(rhs) else { return nil }
                return .bool(a == b)
            }
            .infixOperator("<") { lhs, rhs in
                guard let a = vec2.unwrap(lhs), let b = vec2.unwrap(rhs) else { return nil }
                return .bool(a.x * a.x + a.y * a.y < b.x * b.x + b.y * b.y)
            }
            .prefixOperator("-") { v, _ in vec2.wrap(Vec2(x: -v.x, y: -v.y)) }
            .iterate { v in AnyIterator([Value.double(v.x), .double(v.y)].makeIterator()) }
            .display({ "Vec2(x: \($0.x), y: \($0.y))" })
            .echo { "Vec2 = (\($0.x), \($0.y))" }
            .conforms(to: "Shape")

        let scale = registry.defineType(Scale.self, name: "Scale", doc: "Scales vectors.")
        scale
            .initializer([.init("by", .double, name: "factor")]) { args, _ in Scale(factor: try args.double(0)) }
            .property("factor", .double, get: { .double($0.factor) }, set: { $0.factor = try $1.asDouble("factor") })
            .callAsFunction([.init("_", .named("Vec2"), name: "v")], returns: .named("Vec2")) { s, args, _ in
                let v = try args.native(0, as: Vec2.self)
                return vec2.wrap(Vec2(x: v.x * s.factor, y: v.y * s.factor))
            }
            .display { "Scale(\($0.factor))" }

        registry.function("midpoint", [.init("_", .named("Vec2"), name: "a"), .init("_", .named("Vec2"), name: "b")],
                          returns: .named("Vec2"), doc: "The point halfway between.") { args, _ in
            let a = try args.native(0, as: Vec2.self)
            let b = try args.native(1, as: Vec2.self)
            return vec2.wrap(Vec2(x: (a.x + b.x) / 2, y: (a.y + b.y) / 2))
        }
        registry.function("area", [.init("of", .named("Shape"), name: "shape")], returns: .double) { args, _ in
            let v = try args.native(0, as: Vec2.self)
            return .double(abs(v.x * v.y))
        }
        registry.function("applyTwice", [.init("_", .function(parameters: [.any], result: .any), name: "f"), .init("to", .any, name: "x")],
                          returns: .any, doc: "Calls a lesson closure back twice.") { args, context in
            try context.call(args[0], [try context.call(args[0], [args[1]])])
        }
        registry.function("say", [.init("_", .string, name: "text")], doc: "Prints through the context's sink.") { args, context in
            context.write("said: \(try args.string(0))\n")
            return .void
        }
        return registry
    }
}
