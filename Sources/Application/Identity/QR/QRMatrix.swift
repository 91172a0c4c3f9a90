/// The module grid of a QR code while it is drawn: function patterns (finders, timing, alignment, the dark
/// module, reserved format and version areas), the codewords in the zigzag order, a mask, the format bits.
struct QRMatrix {
    let version: Int
    var modules: [[Bool]]
    var isFunction: [[Bool]]
    var size: Int { modules.count }

    init(version: Int) {
        self.version = version
        let size = 17 + 4 * version
        modules = Array(repeating: Array(repeating: false, count: size), count: size)
        isFunction = modules
        drawFunctionPatterns()
    }

    mutating func set(column: Int, row: Int, _ dark: Bool) {
        modules[row][column] = dark
        isFunction[row][column] = true
    }

    mutating func drawFunctionPatterns() {
        for index in 0..<size {
            set(column: 6, row: index, index % 2 == 0)
            set(column: index, row: 6, index % 2 == 0)
        }
        for (column, row) in [(3, 3), (size - 4, 3), (3, size - 4)] {
            for dy in -4...4 {
                for dx in -4...4 where (0..<size).contains(column + dx) && (0..<size).contains(row + dy) {
                    let distance = max(abs(dx), abs(dy))
                    set(column: column + dx, row: row + dy, distance != 2 && distance != 4)
                }
            }
        }
        let centres = QRLayout.alignment[version]!
        for (i, row) in centres.enumerated() {
            for (j, column) in centres.enumerated() {
                let last = centres.count - 1
                if (i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0) { continue }
                for dy in -2...2 {
                    for dx in -2...2 { set(column: column + dx, row: row + dy, max(abs(dx), abs(dy)) != 1) }
                }
            }
        }
        drawFormat(mask: 0)  // reserves the areas; the real bits are drawn after masking
        drawVersion()
    }

    /// The 15 format bits (level M = 00, the mask, BCH(15,5), XOR 0x5412) in both copies, and the dark module.
    mutating func drawFormat(mask: Int) {
        let data = mask  // level M's two bits are 00
        var remainder = data
        for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
        let bits = ((data << 10) | remainder) ^ 0x5412
        func bit(_ index: Int) -> Bool { (bits >> index) & 1 == 1 }
        for index in 0...5 { set(column: 8, row: index, bit(index)) }
        set(column: 8, row: 7, bit(6))
        set(column: 8, row: 8, bit(7))
        set(column: 7, row: 8, bit(8))
        for index in 9..<15 { set(column: 14 - index, row: 8, bit(index)) }
        for index in 0..<8 { set(column: size - 1 - index, row: 8, bit(index)) }
        for index in 8..<15 { set(column: 8, row: size - 15 + index, bit(index)) }
        set(column: 8, row: size - 8, true)
    }

    /// The 18 version bits (BCH(18,6)) beside the top-right and bottom-left finders, from version 7.
    mutating func drawVersion() {
        guard version >= 7 else { return }
        var remainder = version
        for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
        let bits = (version << 12) | remainder
        for index in 0..<18 {
            let dark = (bits >> index) & 1 == 1
            let a = size - 11 + index % 3, b = index / 3
            set(column: a, row: b, dark)
            set(column: b, row: a, dark)
        }
    }

    /// The codewords' bits, most significant first, up and down two-column strips from the bottom right,
    /// skipping the vertical timing column and every function module; remainder modules stay light.
    mutating func place(_ codewords: [UInt8]) {
        var index = 0
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            for vertical in 0..<size {
                for offset in 0..<2 {
                    let column = right - offset
                    let upward = (right + 1) & 2 == 0
                    let row = upward ? size - 1 - vertical : vertical
                    if !isFunction[row][column] && index < codewords.count * 8 {
                        modules[row][column] = (codewords[index >> 3] >> (7 - (index & 7))) & 1 == 1
                        index += 1
                    }
                }
            }
            right -= 2
        }
    }

    /// Inverts the data modules where the mask's condition holds (column x, row y).
    mutating func apply(mask: Int) {
        for y in 0..<size {
            for x in 0..<size where !isFunction[y][x] {
                let invert: Bool
                switch mask {
                case 0: invert = (x + y) % 2 == 0
                case 1: invert = y % 2 == 0
                case 2: invert = x % 3 == 0
                case 3: invert = (x + y) % 3 == 0
                case 4: invert = (x / 3 + y / 2) % 2 == 0
                case 5: invert = x * y % 2 + x * y % 3 == 0
                case 6: invert = (x * y % 2 + x * y % 3) % 2 == 0
                default: invert = ((x + y) % 2 + x * y % 3) % 2 == 0
                }
                if invert { modules[y][x].toggle() }
            }
        }
    }

    /// The standard's penalty: runs of five or more, 2×2 blocks, finder-like patterns, dark balance.
    func penalty() -> Int {
        var score = 0
        let columns = (0..<size).map { x in (0..<size).map { modules[$0][x] } }
        let finderLike: [[Bool]] = [
            [true, false, true, true, true, false, true, false, false, false, false],
            [false, false, false, false, true, false, true, true, true, false, true],
        ]
        for line in modules + columns {
            var run = 1
            for index in 1..<line.count {
                if line[index] == line[index - 1] {
                    run += 1
                } else {
                    if run >= 5 { score += run - 2 }
                    run = 1
                }
            }
            if run >= 5 { score += run - 2 }
            for start in 0...(line.count - 11) where finderLike.contains(where: { Array(line[start..<start + 11]) == $0 }) { score += 40 }
        }
        for y in 0..<(size - 1) {
            for x in 0..<(size - 1) where modules[y][x] == modules[y][x + 1] && modules[y][x] == modules[y + 1][x] && modules[y][x] == modules[y + 1][x + 1] {
                score += 3
            }
        }
        let dark = modules.reduce(0) { $0 + $1.filter { $0 }.count }
        let total = size * size
        // 10 for each full 5 % the dark share is away from 50 %.
        score += abs(dark * 20 - total * 10) / total * 10
        return score
    }
}
