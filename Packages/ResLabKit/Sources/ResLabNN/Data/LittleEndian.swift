/// Conversions between little-endian bytes, the byte order of `.npy`, safetensors and HDF5 as
/// ResLab writes them, and arrays of numbers.
///
/// On a little-endian machine (every machine Swift runs ResLab on today) each is one memory
/// copy; the byte-swapping path keeps the code correct elsewhere.
enum LittleEndian {
    /// The numbers stored in `bytes`, `bytes.count / MemoryLayout<T>.size` of them (callers check
    /// that the count divides exactly).
    static func decode<T: FixedWidthInteger>(_ bytes: ArraySlice<UInt8>, as type: T.Type) -> [T] {
        let count = bytes.count / MemoryLayout<T>.size
        var values = [T](repeating: 0, count: count)
        values.withUnsafeMutableBytes { destination in
            bytes.withUnsafeBytes { source in
                destination.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[0 ..< count * MemoryLayout<T>.size]))
            }
        }
        #if !_endian(little)
        for index in values.indices { values[index] = T(littleEndian: values[index]) }
        #endif
        return values
    }

    /// The Float32 values stored in `bytes`.
    static func floats(_ bytes: ArraySlice<UInt8>) -> [Float] {
        decode(bytes, as: UInt32.self).map { Float(bitPattern: $0) }
    }

    /// The Float64 values stored in `bytes`.
    static func doubles(_ bytes: ArraySlice<UInt8>) -> [Double] {
        decode(bytes, as: UInt64.self).map { Double(bitPattern: $0) }
    }

    /// Appends `values` to `bytes` in little-endian order.
    static func append<T: FixedWidthInteger>(_ values: [T], to bytes: inout [UInt8]) {
        #if _endian(little)
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
        #else
        for value in values { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
        #endif
    }

    /// Appends Float32 `values` to `bytes` in little-endian order.
    static func append(_ values: [Float], to bytes: inout [UInt8]) {
        #if _endian(little)
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
        #else
        append(values.map(\.bitPattern), to: &bytes)
        #endif
    }

    /// Appends Float64 `values` to `bytes` in little-endian order.
    static func append(_ values: [Double], to bytes: inout [UInt8]) {
        #if _endian(little)
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
        #else
        append(values.map(\.bitPattern), to: &bytes)
        #endif
    }
}
