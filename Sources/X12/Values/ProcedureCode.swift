/// A procedure composite (`HC:90837:95`): qualifier, code, up to four modifiers, optional description.
public struct ProcedureCode: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The code qualifier: `HC` CPT/HCPCS, `AD`, `ER`, `IV`, `N4`, `NU` revenue code…
    public var qualifier: String
    /// The procedure code.
    public var code: String
    /// Up to four modifiers, in order.
    public var modifiers: [String]
    /// Component 7: a description, for unlisted codes.
    public var narrative: String?

    /// A procedure code.
    public init(qualifier: String = "HC", code: String, modifiers: [String] = [], narrative: String? = nil) {
        self.qualifier = qualifier
        self.code = code
        self.modifiers = modifiers
        self.narrative = narrative
    }

    /// `HC:90837:95`.
    public var description: String { ([qualifier, code] + modifiers).joined(separator: ":") }

    /// Reads components; `nil` when the code is missing.
    init?(components: [String]) {
        guard components.count >= 2, !components[0].isEmpty, !components[1].isEmpty else { return nil }
        qualifier = components[0]
        code = components[1]
        modifiers = components.dropFirst(2).prefix(4).filter { !$0.isEmpty }
        narrative = components.count > 6 && !components[6].isEmpty ? components[6] : nil
    }

    /// The components to write: trailing empty ones are left out by the writer.
    var components: [String] {
        var parts = [qualifier, code] + modifiers.prefix(4)
        if let narrative {
            while parts.count < 6 { parts.append("") }
            parts.append(narrative)
        }
        return parts
    }

    private enum CodingKeys: String, CodingKey {
        case qualifier, code, modifiers
        case narrative = "description"
    }
}
