/// A QR code (ISO/IEC 18004) of bytes in byte mode at error-correction level M, versions 1 to 10 (up to 213
/// bytes: an `otpauth://` URI needs about 120), drawn for the TOTP enrolment. `modules[row][column]` is true
/// for a dark module; no quiet zone.
public struct QRCode: Sendable, Equatable {
    /// 1 to 10.
    public let version: Int
    /// The mask pattern applied, 0 to 7.
    public let mask: Int
    /// The modules, `size` rows of `size`.
    public let modules: [[Bool]]

    /// The side in modules: 17 + 4 × version.
    public var size: Int { modules.count }

    /// The code of `bytes` at the smallest version that holds them (or `version`), with the mask of the
    /// lowest penalty (or `mask`). Nil when they do not fit version 10.
    public init?(bytes: [UInt8], version fixedVersion: Int? = nil, mask fixedMask: Int? = nil) {
        guard let version = fixedVersion ?? QRLayout.versions.first(where: { QRLayout.capacity($0) >= bytes.count }),
            (1...10).contains(version), QRLayout.capacity(version) >= bytes.count, (fixedMask ?? 0) >= 0, (fixedMask ?? 0) < 8
        else { return nil }
        let codewords = QRCodewords.interleaved(QRCodewords.data(bytes, version: version), version: version)
        var best: (penalty: Int, mask: Int, modules: [[Bool]])?
        for mask in fixedMask.map({ [$0] }) ?? Array(0..<8) {
            var matrix = QRMatrix(version: version)
            matrix.place(codewords)
            matrix.apply(mask: mask)
            matrix.drawFormat(mask: mask)
            let penalty = fixedMask == nil ? matrix.penalty() : 0
            if best == nil || penalty < best!.penalty { best = (penalty, mask, matrix.modules) }
        }
        self.version = version
        self.mask = best!.mask
        self.modules = best!.modules
    }

    /// An SVG of the code with a four-module quiet zone, one path of unit squares, `scale` pixels a module.
    public func svg(scale: Int = 4) -> String {
        let side = size + 8
        var path = ""
        for (row, line) in modules.enumerated() {
            for (column, dark) in line.enumerated() where dark { path += "M\(column + 4) \(row + 4)h1v1h-1z" }
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(side) \(side)" width="\(side * scale)" height="\(side * scale)" \
            shape-rendering="crispEdges"><rect width="\(side)" height="\(side)" fill="#fff"/><path fill="#000" d="\(path)"/></svg>
            """
    }
}
