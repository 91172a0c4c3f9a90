/// The relying party of the console's passkeys: its id (the host the console is served on; `rcm serve
/// --rp-id`, "localhost" by default; an IP address is not a valid RP id) and the origins its pages have.
public struct RelyingParty: Sendable, Equatable {
    public let id: String
    public let origins: Set<String>

    public init(id: String, origins: Set<String>) {
        self.id = id
        self.origins = origins
    }

    /// Whether `id` can be an RP id: a host name of letters, digits, hyphens and dots, not an IP address.
    public static func isValidID(_ id: String) -> Bool {
        let labels = id.split(separator: ".", omittingEmptySubsequences: false)
        guard !id.isEmpty, id.count <= 253, labels.allSatisfy({ !$0.isEmpty && $0.count <= 63 }) else { return false }
        guard id.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "." }) else { return false }
        return !labels.allSatisfy { $0.allSatisfy(\.isNumber) }
    }
}
