let d = Dense(units: 2)
print(d.kernel)
// expect error: 2:9: dense (Dense) has no kernel yet
// expect hint: weights are created at the first call: call the layer on a tensor, or build(inputShape:)
