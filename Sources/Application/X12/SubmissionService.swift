import Billing
import BillingX12
import EventStore
import Foundation
import X12

/// `rcm claims submit`: one 837P interchange per payer batch of claims that passed the scrubber.
///
/// The interchange control number comes from the sender's counter in a short transaction of its own
/// (`nextControlNumber`, supplied by the caller on another connection); the claims' `claim.submitted`
/// events, the `x12.interchange_sent` record and the raw file in the PHI store are written in the
/// caller's transaction, with the file's SHA-256 and ST control number as the events' source.
public struct SubmissionService: Sendable {
    let claims = ClaimService()
    let phi = PHIStore()

    /// A service.
    public init() {}

    /// What a submission wrote.
    public struct Result: Sendable {
        /// The file written (empty when no directory was given).
        public var path: String
        /// Its SHA-256.
        public var sha256: String
        /// The claim numbers sent.
        public var claimNumbers: [String]
        /// The interchange control number.
        public var interchangeControlNumber: Int
    }

    /// Submits the tenant's ready claims for a payer (all of them, or those named) into `directory` (nil: the PHI store only): claims created for
    /// it and claims whose earlier payers moved them to it (COB), except those crossed over to it.
    public func submit(
        payer: PayerID, only: [ClaimID]? = nil, through: LocalDate? = nil, directory: URL?, now: Date, context: CommandContext, in tx: any StoreTransaction,
        nextControlNumber: (String) throws -> Int
    ) throws -> Result? {
        let company = try CompanyService().state(in: tx)
        guard let submitter = company.submitter else { throw CommandRejected("the submitter is not configured: rcm company configure") }
        guard let profile = company.practices[context.tenant.id.description] else { throw CommandRejected("\(context.tenant.slug) is not an onboarded practice") }
        guard let payerProfile = company.payers[payer.rawValue] else { throw CommandRejected("payer \(payer) is not in the catalog") }
        let practice = try PracticeService().state(context, in: tx)
        // Only the payer's claims are folded, not every claim of the practice.
        let ids = try only ?? claims.claimIDs(payer: payer, context: context, in: tx)
        var submissions: [ClaimSubmission] = []
        for id in ids {
            let claim = try claims.state(id, context: context, in: tx)
            guard claim.payerID == payer else {
                if only != nil { throw CommandRejected("claim \(id) is for payer \(claim.payerID?.rawValue ?? "none"), not \(payer)") }
                continue
            }
            // A crossed-over claim is the next payer's already (the previous payer forwarded it): its 835 is awaited.
            if claim.crossedOver {
                if only != nil { throw CommandRejected("claim \(id): \(Claim.Rejection.crossedOver(payer).description)") }
                continue
            }
            // A void waiting to be sent goes as it is (frequency 8, REF*F8); anything else, an original, a claim the
            // payer's front end rejected (fixed and sent again as an original) or a claim moved to its next payer
            // (COB), needs a passing scrub.
            let sendable: Set<Claim.Status> = [.draft, .rejected, .awaitingNextPayer]
            guard claim.status == .voidPending || (sendable.contains(claim.status) && claim.readyToSubmit) else {
                if only != nil { throw Self.notReady(id, claim) }
                continue
            }
            if let through, let first = claim.firstDateOfService, first > through { continue }
            guard let key = claim.patientKey else { continue }
            let patient = try EligibilityRecords.history(key, tenant: context.tenant.id, in: tx).routed(try PatientService().state(key, context: context, in: tx))
            let day = claim.firstDateOfService ?? context.today
            guard let coverage = patient.coverage(payer: payer, on: day)
                ?? patient.coverages.values.filter({ $0.payerID == payer }).sorted(by: { $0.order < $1.order }).first
            else {
                throw CommandRejected("claim \(id): the patient has no coverage with \(payer)")
            }
            let earlierPayers = Set(claim.adjudications.filter { !$0.reversed && $0.payerOrder < claim.payerOrder }.map(\.adjudication.payerID))
            let earlierCoverages = earlierPayers.compactMap { patient.coverage(payer: $0, on: day) }
            let laterCoverages = patient.coverages.values.filter { $0.order > claim.payerOrder && $0.effective.contains(day) }
            guard let identity = try phi.identity(key: key, tenant: context.tenant.id, in: tx) else {
                throw CommandRejected("claim \(id): the patient's identity was destroyed; the claim cannot be sent")
            }
            submissions.append(
                ClaimSubmission(
                    claim: claim, coverage: coverage, patient: identity, originalPayerClaimNumber: claim.originalPayerClaimNumber,
                    earlierCoverages: earlierCoverages, laterCoverages: laterCoverages))
        }
        guard !submissions.isEmpty else { return nil }

        let number = try nextControlNumber(submitter.senderID)
        let parts = Self.calendar(context.tenant.timeZone).dateComponents([.hour, .minute], from: now)
        let control = SubmissionControl(
            interchangeControlNumber: number, groupControlNumber: number, transactionControlNumber: String(format: "%04d", number % 10000),
            batchReference: "\(context.tenant.slug.prefix(10))-\(number)",
            date: X12Date(year: context.today.year, month: context.today.month, day: context.today.day)!, time: X12Time(hour: parts.hour!, minute: parts.minute!)!)
        let providerNames = try ProviderProfile.all(tenant: context.tenant.id, in: tx).reduce(into: [ProviderID: PersonName]()) {
            $0[ProviderID($1.key)] = PersonName(last: $1.value.lastName, first: $1.value.firstName)
        }
        let builder = ProfessionalClaimBuilder(
            parties: SubmissionParties(
                submitter: .init(name: submitter.name, etin: submitter.etin, contactName: submitter.name, phone: submitter.contactPhone),
                receiver: .init(name: submitter.receiverName, id: submitter.receiverID), senderQualifier: submitter.senderQualifier,
                senderID: submitter.senderID, receiverID: submitter.receiverID),
            billingProvider: BillingProviderIdentity(
                name: PersonName(last: profile.name), npi: profile.npi, taxID: profile.taxID, taxonomy: profile.taxonomy,
                address: Address(line1: profile.street, city: profile.city, state: profile.state, postalCode: profile.zip)),
            practice: practice, providerNames: providerNames, payers: Self.payerIdentities(company, on: context.today))
        let batch: ProfessionalClaimBuilder.Batch
        do {
            batch = try builder.build(payer: payer, claims: submissions, control: control, filingIndicator: payerProfile.filingIndicator)
        } catch {
            throw CommandRejected(error.description)
        }
        let bytes = try batch.interchange.x12()
        let fileName = "\(context.tenant.slug)-\(payer)-\(String(format: "%09d", number)).837"
        let sha = try phi.storeFile(bytes, direction: "outbound", kind: "837P", fileName: fileName, tenant: context.tenant.id, in: tx)
        let source = context.withSource("x12:\(sha):\(control.transactionControlNumber)")
        for submission in submissions {
            guard let number = submission.claim.claimNumber else { continue }
            try claims.run(ClaimID(number.description), .submit(on: context.today), patient: submission.claim.patientKey, on: context.today, context: source, in: tx)
        }
        let record = InterchangeRecord(sha256: sha, fileName: fileName, manifest: batch.manifest)
        _ = try tx.log.append(AppendRequest(tenant: context.tenant.id, events: [try record.newEvent(context: source)]))
        // Without a directory (the server) the file stays in the PHI store only, downloadable by its SHA-256.
        let path = try directory.map { directory in
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let path = directory.appendingPathComponent(fileName)
            try Data(bytes).write(to: path)
            return path.path
        }
        return Result(path: path ?? "", sha256: sha, claimNumbers: batch.manifest.claimNumbers, interchangeControlNumber: number)
    }

    /// Every catalog payer as the 837P names it on `date`: its name and X12 payer id then.
    static func payerIdentities(_ company: CompanyState, on date: LocalDate) -> [PayerID: SubmissionPayer] {
        var identities: [PayerID: SubmissionPayer] = [:]
        for id in company.payers.keys {
            guard let profile = company.payer(id, on: date) else { continue }
            identities[PayerID(id)] = SubmissionPayer(
                name: profile.name, x12PayerID: profile.x12PayerID, filingIndicator: profile.filingIndicator)
        }
        return identities
    }

    static func calendar(_ zone: String) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: zone) ?? TimeZone(identifier: "UTC")!
        return calendar
    }
}
