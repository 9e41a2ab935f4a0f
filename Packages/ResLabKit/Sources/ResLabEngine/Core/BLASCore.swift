import Foundation
import COpenBLAS
#if canImport(Glibc)
import Glibc
#endif

/// Which of OpenBLAS's kernel sets the engine runs on, and the correction for CPUs OpenBLAS does
/// not recognise.
///
/// Debian's OpenBLAS is built for many CPUs at once and picks its kernels when it loads, from the
/// CPU's family and model numbers. On a CPU newer than the library (or one whose virtual machine
/// hides the model), it falls back to "Prescott", whose SSE3 kernels reach a fifth of the
/// machine's speed: on a 2-vCPU Xeon with AVX-512 under OpenBLAS 0.3.21, sgemm 1024 ran at
/// 34 GFLOP/s as Prescott, 113 as Haswell and 182 as SkylakeX. `OPENBLAS_CORETYPE` overrides the
/// choice but is read only when the library loads, before any Swift code runs; so when OpenBLAS
/// chose a kernel set older than the CPU's instructions allow, the engine sets the variable and
/// asks OpenBLAS to choose again (`gotoblas_dynamic_quit`, `gotoblas_dynamic_init`, looked up at
/// run time: builds for a single CPU do not have them and are left alone). A variable the user set
/// is respected.
public enum BLASCore {
    /// What happened when the engine first used OpenBLAS.
    public struct Choice: Sendable, Equatable {
        /// The kernel set OpenBLAS picked on its own when it loaded.
        public var detected: String
        /// The kernel set in use now.
        public var inUse: String
        /// Why the engine changed it; nil when it did not.
        public var reason: String?
    }

    /// Kernel sets without AVX2: on a CPU with AVX2 and FMA, one of these means OpenBLAS did not
    /// recognise the CPU.
    static let preAVX2Cores: Set<String> = [
        "prescott", "core2", "penryn", "dunnington", "nehalem", "sandybridge", "atom", "katmai",
        "coppermine", "northwood", "banias", "athlon", "opteron", "opteron_sse3", "barcelona",
        "bobcat", "bulldozer", "piledriver", "steamroller", "excavator", "nano", "unknown",
    ]

    /// The kernel set to ask for, given the CPU's feature flags (as in `/proc/cpuinfo`): SkylakeX
    /// with AVX-512 (F, BW, DQ, VL), Haswell with AVX2 and FMA; nil otherwise.
    static func preferredCore(flags: Set<String>) -> String? {
        if flags.isSuperset(of: ["avx512f", "avx512bw", "avx512dq", "avx512vl"]) { return "SkylakeX" }
        if flags.isSuperset(of: ["avx2", "fma"]) { return "Haswell" }
        return nil
    }

    /// Checks the kernel set, once, and corrects it if needed (see the type's documentation).
    public static let choice: Choice = {
        let detected = currentName()
        var result = Choice(detected: detected, inUse: detected, reason: nil)
        guard ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] == nil,
              preAVX2Cores.contains(detected.lowercased()),
              let wanted = preferredCore(flags: cpuFlags()),
              let quit = symbol("gotoblas_dynamic_quit"), let initialise = symbol("gotoblas_dynamic_init")
        else { return result }
        setenv("OPENBLAS_CORETYPE", wanted, 0)
        quit()
        initialise()
        result.inUse = currentName()
        if result.inUse != detected {
            result.reason = "OpenBLAS did not recognise this CPU and chose \(detected); it has the instructions for \(wanted)"
        }
        return result
    }()

    private static func currentName() -> String {
        guard let name = openblas_get_corename() else { return "unknown" }
        return String(cString: name).trimmingCharacters(in: .whitespaces)
    }

    private typealias VoidFunction = @convention(c) () -> Void

    private static func symbol(_ name: String) -> VoidFunction? {
        guard let handle = dlopen(nil, RTLD_NOW), let address = dlsym(handle, name) else { return nil }
        return unsafeBitCast(address, to: VoidFunction.self)
    }

    /// The `flags` line of `/proc/cpuinfo`; empty where there is none.
    static func cpuFlags() -> Set<String> {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("flags") }),
              let colon = line.firstIndex(of: ":") else { return [] }
        return Set(line[line.index(after: colon)...].split(separator: " ").map(String.init))
    }
}
