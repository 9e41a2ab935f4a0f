import Testing
@testable import ResLabNN

@Suite struct LayerNamesTests {
    /// Expected values are Python's `re.sub` applied as Keras' `to_snake_case` does (checked with
    /// python3: `re.sub('([a-z])([A-Z])', r'\1_\2', re.sub('(.)([A-Z][a-z0-9]+)', r'\1_\2', n)).lower()`).
    @Test(arguments: [
        ("Conv2D", "conv2d"), ("BatchNormalization", "batch_normalization"), ("ReLU", "re_lu"),
        ("ZeroPadding2D", "zero_padding2d"), ("MaxPooling2D", "max_pooling2d"),
        ("GlobalAveragePooling2D", "global_average_pooling2d"), ("Dense", "dense"), ("Add", "add"),
        ("Activation", "activation"), ("ChannelPaddingShortcut", "channel_padding_shortcut"),
    ])
    func snakeCaseFollowsKeras(name: String, expected: String) {
        #expect(LayerNames.snakeCase(name) == expected)
    }

    @Test func layersAreNumberedPerTypeFromZeroAndInputsFromOne() throws {
        try LayerNames.withFreshScope {
            let names = try [Conv2D(filters: 1, kernelSize: 1).name, Conv2D(filters: 1, kernelSize: 1).name,
                             BatchNormalization().name, Activation(.relu).name, ReLU().name, Add().name,
                             Conv2D(filters: 1, kernelSize: 1).name, Input(shape: [2]).layer.name,
                             Input(shape: [2]).layer.name]
            #expect(names == ["conv2d", "conv2d_1", "batch_normalization", "activation", "re_lu", "add",
                              "conv2d_2", "input_1", "input_2"])
            clearSession()
            #expect(try Conv2D(filters: 1, kernelSize: 1).name == "conv2d")
            #expect(try Dense(units: 1, name: "head").name == "head")
        }
    }
}
