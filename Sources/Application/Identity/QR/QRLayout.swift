/// The tables of ISO/IEC 18004 for level M, versions 1 to 10.
enum QRLayout {
    static let versions = Array(1...10)

    /// Error-correction codewords per block, and the blocks' data codewords (level M).
    static let blocks: [Int: (ecPerBlock: Int, dataPerBlock: [Int])] = [
        1: (10, [16]), 2: (16, [28]), 3: (26, [44]), 4: (18, [32, 32]), 5: (24, [43, 43]), 6: (16, [27, 27, 27, 27]),
        7: (18, [31, 31, 31, 31]), 8: (22, [38, 38, 39, 39]), 9: (22, [36, 36, 36, 37, 37]), 10: (26, [43, 43, 43, 43, 44]),
    ]

    /// Centres of the alignment patterns, per axis.
    static let alignment: [Int: [Int]] = [
        1: [], 2: [6, 18], 3: [6, 22], 4: [6, 26], 5: [6, 30], 6: [6, 34], 7: [6, 22, 38], 8: [6, 24, 42], 9: [6, 26, 46],
        10: [6, 28, 50],
    ]

    /// Data codewords of a version.
    static func dataCodewords(_ version: Int) -> Int { blocks[version]!.dataPerBlock.reduce(0, +) }

    /// Bits of the character count in byte mode.
    static func countBits(_ version: Int) -> Int { version < 10 ? 8 : 16 }

    /// Bytes a version holds in byte mode.
    static func capacity(_ version: Int) -> Int { (dataCodewords(version) * 8 - 4 - countBits(version)) / 8 }
}
