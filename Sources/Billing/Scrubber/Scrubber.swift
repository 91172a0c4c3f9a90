/// The claim scrubber: internal edits that block (errors) or annotate (warnings) a claim before it leaves.
///
/// Rule ids are stable: a rule may be retired but its id is never reused.
public enum Scrubber {
    /// Every rule, in id order.
    public static let rules: [ScrubRule] = sharedRules + eligibilityRules

    private static let sharedRules: [ScrubRule] = [
        .init(
            id: "MH001", severity: .error,
            summary: "A time-coded code matches the session minutes (90837 needs 53 or more)."),
        .init(id: "MH002", severity: .error, summary: "An add-on code is billed with its primary code the same day."),
        .init(
            id: "MH003", severity: .error,
            summary:
                "Interactive complexity (90785) goes only with an eligible code, at most once, never with crisis or family therapy."
        ),
        .init(
            id: "MH004", severity: .error,
            summary:
                "Crisis psychotherapy (90839) is not billed with other psychotherapy, 90791/90792 or 90785 the same day."
        ),
        .init(id: "MH005", severity: .error, summary: "At most one psychotherapy code per clinician per day."),
        .init(
            id: "MH006", severity: .error,
            summary: "A diagnostic evaluation (90791/90792) is not billed with psychotherapy or an E/M the same day."),
        .init(
            id: "MH007", severity: .error,
            summary: "Standalone psychotherapy is not billed with an E/M by the same clinician; use the add-on code."),
        .init(
            id: "MH008", severity: .error,
            summary: "The place of service matches the payer's telehealth rule for the date of service."),
        .init(
            id: "MH009", severity: .error,
            summary: "Telehealth modifiers (95, 93, GT, FQ) match the payer's rule, and audio-only is allowed."),
        .init(
            id: "MH010", severity: .error, summary: "The patient has coverage with the payer on every date of service."),
        .init(id: "MH011", severity: .error, summary: "An authorization is on the claim when the payer requires one."),
        .init(
            id: "MH012", severity: .error,
            summary: "The authorization is the payer's, covers the code and the date of service."),
        .init(id: "MH013", severity: .error, summary: "The authorization has enough units left for the claim."),
        .init(id: "MH014", severity: .error, summary: "The claim is within the payer's timely-filing limit."),
        .init(id: "MH015", severity: .warning, summary: "The timely-filing deadline is near."),
        .init(id: "MH016", severity: .error, summary: "Rendering and supervising NPIs pass the check digit."),
        .init(
            id: "MH017", severity: .error,
            summary: "Each line has 1 to 4 diagnosis pointers that point at listed diagnoses."),
        .init(id: "MH018", severity: .error, summary: "The claim has 1 to 12 diagnoses."),
        .init(
            id: "MH019", severity: .error,
            summary:
                "Diagnoses are billable ICD-10-CM codes in force on the date of service (no header codes such as F32)."),
        .init(
            id: "MH020", severity: .warning,
            summary: "A Z-code principal diagnosis is often denied by a behavioral-health carve-out."),
        .init(
            id: "MH021", severity: .error, summary: "The line is not a duplicate of a line already billed to the payer."
        ),
        .init(id: "MH022", severity: .error, summary: "Every line has a charge and units above zero."),
        .init(id: "MH023", severity: .error, summary: "A pre-licensed clinician's line names a supervising provider."),
        .init(
            id: "MH024", severity: .error,
            summary: "The practice and the rendering provider are enrolled with the payer."),
        .init(id: "MH025", severity: .warning, summary: "The charge matches the practice's fee schedule."),
        .init(
            id: "MH026", severity: .error,
            summary: "The procedure code is one we bill and is valid on the date of service."),
        .init(id: "MH027", severity: .warning, summary: "A diagnosis not in our bundled list should be verified."),
        .init(id: "MH028", severity: .error, summary: "Units do not exceed the code's daily maximum (90853: one)."),
        .init(
            id: "MH029", severity: .error,
            summary: "Modifiers are known and valid on the date of service, at most four per line."),
        .init(
            id: "MH030", severity: .error,
            summary: "A replacement claim (frequency 7) is within the payer's corrected-claim window."),
        .init(
            id: "MH031", severity: .error,
            summary: "A replacement or void (frequency 7 or 8) carries the payer's original claim number."),
        .init(
            id: "MH032", severity: .error,
            summary: "The subscriber's member id is on file, 2 to 80 characters (837P 2010BA NM109)."),
        .init(
            id: "MH033", severity: .error,
            summary:
                "The patient's names and address fit the 837P's elements (last name 1 to 60, first name 35, street line 55, city 2 to 30 characters)."
        ),
        .init(
            id: "MH034", severity: .error,
            summary:
                "The patient's names, member id and address hold only characters X12 can carry (no other alphabet, emoji, control character or * : ^ ~)."
        ),
        .init(
            id: "MH035", severity: .warning,
            summary:
                "A name or address with accents or typographic marks is written with plain characters (é as e, ’ as ')."
        ),
        .init(
            id: "MH036", severity: .error,
            summary: "The patient's address reads as street, city, state and ZIP, as the 837P's N3/N4 carry it."),
        .init(id: "MH037", severity: .error, summary: "No date of service is after today."),
        .init(
            id: "MH038", severity: .error,
            summary:
                "An audio-only session carries modifier 93 (an FQHC or RHC may use FQ) and place of service 02 or 10; 93 only on audio-only sessions."
        ),
        .init(
            id: "MH039", severity: .error,
            summary:
                "Modifier FQ only from an FQHC or RHC (a provider with taxonomy 261QF0400X or 261QR1300X), on audio-only sessions."
        ),
        .init(
            id: "MH040", severity: .error,
            summary:
                "Collaborative care minutes in the month reach the threshold: 99492 36, 99493 31, each +99494 a further 16 beyond 70 or 60 (and 30 per unit before it)."
        ),
        .init(
            id: "MH041", severity: .error,
            summary: "Digital mental health treatment (G0552–G0554) is not billed with place of service 02 or 10."),
        .init(
            id: "MH042", severity: .warning,
            summary: "The coverage's copay matches the copay in the payer's rule, when the rule sets one."),
    ]

    /// Runs every rule over the claim; the findings are ordered by rule id, then line.
    public static func scrub(claim: Claim.State, context: ScrubContext) -> [ScrubFinding] {
        var findings: [ScrubFinding] = []
        findings += codingFindings(claim)
        findings += payerFindings(claim, context)
        findings += dataFindings(claim, context)
        findings += frequencyFindings(claim, context)
        findings += identityFindings(claim, context)
        findings += coding2026Findings(claim, context)
        findings += eligibilityFindings(claim, context)
        return findings.sorted { ($0.ruleID, $0.lineID?.rawValue ?? "") < ($1.ruleID, $1.lineID?.rawValue ?? "") }
    }

    /// A finding of a rule, with the rule's severity.
    static func finding(_ ruleID: String, _ line: LineID?, _ message: String) -> ScrubFinding {
        let severity = rules.first { $0.id == ruleID }?.severity ?? .error
        return ScrubFinding(ruleID: ruleID, severity: severity, lineID: line, message: message)
    }

    /// Lines grouped by date of service and rendering clinician.
    static func sameDayGroups(_ claim: Claim.State) -> [[ClaimLine]] {
        let groups = Dictionary(grouping: claim.lines) { "\($0.dateOfService)|\($0.rendering.rawValue)" }
        return groups.keys.sorted().map { groups[$0]! }
    }
}
