import ResLabNN
import ResLabPlugin
import ResLabScript

/// `Adam(learningRate:)`, `SGD(learningRate:momentum:nesterov:)`, `RMSprop(learningRate:rho:)`:
/// Keras' optimisers and defaults, each conforming to the group `Optimizer` that
/// `compile(optimizer:…)` takes.
enum Optimizers {
    static let groupName = "Optimizer"

    static func register(with registrar: PluginRegistrar) throws {
        let weightDecay = NativeParameter("weightDecay", .optional(.double), default: .optional(nil))
        func decay(_ args: NativeArguments) throws -> Double? { try args.optional("weightDecay").map { try $0.asDouble("weightDecay") } }

        let adam = try registrar.defineType(Adam.self, name: "Adam", doc: "Adam: per-weight step sizes from running moments of the gradient.")
        adam.initializer([.init("learningRate", .double, default: .double(0.001)), .init("beta1", .double, default: .double(0.9)),
                          .init("beta2", .double, default: .double(0.999)), .init("epsilon", .double, default: .double(1e-7)),
                          weightDecay]) { args, _ in
            try Adam(learningRate: try args.double(0), beta1: try args.double(1), beta2: try args.double(2),
                     epsilon: try args.double(3), weightDecay: try decay(args))
        }
        addMembers(adam, name: "Adam")

        let sgd = try registrar.defineType(SGD.self, name: "SGD", doc: "Stochastic gradient descent, with optional (Nesterov) momentum.")
        sgd.initializer([.init("learningRate", .double, default: .double(0.01)), .init("momentum", .double, default: .double(0)),
                         .init("nesterov", .bool, default: .bool(false)), weightDecay]) { args, _ in
            try SGD(learningRate: try args.double(0), momentum: try args.double(1), nesterov: try args.bool(2), weightDecay: try decay(args))
        }
        addMembers(sgd, name: "SGD")

        let rmsprop = try registrar.defineType(RMSprop.self, name: "RMSprop", doc: "RMSprop: steps scaled by a running mean of squared gradients.")
        rmsprop.initializer([.init("learningRate", .double, default: .double(0.001)), .init("rho", .double, default: .double(0.9)),
                             .init("momentum", .double, default: .double(0)), .init("epsilon", .double, default: .double(1e-7)),
                             weightDecay]) { args, _ in
            try RMSprop(learningRate: try args.double(0), rho: try args.double(1), momentum: try args.double(2),
                        epsilon: try args.double(3), weightDecay: try decay(args))
        }
        addMembers(rmsprop, name: "RMSprop")
    }

    private static func addMembers<O: Optimizer>(_ builder: NativeTypeBuilder<O>, name: String) {
        builder
            .conforms(to: groupName)
            .property("learningRate", .double, doc: "The rate the next update uses.") { .double($0.currentLearningRate) }
            .property("iterations", .int, doc: "How many updates have been applied.") { .int($0.iterations) }
            .display { "\(name)(learningRate: \($0.currentLearningRate))" }
    }
}
