import Billing
import EventStore
import Foundation

/// Appeal letters to a payer: the claim's facts (claim and payer claim numbers, dates of service, codes,
/// charges, the rendering provider's NPI) and the denial's reasons in their codes and our words, with what
/// a payer needs to find the patient (name, date of birth, member id) and nothing else of the identity (no
/// address or phone). The identity is read from the PHI store after the read is recorded in the access log,
/// as statements do; the letter itself is not an account document and appends nothing else.
public struct AppealLetterService: Sendable {
    let documents = DocumentService()
    let claims = ClaimService()

    /// A service.
    public init() {}

    /// The letter for one denial of a claim (the claim's only unresolved denial when `denialID` is nil).
    public func letter(
        claim id: ClaimID, denial denialID: DenialID?, argument: String?, context: CommandContext, in tx: any StoreTransaction
    ) throws -> DocumentPage {
        let claim = try claims.state(id, context: context, in: tx)
        let denial = try Self.denial(denialID, of: claim)
        guard let key = claim.patientKey, let payer = claim.payerID else { throw CommandRejected("claim \(id) has no patient or payer") }
        let practice = try PracticeService().state(context, in: tx)
        let patient = try AggregateRepository().load(Patient.self, stream: Patient.streamID(key), tenant: context.tenant.id, in: tx)
        let identity = try documents.readIdentity(key, purpose: "appeal letter", patient: patient.state, context: context, in: tx)
        let adjudication = claim.adjudications.last { record in
            record.adjudication.lines.contains { denial.lineIDs.contains($0.lineID) } || record.adjudication.isClaimDenied
        }?.adjudication
        let lines = claim.lines.filter { denial.lineIDs.isEmpty || denial.lineIDs.contains($0.lineID) }
        let rendering = Set(lines.map(\.rendering)).sorted().compactMap { practice.providers[$0].map { "\($0.id) (NPI \($0.npi))" } }
        let reasons = denial.reasons.map { "\($0.code) \(AdjustmentCatalog.meaning(ofReason: $0.reason)) (\($0.amount))" }
        let remarks = denial.remarks.map { "\($0) \(AdjustmentCatalog.meaning(ofRemark: $0))" }
        let dates = Set(lines.map(\.dateOfService)).sorted().map(\.description).joined(separator: ", ")
        let rows = lines.map { line in
            [
                line.dateOfService.description, ([line.code] + line.modifiers).joined(separator: "-"), line.units.description,
                line.diagnosisPointers.compactMap { claim.diagnoses.indices.contains($0 - 1) ? claim.diagnoses[$0 - 1].description : nil }
                    .joined(separator: ", "),
                line.placeOfService, line.charge.description,
            ]
        }
        let payerName = practice.payers[payer]?.name ?? payer.rawValue
        let number = claim.claimNumber?.rawValue ?? id.rawValue
        let reasonText = denial.reasons.map(\.code).joined(separator: ", ")
        let name: String = identity.map { "\($0.firstName) \($0.lastName)" } ?? "(identity no longer on file)"
        let birth: String = identity.map { $0.dateOfBirth.description } ?? "on file"
        let member: String = identity.map(\.memberID) ?? "on file"
        let payerClaim: String = adjudication?.payerClaimNumber ?? claim.payerClaimNumber ?? "not yet assigned"
        var facts: [(label: String, value: String)] = [
            ("Date", context.today.description), ("Patient", name), ("Date of birth", birth), ("Member id", member),
            ("Our claim number", number), ("Payer claim number", payerClaim), ("Dates of service", dates),
            ("Rendering provider", rendering.joined(separator: ", ")), ("Billed", claim.charges.description),
            ("Denied", denial.amount.description), ("Denied on", denial.openedOn.description),
            ("Appeal due by", denial.dueDate.description), ("Denial reasons", reasons.joined(separator: "; ")),
        ]
        if !remarks.isEmpty { facts.append(("Remarks", remarks.joined(separator: "; "))) }
        return DocumentPage(
            kind: "Request for reconsideration", documentID: DocumentID("appeal-\(number)-\(denial.denialID.rawValue)"), patientKey: key,
            issued: context.today, from: try documents.practiceLines(context: context, in: tx),
            to: [payerName, "Attn: Appeals / claim reconsideration"],
            facts: facts,
            tables: [
                DocumentTable(
                    title: "Services denied", headers: ["Date of service", "Code", "Units", "Diagnoses", "Place", "Charge"], amountColumns: [5],
                    rows: rows)
            ],
            totals: [("Denied amount", denial.amount.description)], highlight: ("Reconsideration requested for", denial.amount.description),
            notes: [
                "We ask you to reconsider the denial of claim \(number) (\(reasonText)) for the services above, and to process it for payment.",
                argument ?? "The services were medically necessary, rendered as billed and documented in the clinical record, which we can send on request.",
                "Please send your decision to the address above, quoting our claim number \(number).",
            ],
            amount: denial.amount)
    }

    /// The denial named, or the claim's only unresolved one.
    static func denial(_ id: DenialID?, of claim: Claim.State) throws -> Denial {
        let number = claim.claimNumber?.rawValue ?? ""
        if let id {
            guard let denial = claim.denials[id] else { throw CommandRejected("claim \(number) has no denial \(id)") }
            return denial
        }
        let open = claim.denials.values.filter { $0.status != .resolved }
        guard open.count == 1, let denial = open.first else {
            throw CommandRejected(
                open.isEmpty
                    ? "claim \(number) has no open denial to appeal"
                    : "claim \(number) has \(open.count) open denials; name one with --denial (\(open.map(\.denialID.rawValue).sorted().joined(separator: ", ")))")
        }
        return denial
    }
}
