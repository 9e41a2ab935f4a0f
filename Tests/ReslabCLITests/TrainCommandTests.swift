import Foundation
import Testing

/// `reslab train` in small configurations (one epoch of a ResNet-8 on 16×16 or 7×7 images): the
/// lines it prints, a saved model that `--from` loads back, and the errors for options that do
/// not fit. How well the full CIFAR recipe learns is measured in a release build, not here.
@Suite("reslab train")
struct TrainCommandTests {
    let home: TestHome

    init() throws {
        home = try TestHome()
    }

    private func lines(_ run: ReslabProcess) -> [String] {
        run.output.split(separator: "\n").map(String.init)
    }

    @Test func aCIFARModelTrainsOnSmallSyntheticImagesAndItsSavedModelLoadsBack() throws {
        let run = try ReslabProcess.run(["train", "--model", "resnet8", "--image-size", "16", "--epochs", "1",
                                         "--save", "saved/model.safetensors"], home: home)
        #expect(run.status == 0, "\(run.errors)")
        let printed = lines(run)
        #expect(printed.first?.hasPrefix("Training resnet8 (") == true)
        #expect(printed.first?.hasSuffix(" parameters) on synthetic hand signs: 1080 training and 120 test images of [16, 16, 3], 6 classes") == true)
        // The CIFAR family's defaults: learning rate 0.002, augmentation on.
        #expect(printed.dropFirst().first
                == "1 epoch, batch 32, Adam at learning rate 0.002 with cosine decay, augmentation: shifts of up to 4 pixels and horizontal flips")
        #expect(printed.contains("Epoch 1/1"))
        let tail = printed.suffix(3)
        #expect(tail.first == "Saved the model to saved/model.safetensors")
        #expect(tail.dropFirst().first?.hasPrefix("Test loss: ") == true)
        #expect(tail.last?.hasPrefix("Test accuracy: ") == true)
        #expect(FileManager.default.fileExists(atPath: home.path("saved/model.safetensors")))

        // Zero epochs from the saved model: the same model on the same test images, so the same
        // test loss and accuracy, to the printed digit.
        let again = try ReslabProcess.run(["train", "--from", "saved/model.safetensors", "--epochs", "0",
                                           "--no-augment"], home: home)
        #expect(again.status == 0, "\(again.errors)")
        let reloaded = lines(again)
        #expect(reloaded.first?.contains("parameters, from saved/model.safetensors) on synthetic hand signs") == true)
        #expect(reloaded.first?.contains("images of [16, 16, 3]") == true)
        #expect(reloaded.dropFirst().first?.hasSuffix("no augmentation") == true)
        #expect(reloaded.suffix(2) == printed.suffix(2))
    }

    @Test func optionsThatDoNotFitAreRefused() throws {
        let both = try ReslabProcess.run(["train", "--model", "resnet20", "--from", "x.safetensors"], home: home)
        #expect(both.status != 0)
        #expect(both.errors.contains("give --model or --from, not both"))

        let unknown = try ReslabProcess.run(["train", "--model", "resnet7b"], home: home)
        #expect(unknown.status != 0)
        #expect(unknown.errors.contains("unknown model"))

        let notAModel = try ReslabProcess.run(["train", "--from", "missing.safetensors"], home: home)
        #expect(notAModel.status != 0)
        #expect(notAModel.errors.contains("missing.safetensors"))
    }

    /// 28×28 grey images in MNIST's IDX files: shrunk on request by a whole factor, refused otherwise.
    @Test func loadedImagesAreResizedOnlyWhenAskedAndOnlyByAWholeFactor() throws {
        let folder = home.root.appendingPathComponent("digits")
        try writeIDX(in: folder, prefix: "train", count: 12)
        try writeIDX(in: folder, prefix: "t10k", count: 6)

        let impossible = try ReslabProcess.run(["train", "--model", "resnet8", "--data", "digits", "--image-size", "10"],
                                               home: home)
        #expect(impossible.status != 0)
        #expect(impossible.errors.contains("cannot resize 28×28 images to 10×10: images can only be shrunk by a whole factor, to one of 14, 7, 4, 2, 1"))

        let shrunk = try ReslabProcess.run(["train", "--model", "resnet8", "--data", "digits", "--image-size", "7",
                                           "--epochs", "1", "--no-augment"], home: home)
        #expect(shrunk.status == 0, "\(shrunk.errors)")
        #expect(lines(shrunk).first?.hasSuffix("12 training and 6 test images of [7, 7, 1], 2 classes") == true)
        #expect(lines(shrunk).dropFirst().first?.hasSuffix("no augmentation") == true)
    }

    /// MNIST IDX files for `count` images alternating between two classes, pixels a gradient.
    private func writeIDX(in folder: URL, prefix: String, count: Int) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        func bigEndian(_ value: Int) -> [UInt8] { (0 ..< 4).map { UInt8((value >> (8 * (3 - $0))) & 0xFF) } }
        var images: [UInt8] = [0, 0, 8, 3] + bigEndian(count) + bigEndian(28) + bigEndian(28)
        for index in 0 ..< count { images += (0 ..< 28 * 28).map { UInt8(($0 * (index % 2 + 1)) % 256) } }
        let labels: [UInt8] = [0, 0, 8, 1] + bigEndian(count) + (0 ..< count).map { UInt8($0 % 2) }
        try Data(images).write(to: folder.appendingPathComponent("\(prefix)-images-idx3-ubyte"))
        try Data(labels).write(to: folder.appendingPathComponent("\(prefix)-labels-idx1-ubyte"))
    }
}
