// Claim status category codes, X12 external code source 507.
// The values of pyx12's pyx12/map/codes.xml, codeset claim_status_cat (github.com/azoner/pyx12, BSD licence; list
// effective 2014-07-01), with X0 marked deactivated as https://x12.org/codes/claim-status-category-codes shows it
// (stop 10/16/2003; that page's list was last changed 3/3/2020 and reviewed 11/1/2024). Claim status codes (source 508)
// are checked by their form only (one to four digits): their list grows three times a year.

extension ExternalCodeList {
    /// Claim status category codes (STC01-1, STC10-1, STC11-1).
    public static let claimStatusCategories = ExternalCodeList(
        name: "claim status category code", codeSource: 507, asOf: "2014-07-01",
        current: [
            "A0", "A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "D0", "E0", "E1", "E2", "E3", "E4",
            "F0", "F1", "F2", "F3", "F3F", "F3N", "F4", "F5", "P0", "P1", "P2", "P3", "P4", "P5",
            "R0", "R1", "R3", "R4", "R5", "R6", "R7", "R8", "R9", "R10", "R11", "R12", "R13", "R14", "R15", "R16", "R17", "RQ",
        ],
        deactivated: ["X0"])

    /// A claim status code (STC01-2, code source 508) has this form: one to four digits.
    public static func isClaimStatusCodeForm(_ code: String) -> Bool {
        (1...4).contains(code.utf8.count) && code.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}
