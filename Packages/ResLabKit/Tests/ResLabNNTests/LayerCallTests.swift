import Testing
@testable import ResLabNN

/// Calling layers: eagerly on numbers, symbolically on `Input`, and dynamically on either.
@Suite struct LayerCallTests {
    @Test func aLayerBuildsOnItsFirstCallAndThenKeepsItsShape() throws {
        let conv = try Conv2D(filters: 4, kernelSize: 3, padding: .same)
        #expect(!conv.isBuilt)
        let y = try conv(try Tensor(ones: [2, 5, 5, 3]))
        #expect(y.shape == [2, 5, 5, 4])
        #expect(conv.kernel?.shape == [3, 3, 3, 4])
        #expect(conv.bias?.value.scalars == [0, 0, 0, 0])  // Keras: bias on, zero
        #expect {
            _ = try conv(try Tensor(ones: [2, 5, 5, 2]))
        } throws: { "\($0)".contains("built for 3 input channels") }
    }

    @Test func symbolicCallsRecordShapesWithoutNumbers() throws {
        let input = try Input(shape: [64, 64, 3])
        #expect(input.shape == [nil, 64, 64, 3])
        #expect("\(input)".hasPrefix("KerasTensor(shape: (None, 64, 64, 3), created by layer 'input"))
        let padded = try ZeroPadding2D(padding: (3, 3))(input)
        let conv = try Conv2D(filters: 64, kernelSize: (7, 7), strides: (2, 2))(padded)
        #expect(padded.shape == [nil, 70, 70, 3])
        #expect(conv.shape == [nil, 32, 32, 64])
        #expect(try MaxPooling2D(poolSize: 3, strides: 2)(conv).shape == [nil, 15, 15, 64])
    }

    @Test func dynamicCallsDispatchOnWhatTheyAreGiven() throws {
        let dense = try Dense(units: 2, kernelInitializer: .ones)
        let number = try dense.apply([try Tensor(ones: [1, 3])])
        #expect((number as? Tensor)?.scalars == [3, 3])
        let symbol = try dense.apply([try Input(shape: [3])])
        #expect((symbol as? KerasTensor)?.shape == [nil, 2])
        #expect(throws: NNError.self) {
            _ = try Add().apply([try Tensor(ones: [1, 2]), try Input(shape: [2])])
        }
        #expect(throws: NNError.self) { _ = try dense.apply([try Tensor(ones: [1, 3]), try Tensor(ones: [1, 3])]) }
    }

    @Test func aListGoesToMergingLayersOnly() throws {
        let x = try Tensor(ones: [1, 2])
        #expect(throws: NNError.self) { _ = try Add()(x) }
        #expect(throws: NNError.self) { _ = try ReLU()([x, x]) }
        #expect(try Add()([x, x, x]).scalars == [3, 3])
    }

    @Test func aModelRefusesInputsItDoesNotDependOnOrDidNotDeclare() throws {
        let a = try Input(shape: [2]), b = try Input(shape: [2])
        let sum = try Add()([a, b])
        #expect { _ = try Model(inputs: a, outputs: sum) } throws: { "\($0)".contains("graph disconnected") }
        #expect { _ = try Model(inputs: sum, outputs: sum) } throws: { "\($0)".contains("Input(shape:)") }
    }
}
