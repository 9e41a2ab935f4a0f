import Foundation
import Testing
@testable import ResLabNN

/// Every reader against thousands of seeded mutations of a valid file (cut short at many
/// offsets, bytes replaced, header fields overwritten): each case must be refused with a
/// `DataError` or give a valid result, never crash or throw anything else. Each test also
/// checks that both outcomes occur, so that the mutations reach past the first check.
@Suite struct ReaderMutationTests {
    @Test func npy() throws {
        let original = try Fixtures.bytes("npy/f4_2x3.npy")
        var mutations = Mutations(of: original, headerLength: 128, seed: 1)
        let cases = mutations.truncations(extra: 20) + mutations.byteFlips(count: 600)
            + mutations.textEdits(in: 10 ..< 70, alphabet: "0123456789(),:'<>|fiuTFrue {}[]L", count: 600)
        let outcome = expectOnlyDataErrors(cases, reader: ".npy") { bytes in
            let array = try NumPyArray(npyBytes: bytes[...], file: "f4_2x3.npy")
            #expect(array.count == array.shape.reduce(1, *))
        }
        #expect(outcome.refused > 500 && outcome.read > 10, "\(outcome)")
    }

    @Test func npzStoredAndDeflated() throws {
        for (index, name) in ["keras_stored.npz", "keras_deflated.npz"].enumerated() {
            let original = try Fixtures.bytes("npz/\(name)")
            var mutations = Mutations(of: original, headerLength: original.count, seed: 10 + UInt64(index))
            let cases = mutations.truncations(extra: 0).everyNth(3)
                + mutations.byteFlips(count: 500)
            let outcome = expectOnlyDataErrors(cases, reader: name) { bytes in
                let set = try DataSet.kerasDataSet(from: NumPyArchive.decode(bytes, file: name), file: name)
                #expect(set.train.images.scalars.allSatisfy { $0 >= 0 && $0 <= 1 })
            }
            #expect(outcome.refused > 400 && outcome.read > 10, "\(name): \(outcome)")
        }
    }

    @Test func idx() throws {
        let images = IDXAndCIFAR10Tests.idx([3, 4, 5], (0 ..< 60).map { UInt8($0 * 4) })
        let labels = IDXAndCIFAR10Tests.idx([3], [1, 0, 2])
        var imageMutations = Mutations(of: images, headerLength: 16, seed: 20)
        var labelMutations = Mutations(of: labels, headerLength: 12, seed: 21)
        let dimensionFields = [0 ..< 4, 4 ..< 8, 8 ..< 12, 12 ..< 16, 2 ..< 3, 3 ..< 4, 7 ..< 8, 11 ..< 12]
        let imageCases = imageMutations.truncations(extra: 40) + imageMutations.byteFlips(count: 300)
            + imageMutations.fieldEdits(dimensionFields, count: 300)
        let labelCases = labelMutations.truncations(extra: 0) + labelMutations.byteFlips(count: 200)
            + labelMutations.fieldEdits([0 ..< 4, 4 ..< 8, 3 ..< 4, 7 ..< 8], count: 200)
        let cases = imageCases.map { ($0, labels) } + labelCases.map { (images, $0) }
        var refused = 0, read = 0
        for (imageBytes, labelBytes) in cases {
            let outcome = expectOnlyDataErrors([[]], reader: "IDX") { _ in
                let split = try DataSet.idxSplit(images: imageBytes, imagesFile: "train-images-idx3-ubyte",
                                                 labels: labelBytes, labelsFile: "train-labels-idx1-ubyte")
                _ = try DataSet.idxDataSet(train: split, test: nil, name: "mnist")
            }
            refused += outcome.refused
            read += outcome.read
        }
        #expect(refused > 500 && read > 30, "refused \(refused), read \(read)")
    }

    @Test func cifar10() throws {
        let original = IDXAndCIFAR10Tests.cifarRecord(label: 3, red: 9) + IDXAndCIFAR10Tests.cifarRecord(label: 7, red: 200)
        var mutations = Mutations(of: original, headerLength: 8, seed: 30)
        let cases = mutations.truncations(extra: 300) + mutations.byteFlips(count: 300)
            + mutations.fieldEdits([0 ..< 1, 3073 ..< 3074], count: 300)
        let outcome = expectOnlyDataErrors(cases, reader: "CIFAR-10") { bytes in
            let batch = try DataSet.cifar10Batch(bytes, file: "data_batch_1.bin")
            _ = try DataSet(name: "cifar", train: batch, test: LabelledImages.empty(imageShape: [32, 32, 3]),
                            classNames: DataSet.cifar10ClassNames)
        }
        #expect(outcome.refused > 300 && outcome.read > 100, "\(outcome)")
    }

    @Test func safetensors() throws {
        let original = try Fixtures.bytes("safetensors/python_f32.safetensors")
        let headerLength = Int(original[0]) + 8
        var mutations = Mutations(of: original, headerLength: headerLength, seed: 40)
        let cases = mutations.truncations(extra: 60) + mutations.byteFlips(count: 600)
            + mutations.textEdits(in: 8 ..< headerLength, alphabet: "0123456789-,[]{}\":FBI16e.", count: 800)
            + mutations.fieldEdits([0 ..< 8, 0 ..< 1, 1 ..< 2, 7 ..< 8], count: 100)
        let outcome = expectOnlyDataErrors(cases, reader: "safetensors") { bytes in
            let file = try SafeTensors(decoding: bytes, file: "python_f32.safetensors")
            for (_, tensor) in file.tensors { #expect(tensor.count == tensor.shape.reduce(1, *)) }
        }
        #expect(outcome.refused > 800 && outcome.read > 50, "\(outcome)")
    }

    /// libhdf5 parses the mutated files itself: this test shows that on these cases it refuses
    /// them cleanly. It cannot prove libhdf5 safe on every input (see `HDF5File`).
    @Test func signsHDF5() throws {
        let small = try Fixtures.bytes("hdf5/small_signs.h5")
        // h5py puts the superblock, object headers, B-tree and heap in the first 2 KiB.
        var mutations = Mutations(of: small, headerLength: 2048, seed: 50)
        let address = stride(from: 24, to: 96, by: 8).map { $0 ..< $0 + 8 }
        let cases = mutations.truncations(extra: 40).everyNth(4)
            + mutations.byteFlips(count: 700) + mutations.fieldEdits(address, count: 150)
        let outcome = expectOnlyDataErrors(cases, reader: "SIGNS HDF5") { bytes in
            let content = try DataSet.signsContent(bytes, file: "small_signs.h5")
            let set = try DataSet.signsDataSet([content], files: ["small_signs.h5"], name: "small_signs.h5")
            #expect(set.train.images.scalars.allSatisfy { $0 >= 0 && $0 <= 1 })
        }
        #expect(outcome.refused > 300 && outcome.read > 50, "\(outcome)")
    }

    /// The real SIGNS test file: its metadata lives in the first 2144 bytes and the last 1008.
    @Test func realSignsFileMetadata() throws {
        let original = try DataFile.readBytes(Fixtures.signsTestFile)
        var headMutations = Mutations(of: original, headerLength: 2144, seed: 60)
        var tailMutations = Mutations(of: Array(original.suffix(1008)), headerLength: 1008, seed: 61)
        let cases = headMutations.byteFlips(count: 40)
            + tailMutations.byteFlips(count: 12).map { Array(original.dropLast(1008)) + $0 }
            + [Array(original.prefix(2144)), Array(original.dropLast(48))]
        let outcome = expectOnlyDataErrors(cases, reader: "test_signs.h5") { bytes in
            let content = try DataSet.signsContent(bytes, file: "test_signs.h5")
            _ = try DataSet.signsDataSet([content], files: ["test_signs.h5"], name: "test_signs.h5")
        }
        #expect(outcome.refused > 10 && outcome.read > 10, "\(outcome)")
    }
}
