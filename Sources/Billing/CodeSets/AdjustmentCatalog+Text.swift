extension CASAdjustment {
    /// The adjustment as every screen shows it: group and reason code, `CO-29` (never the group's name).
    public var code: String { "\(group.rawValue)-\(reason)" }
}

extension AdjustmentCatalog {
    /// Our wording of a reason code (`29` or `CO-29`), or a sentence saying we do not know it.
    public static func meaning(ofReason code: String) -> String {
        let reason = code.split(separator: "-").last.map(String.init) ?? code
        return reasons[reason]?.summary ?? "CARC \(reason), not in our list (see the X12 CARC list)"
    }

    /// Our wording of a remark code (`N290`), or a sentence saying we do not know it.
    public static func meaning(ofRemark code: String) -> String {
        remarks[code]?.summary ?? "RARC \(code), not in our list (see the X12 RARC list)"
    }
}
