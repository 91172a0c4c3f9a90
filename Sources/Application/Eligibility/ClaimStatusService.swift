import Billing
import BillingX12
import EventStore
import Foundation
import X12

/// Claims the payer never answered, chased with 276s (005010X212) and moved by the 277s: `rcm claims unanswered`,
/// `rcm status inquire`, `rcm status import`, `rcm status worklist`.
public struct ClaimStatusService: Sendable {
    let phi = PHIStore()
    static let codec = EventCodec()

    /// A service.
    public init() {}

    /// A claim waiting for its payer.
    public struct Waiting: Sendable {
        /// The claim.
        public var claimID: ClaimID
        /// Its payer.
        public var payerID: PayerID
        /// When it was first sent.
        public var submittedOn: LocalDate
        /// Days since then.
        public var days: Int
        /// The latest 277 answer, if any.
        public var lastStatus: ClaimStatusEvent.Reported?
    }

    /// The answers recorded for a claim, oldest first.
    static func reports(_ claim: ClaimID, tenant: TenantID, in tx: any StoreTransaction) throws -> [ClaimStatusEvent.Reported] {
        try tx.log.readWholeStream(tenant: tenant, stream: ClaimStatusEvent.streamID(claim)).compactMap {
            if case .reported(let report) = try codec.decode(ClaimStatusEvent.self, $0.eventType, $0.schemaVersion, $0.payload) { report } else { nil }
        }
    }

    /// Submitted or acknowledged claims with no adjudication `days` or more after they were first sent, whose latest
    /// 277 (if any) says pending; a finalized answer waits for its 835, a rejected or not-found one is in the worklist.
    public func unanswered(days: Int, context: CommandContext, in tx: any StoreTransaction) throws -> [Waiting] {
        let claims = ClaimService()
        var out: [Waiting] = []
        for id in try claims.allClaimIDs(context: context, in: tx) {
            let claim = try claims.state(id, context: context, in: tx)
            guard claim.status == .submitted || claim.status == .acknowledged, let sent = claim.firstSubmittedOn, let payer = claim.payerID else { continue }
            let waited = sent.days(to: context.today)
            guard waited >= days else { continue }
            let last = try Self.reports(id, tenant: context.tenant.id, in: tx).last
            if let last, last.followUp != .pending { continue }
            out.append(Waiting(claimID: id, payerID: payer, submittedOn: sent, days: waited, lastStatus: last))
        }
        return out.sorted { ($0.payerID, $0.claimID) < ($1.payerID, $1.claimID) }
    }

    /// Claims whose latest 277 sends them to a person (rejected, not found, information requested).
    public func worklist(context: CommandContext, in tx: any StoreTransaction) throws -> [ClaimStatusEvent.Reported] {
        let claims = ClaimService()
        var out: [ClaimStatusEvent.Reported] = []
        for id in try claims.allClaimIDs(context: context, in: tx) {
            if let last = try Self.reports(id, tenant: context.tenant.id, in: tx).last, last.followUp == .worklist {
                let claim = try claims.state(id, context: context, in: tx)
                if claim.adjudications.isEmpty { out.append(last) }
            }
        }
        return out
    }

    /// A 276 written.
    public struct Sent: Sendable {
        /// The file.
        public var path: String
        /// The payer.
        public var payerID: PayerID
        /// The claims asked about.
        public var claims: [ClaimID]
    }

    /// One 276 per payer for the unanswered claims only.
    public func inquire(
        days: Int, directory: URL, now: Date, context: CommandContext, in tx: any StoreTransaction, nextControlNumber: (String) throws -> Int
    ) throws -> [Sent] {
        let waiting = try unanswered(days: days, context: context, in: tx)
        guard !waiting.isEmpty else { return [] }
        let company = try CompanyService().state(in: tx)
        guard let submitter = company.submitter else { throw CommandRejected("the submitter is not configured: rcm company configure") }
        guard let profile = company.practices[context.tenant.id.description] else { throw CommandRejected("\(context.tenant.slug) is not an onboarded practice") }
        var sent: [Sent] = []
        for payer in Set(waiting.map(\.payerID)).sorted() {
            guard let payerProfile = company.payer(payer.rawValue, on: context.today) else { throw CommandRejected("payer \(payer) is not in the catalog") }
            let control = try nextControlNumber(submitter.senderID)
            var inquiries: [ClaimStatusInquiry] = []
            var recorded: [ClaimStatusEvent.SentClaim] = []
            for item in waiting where item.payerID == payer {
                let claim = try ClaimService().state(item.claimID, context: context, in: tx)
                guard let key = claim.patientKey, let identity = try phi.identity(key: key, tenant: context.tenant.id, in: tx),
                    let first = claim.firstDateOfService, let last = claim.lines.map(\.dateOfService).max()
                else { continue }
                let trace = "\(control)-\(inquiries.count + 1)"
                inquiries.append(
                    ClaimStatusInquiry(
                        trace: trace,
                        subscriber: Member(name: PersonName(last: identity.lastName, first: identity.firstName), memberID: identity.memberID,
                                           birthDate: identity.dateOfBirth.x12Date),
                        claimNumber: item.claimID.rawValue, payerClaimNumber: claim.payerClaimNumber, charge: claim.charges.x12Amount,
                        serviceDates: DatePeriod(start: first.x12Date, end: last.x12Date)))
                recorded.append(.init(trace: trace, claimID: item.claimID))
            }
            guard !inquiries.isEmpty else { continue }
            let parts = SubmissionService.calendar(context.tenant.timeZone).dateComponents([.hour, .minute], from: now)
            let batch = ClaimStatusInquiryBatch(
                envelope: InterchangeEnvelope(
                    senderQualifier: submitter.senderQualifier, senderID: submitter.senderID, receiverID: submitter.receiverID, date: context.today.x12Date,
                    time: X12Time(hour: parts.hour!, minute: parts.minute!)!, interchangeControlNumber: control, groupControlNumber: control),
                reference: "STATUS-\(control)", payer: InformationSource(name: payerProfile.name, id: payerProfile.x12PayerID),
                submitter: InformationSource(entity: "41", name: submitter.name, idQualifier: "46", id: submitter.etin),
                provider: InformationReceiver(name: PersonName(last: profile.name), id: profile.npi), inquiries: inquiries)
            let bytes: [UInt8]
            do { bytes = try batch.x12() } catch { throw CommandRejected("the 276 for \(payer) cannot be written: \(error.description)") }
            let fileName = "\(context.tenant.slug)-\(payer)-\(String(format: "%09d", control)).276"
            let sha = try phi.storeFile(bytes, direction: "outbound", kind: "276", fileName: fileName, tenant: context.tenant.id, in: tx)
            let event = ClaimStatusEvent.inquirySent(.init(sha256: sha, fileName: fileName, interchangeControlNumber: control, payerID: payer, claims: recorded))
            _ = try tx.log.append(AppendRequest(tenant: context.tenant.id, events: [try Self.newEvent(event, stream: ClaimStatusEvent.inquiriesStreamID, context: context.withSource("x12:\(sha)"))]))
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let path = directory.appendingPathComponent(fileName)
            try Data(bytes).write(to: path)
            sent.append(Sent(path: path.path, payerID: payer, claims: recorded.map(\.claimID)))
        }
        return sent
    }

    static func newEvent(_ event: ClaimStatusEvent, stream: String, context: CommandContext) throws -> NewEvent {
        let encoded = try codec.encode(BillingEvent.claimStatus(event))
        return NewEvent(
            eventID: UUID(), streamID: stream, eventType: encoded.eventType, schemaVersion: encoded.schemaVersion, json: encoded.payload,
            metadata: context.metadata(), effectiveDate: context.today.description)
    }
}
