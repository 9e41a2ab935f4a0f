/// Conversion of 8-bit pixels to the [0, 1] Float32 values ResLab's data sets hold.
enum Pixels {
    /// `bytes` (HWC order already) divided by 255, as a tensor of `shape`.
    static func unitTensor(_ bytes: ArraySlice<UInt8>, shape: [Int], file: String) throws -> Tensor {
        let count = try DataFile.checkedCount(of: shape, file: file, what: "the images")
        guard bytes.count == count else {
            throw DataError.corrupt(file: file, reason: "images of shape \(shape) need \(count) pixel values, found \(bytes.count)")
        }
        let scalars = [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            bytes.withUnsafeBufferPointer { source in
                for index in 0 ..< count { buffer[index] = Float(source[index]) / 255 }
            }
            initialized = count
        }
        return try Tensor(shape: shape, scalars: scalars)
    }
}
