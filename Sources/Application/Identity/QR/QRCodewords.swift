/// The codewords of a QR code: the bit stream of byte mode, padded, split into blocks, each with its
/// Reed–Solomon error-correction codewords over GF(256) (polynomial 0x11D), interleaved.
enum QRCodewords {
    /// Mode 0100, the count, the bytes, a terminator, then 0xEC 0x11 padding to the version's data codewords.
    static func data(_ bytes: [UInt8], version: Int) -> [UInt8] {
        var bits: [Bool] = []
        func append(_ value: Int, _ count: Int) {
            for shift in stride(from: count - 1, through: 0, by: -1) { bits.append((value >> shift) & 1 == 1) }
        }
        append(0b0100, 4)
        append(bytes.count, QRLayout.countBits(version))
        for byte in bytes { append(Int(byte), 8) }
        let capacity = QRLayout.dataCodewords(version) * 8
        append(0, min(4, capacity - bits.count))
        while bits.count % 8 != 0 { bits.append(false) }
        var codewords = stride(from: 0, to: bits.count, by: 8).map { start in
            bits[start..<start + 8].reduce(UInt8(0)) { ($0 << 1) | ($1 ? 1 : 0) }
        }
        var pad: UInt8 = 0xEC
        while codewords.count < QRLayout.dataCodewords(version) {
            codewords.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        return codewords
    }

    /// Data codewords column by column across the blocks, then error correction the same way.
    static func interleaved(_ data: [UInt8], version: Int) -> [UInt8] {
        let layout = QRLayout.blocks[version]!
        var blocks: [[UInt8]] = []
        var start = 0
        for count in layout.dataPerBlock {
            blocks.append(Array(data[start..<start + count]))
            start += count
        }
        let corrections = blocks.map { ReedSolomon.remainder($0, degree: layout.ecPerBlock) }
        var result: [UInt8] = []
        for column in 0..<(layout.dataPerBlock.max() ?? 0) {
            for block in blocks where column < block.count { result.append(block[column]) }
        }
        for column in 0..<layout.ecPerBlock {
            for correction in corrections { result.append(correction[column]) }
        }
        return result
    }

    /// Reed–Solomon over GF(256) with the primitive polynomial x^8 + x^4 + x^3 + x^2 + 1.
    enum ReedSolomon {
        static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
            var product = 0
            for bit in stride(from: 7, through: 0, by: -1) {
                product = (product << 1) ^ ((product >> 7) * 0x11D)
                product ^= ((Int(b) >> bit) & 1) * Int(a)
            }
            return UInt8(product & 0xFF)
        }

        /// The generator (x − α^0)…(x − α^(degree−1)), coefficients from the highest power down, leading 1 dropped.
        static func generator(degree: Int) -> [UInt8] {
            var coefficients = [UInt8](repeating: 0, count: degree)
            coefficients[degree - 1] = 1
            var root: UInt8 = 1
            for _ in 0..<degree {
                for index in 0..<degree {
                    coefficients[index] = multiply(coefficients[index], root)
                    if index + 1 < degree { coefficients[index] ^= coefficients[index + 1] }
                }
                root = multiply(root, 0x02)
            }
            return coefficients
        }

        /// The remainder of data × x^degree divided by the generator: the error-correction codewords.
        static func remainder(_ data: [UInt8], degree: Int) -> [UInt8] {
            let divisor = generator(degree: degree)
            var result = [UInt8](repeating: 0, count: degree)
            for byte in data {
                let factor = byte ^ result.removeFirst()
                result.append(0)
                for index in 0..<degree { result[index] ^= multiply(divisor[index], factor) }
            }
            return result
        }
    }
}
