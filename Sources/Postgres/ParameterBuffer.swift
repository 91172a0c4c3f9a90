/// Lays parameter values out in one buffer and hands libpq the three arrays it wants.
struct ParameterBuffer {
    private var storage: [CChar] = []
    private var offsets: [Int?] = []
    private var lengths: [Int32] = []
    private var formats: [Int32] = []

    init(_ parameters: [SQLParameter]) {
        storage.reserveCapacity(parameters.count * 16)
        for parameter in parameters {
            if let bytes = parameter.bytes {
                offsets.append(storage.count)
                storage.append(contentsOf: bytes.map { CChar(bitPattern: $0) })
                storage.append(0)
                lengths.append(Int32(bytes.count))
            } else {
                offsets.append(nil)
                lengths.append(0)
            }
            formats.append(parameter.isBinary ? 1 : 0)
        }
    }

    func withCArrays<R>(
        _ body: (UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?) throws -> R
    ) rethrows -> R {
        try storage.withUnsafeBufferPointer { buffer in
            let pointers: [UnsafePointer<CChar>?] = offsets.map { offset in
                offset.map { buffer.baseAddress! + $0 }
            }
            return try pointers.withUnsafeBufferPointer { values in
                try lengths.withUnsafeBufferPointer { lengths in
                    try formats.withUnsafeBufferPointer { formats in
                        try body(values.baseAddress, lengths.baseAddress, formats.baseAddress)
                    }
                }
            }
        }
    }
}
