import Foundation
import Testing
@testable import ResLabNN

/// safetensors interchange with Python's `safetensors` package, both ways, and the checks that
/// refuse a damaged file. Fixtures come from `Fixtures/make_fixtures.py`.
@Suite struct SafeTensorsTests {
    /// The tensors of `Fixtures/check_reslab_safetensors.py`, keyed by name.
    static func expectedTensors() throws -> [String: Tensor] {
        [
            "block1.bn.moving_variance": try Tensor(shape: [2], scalars: [1, 0.5]),
            "block1.conv.kernel": try Tensor(shape: [1, 2, 2, 3], scalars: (0 ..< 12).map { Float($0) / 4 }),
            "dense.kernel": try Tensor(shape: [2, 2], scalars: [-1.5, 2, 0.25, 8]),
        ]
    }

    @Test func fileWrittenByPythonLoadsWithExactValues() throws {
        let file = try SafeTensors.read(contentsOf: Fixtures.url("safetensors/python_f32.safetensors"))
        #expect(file.metadata == ["format": "np", "source": "make_fixtures.py"])
        #expect(file.names == ["bn1.gamma", "conv1.kernel", "dense.bias", "step"])
        #expect(file["conv1.kernel"]?.shape == [2, 3, 2, 2])
        #expect(file["conv1.kernel"]?.scalars == (0 ..< 24).map { Float($0) / 8 })
        #expect(file["bn1.gamma"]?.scalars == [1.5, -2.25, 3])
        #expect(file["dense.bias"]?.shape == [0])
        #expect(file["step"]?.shape == [] && file["step"]?.scalars == [7])
    }

    @Test func doubleAndHalfTensorsConvertToFloat() throws {
        let file = try SafeTensors.read(contentsOf: Fixtures.url("safetensors/python_f64_f16.safetensors"))
        #expect(file["double"]?.scalars == [Float(0.1), -2.5])
        // 65504 is the largest half; 2^-24 the smallest subnormal.
        #expect(file["half"]?.scalars == [1, -0.5, 65504, 0x1p-24])
    }

    @Test func brainFloatTensorsConvertToFloat() throws {
        // BF16 keeps a Float32's top 16 bits: 0x3FC0 is 1.5, 0xC020 is -2.5.
        let header = Array(#"{"b":{"dtype":"BF16","shape":[2],"data_offsets":[0,4]}}"#.utf8)
        var bytes: [UInt8] = [UInt8(header.count), 0, 0, 0, 0, 0, 0, 0] + header
        bytes += [0xC0, 0x3F, 0x20, 0xC0]
        #expect(try SafeTensors(decoding: bytes, file: "bf16.safetensors")["b"]?.scalars == [1.5, -2.5])
    }

    @Test func integerTensorsAreRefusedClearly() throws {
        let error = #expect(throws: DataError.self) {
            try SafeTensors.read(contentsOf: Fixtures.url("safetensors/python_i64.safetensors"))
        }
        #expect(error?.description == "python_i64.safetensors: unsupported: tensor 'counts' has dtype I64; "
            + "ResLab reads F32, F64, F16 and BF16 tensors")
    }

    /// What ResLab writes is, byte for byte, what `safetensors.numpy.save_file` writes for the same
    /// tensors; and when Python has the package, it reads ResLab's file back itself.
    @Test func fileWrittenByResLabLoadsInPython() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("reslab.safetensors")
        try SafeTensors(Self.expectedTensors(), metadata: ["format": "reslab"]).write(to: url)
        let written = try DataFile.readBytes(url)
        #expect(written == (try Fixtures.bytes("safetensors/reslab_expected.safetensors")))
        #expect((written.count - 8 - 72) % 8 == 0, "the buffer starts at a multiple of 8 bytes")

        guard Self.pythonHasSafetensors() else { return }
        let (status, output) = try Self.run(["python3", Fixtures.url("check_reslab_safetensors.py").path, url.path])
        #expect(status == 0 && output == "ok\n", "check_reslab_safetensors.py said: \(output)")
    }

    @Test func roundTripKeepsOrderShapesValuesAndMetadata() throws {
        let tensors = [(name: "z.first", tensor: try Tensor(shape: [3], scalars: [1, 2, 3])),
                       (name: "a.second", tensor: try Tensor(shape: [1, 1], scalars: [-0.0])),
                       (name: "ünïcode \"quoted\"", tensor: try Tensor(shape: [], scalars: [.infinity]))]
        let original = try SafeTensors(tensors: tensors, metadata: ["architecture": "{\"layers\": [1, 2]}\n"])
        let decoded = try SafeTensors(data: original.encoded())
        #expect(decoded.names == ["z.first", "a.second", "ünïcode \"quoted\""])
        #expect(decoded.metadata == original.metadata)
        #expect(decoded["a.second"]?.scalars.first?.sign == .minus)
        #expect(decoded.dictionary["ünïcode \"quoted\""]?.scalars == [.infinity])
    }

    @Test func repeatedOrReservedNamesAreRefused() throws {
        let tensor = try Tensor(shape: [1], scalars: [1])
        #expect(throws: DataError.self) { try SafeTensors(tensors: [("a", tensor), ("a", tensor)]) }
        #expect(throws: DataError.self) { try SafeTensors(tensors: [("__metadata__", tensor)]) }
    }

    /// A header naming `entries` followed by `buffer` bytes of data.
    static func file(_ entries: String, buffer: Int) -> [UInt8] {
        let header = Array(entries.utf8)
        var bytes: [UInt8] = []
        LittleEndian.append([UInt64(header.count)], to: &bytes)
        return bytes + header + [UInt8](repeating: 0, count: buffer)
    }

    @Test func damagedHeadersAreRefusedWithTheReason() throws {
        func error(_ entries: String, buffer: Int) -> String? {
            (#expect(throws: DataError.self) { try SafeTensors(decoding: Self.file(entries, buffer: buffer), file: "w") })?.description
        }
        #expect(error(#"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}"#, buffer: 4)
            == "w: truncated: the tensors needs 70 bytes but only 66 are there; the file was probably cut short while copying or downloading")
        #expect(error(#"{"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}"#, buffer: 8)
            == "w: corrupt: tensor 'a': shape [3] of F32 needs 12 bytes but data_offsets [0, 8] span 8")
        #expect(error(#"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"b":{"dtype":"F32","shape":[1],"data_offsets":[2,6]}}"#, buffer: 6)
            == "w: corrupt: tensor 'b' overlaps another tensor's bytes")
        #expect(error(#"{"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}"#, buffer: 8)
            == "w: corrupt: the bytes 0..<4 of the buffer belong to no tensor")
        #expect(error(#"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#, buffer: 8)
            == "w: corrupt: 4 bytes after the last tensor belong to no tensor")
        #expect(error(#"{"a":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}}"#, buffer: 4)
            == "w: corrupt: tensor 'a': the shape is not a list of non-negative integers")
        #expect(error(#"{"a":{"dtype":"Q7","shape":[1],"data_offsets":[0,4]}}"#, buffer: 4)
            == "w: corrupt: tensor 'a': unknown dtype 'Q7'")
        #expect(error(#"{"__metadata__":{"n":1}}"#, buffer: 0) == "w: corrupt: '__metadata__' maps 'n' to a non-string")
        #expect(error(#"[1, 2]"#, buffer: 0) == "w: corrupt: the header does not start with '{'; this is not a safetensors file")
        #expect(error(#"{"a": "#, buffer: 0) == "w: corrupt: the header is not valid JSON")
    }

    @Test func headerLongerThanTheFileOrTheLimitIsRefused() throws {
        var bytes = Self.file("{}", buffer: 0)
        bytes[0] = 200
        #expect(throws: DataError.truncated(file: "w", what: "the header", needed: 208, available: 10)) {
            try SafeTensors(decoding: bytes, file: "w")
        }
        bytes[5] = 1
        #expect(throws: DataError.self) { try SafeTensors(decoding: bytes, file: "w") }
    }

    // MARK: - Python

    static func pythonHasSafetensors() -> Bool {
        (try? run(["python3", "-c", "import numpy, safetensors"]))?.status == 0
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
