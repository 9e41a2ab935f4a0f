/// A fenced ```` ```swift ```` block at the top level of a lesson.
public struct Cell: Equatable, Sendable {
    /// What a code cell is for: one of the three built-in roles, or a role a plugin registers.
    ///
    /// Nested in `Cell` so that it does not clash with the plugin API's `CellRole`, which is how a
    /// plugin implements a role of its own (`PluginRegistrar.cellRole(_:)`).
    public enum Role: Hashable, Sendable {
        /// Code that runs in the lesson's environment.
        case code
        /// The learner's work: a starting template (and, in the instructor's copy, a reference solution).
        case exercise
        /// Checks for one exercise; runs on `:check` and when grading, not in the lesson's flow.
        case test
        /// A role a plugin registers, by its name (```` ```swift histogram bins=8 ````): the session
        /// hands the cell's source and settings to the plugin's `CellRole.run`. Whether a loaded
        /// plugin registers the name is checked where the plugins are known
        /// (`Lesson.checkCellRoles(against:)`), not by the parser.
        case plugin(String)

        /// The built-in roles, in the order the format documents them.
        public static let builtIn: [Role] = [.code, .exercise, .test]

        /// The built-in role spelled `name` on a fence line, if there is one.
        public init?(builtInName name: String) {
            guard let role = Self.builtIn.first(where: { $0.name == name }) else { return nil }
            self = role
        }

        /// The word that names the role on a fence line (`code`, `exercise`, `test`, or the plugin's).
        public var name: String {
            switch self {
            case .code: return "code"
            case .exercise: return "exercise"
            case .test: return "test"
            case .plugin(let name): return name
            }
        }

        /// The plugin role's name; nil for a built-in role.
        public var pluginRoleName: String? {
            if case .plugin(let name) = self { return name }
            return nil
        }
    }

    /// 1-based position among the lesson's cells (hidden tests are not cells of the lesson).
    public var number: Int
    public var role: Role
    /// The `id=` of a code cell, the exercise id of an exercise cell, the test id of a test cell.
    public var id: String?
    /// The exercise an exercise or test cell belongs to.
    public var exerciseID: String?
    /// Skipped by batch runs unless they are asked to run optional cells.
    public var isOptional: Bool
    /// The code as written in the file.
    public var source: CellSource
    /// Where the opening fence is.
    public var fenceLocation: SourceLocation
    /// 1-based line of the closing fence.
    public var endLine: Int
    /// Everything after the fence on the opening line, as written (e.g. `swift test exercise=a points=1 ...`).
    public var infoString: String
    /// A plugin cell's `key=value` settings from the fence line, all of them, for the plugin to
    /// read; empty for the built-in roles, whose settings are read into the fields above.
    public var settings: [String: String]
    /// Where the role's word is on the fence line; nil when the fence names no role (a plain code cell).
    public var roleLocation: SourceLocation?

    public init(number: Int, role: Role, id: String?, exerciseID: String?, isOptional: Bool,
                source: CellSource, fenceLocation: SourceLocation, endLine: Int, infoString: String,
                settings: [String: String] = [:], roleLocation: SourceLocation? = nil) {
        self.number = number
        self.role = role
        self.id = id
        self.exerciseID = exerciseID
        self.isOptional = isOptional
        self.source = source
        self.fenceLocation = fenceLocation
        self.endLine = endLine
        self.infoString = infoString
        self.settings = settings
        self.roleLocation = roleLocation
    }
}
