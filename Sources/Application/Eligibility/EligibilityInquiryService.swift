import Billing
import BillingX12
import EventStore
import Foundation
import X12

/// `rcm eligibility check` and `rcm eligibility batch`: 270s (005010X279A1) asking about the behavioral-health
/// benefits of a practice's patients, one interchange per payer. Each inquiry's trace is recorded in an
/// `eligibility.inquiry_sent` event (stream `eligibility`), the file in the PHI store; the control number comes
/// from the sender's counter, as for 837Ps.
public struct EligibilityInquiryService: Sendable {
    let phi = PHIStore()

    /// A service.
    public init() {}

    /// A 270 written.
    public struct Result: Sendable {
        /// The file written.
        public var path: String
        /// Its SHA-256.
        public var sha256: String
        /// The payer asked.
        public var payerID: PayerID
        /// ISA13.
        public var interchangeControlNumber: Int
        /// How many patients it asks about.
        public var inquiries: Int
        /// The 270 itself (PHI: names and member ids).
        public var bytes: [UInt8]
    }

    /// One patient's coverage: the payer given, else the primary coverage in force on `date`.
    public func check(
        patient key: PatientKey, payer: PayerID?, date: LocalDate, directory: URL?, now: Date, context: CommandContext, in tx: any StoreTransaction,
        nextControlNumber: (String) throws -> Int
    ) throws -> Result {
        let patient = try PatientService().state(key, context: context, in: tx)
        guard patient.key != nil else { throw CommandRejected("no patient \(key) in \(context.tenant.slug)") }
        let coverage = try Self.coverage(of: patient, payer: payer, on: date, key: key)
        let subject = try subject(key, coverage: coverage, date: date, context: context, in: tx)
        return try send(payer: coverage.payerID, subjects: [subject], directory: directory, now: now, context: context, in: tx, nextControlNumber: nextControlNumber)
    }

    /// Every patient with a session logged in `month` (first day to last), one 270 per payer of their primary
    /// coverage on the month's first session; patients without coverage or identity are skipped and counted.
    public func batch(
        month: LocalDate, directory: URL, now: Date, context: CommandContext, in tx: any StoreTransaction, nextControlNumber: (String) throws -> Int
    ) throws -> (results: [Result], skipped: Int) {
        let first = LocalDate(year: month.year, month: month.month, day: 1)!
        let last = LocalDate(year: month.year, month: month.month, day: LocalDate.daysIn(month: month.month, year: month.year))!
        var byPayer: [PayerID: [EligibilityInquiryBuilder.Subject]] = [:]
        var skipped = 0
        for key in try tx.readModels.patientsWithAccounts(tenant: context.tenant.id) {
            let sessions = try tx.readModels.sessionIDs(tenant: context.tenant.id, patient: key, from: first, through: last)
            guard let firstSession = sessions.first else { continue }
            let date = try SessionService().record(firstSession, context: context, in: tx).dateOfService
            let patient = try PatientService().state(key, context: context, in: tx)
            guard let coverage = try? Self.coverage(of: patient, payer: nil, on: date, key: key),
                let subject = try? subject(key, coverage: coverage, date: date, context: context, in: tx)
            else {
                skipped += 1
                continue
            }
            byPayer[coverage.payerID, default: []].append(subject)
        }
        var results: [Result] = []
        for payer in byPayer.keys.sorted() {
            results.append(try send(payer: payer, subjects: byPayer[payer]!, directory: directory, now: now, context: context, in: tx, nextControlNumber: nextControlNumber))
        }
        return (results, skipped)
    }

    /// The given patients, each about its own date of service (a day's new patients, the patients scheduled in a
    /// month): one 270 per payer of their primary coverage in force on that date; patients without coverage or
    /// identity are skipped and counted.
    public func batch(
        scheduled: [(patient: PatientKey, date: LocalDate)], directory: URL?, now: Date, context: CommandContext, in tx: any StoreTransaction,
        nextControlNumber: (String) throws -> Int
    ) throws -> (results: [Result], skipped: Int) {
        var byPayer: [PayerID: [EligibilityInquiryBuilder.Subject]] = [:]
        var skipped = 0
        for (key, date) in scheduled {
            let patient = try PatientService().state(key, context: context, in: tx)
            guard patient.key != nil, let coverage = try? Self.coverage(of: patient, payer: nil, on: date, key: key),
                let subject = try? subject(key, coverage: coverage, date: date, context: context, in: tx)
            else {
                skipped += 1
                continue
            }
            byPayer[coverage.payerID, default: []].append(subject)
        }
        var results: [Result] = []
        for payer in byPayer.keys.sorted() {
            results.append(try send(payer: payer, subjects: byPayer[payer]!, directory: directory, now: now, context: context, in: tx, nextControlNumber: nextControlNumber))
        }
        return (results, skipped)
    }

    static func coverage(of patient: Patient.State, payer: PayerID?, on date: LocalDate, key: PatientKey) throws -> Coverage {
        if let payer {
            guard let coverage = patient.coverage(payer: payer, on: date) ?? patient.coverages.values.filter({ $0.payerID == payer }).min(by: { $0.id < $1.id }) else {
                throw CommandRejected("patient \(key) has no coverage with \(payer)")
            }
            return coverage
        }
        guard let coverage = patient.coverages.values.filter({ $0.effective.contains(date) }).min(by: { ($0.order, $0.id) < ($1.order, $1.id) }) else {
            throw CommandRejected("patient \(key) has no coverage in force on \(date); give --payer to ask a payer anyway")
        }
        return coverage
    }

    func subject(_ key: PatientKey, coverage: Coverage, date: LocalDate, context: CommandContext, in tx: any StoreTransaction) throws
        -> EligibilityInquiryBuilder.Subject
    {
        guard let identity = try phi.identity(key: key, tenant: context.tenant.id, in: tx) else {
            throw CommandRejected("patient \(key): the identity was destroyed; no 270 can be sent")
        }
        return EligibilityInquiryBuilder.Subject(patientKey: key, coverageID: coverage.id, identity: identity, serviceDate: date)
    }

    func send(
        payer: PayerID, subjects: [EligibilityInquiryBuilder.Subject], directory: URL?, now: Date, context: CommandContext, in tx: any StoreTransaction,
        nextControlNumber: (String) throws -> Int
    ) throws -> Result {
        let company = try CompanyService().state(in: tx)
        guard let submitter = company.submitter else { throw CommandRejected("the submitter is not configured: rcm company configure") }
        guard let profile = company.practices[context.tenant.id.description] else { throw CommandRejected("\(context.tenant.slug) is not an onboarded practice") }
        guard let payerProfile = company.payer(payer.rawValue, on: context.today) else { throw CommandRejected("payer \(payer) is not in the catalog") }
        let control = try nextControlNumber(submitter.senderID)
        let builder = EligibilityInquiryBuilder(
            senderID: submitter.senderID, receiverID: submitter.receiverID, practiceName: profile.name, practiceNPI: profile.npi, taxID: profile.taxID)
        let parts = SubmissionService.calendar(context.tenant.timeZone).dateComponents([.hour, .minute], from: now)
        let built: (bytes: [UInt8], inquiries: [SentInquiry])
        do {
            built = try builder.build(
                payerName: payerProfile.name, x12PayerID: payerProfile.x12PayerID, subjects: subjects, control: control, date: context.today,
                time: X12Time(hour: parts.hour!, minute: parts.minute!)!)
        } catch {
            throw CommandRejected("the 270 for \(payer) cannot be written: \(error.description)")
        }
        let fileName = "\(context.tenant.slug)-\(payer)-\(String(format: "%09d", control)).270"
        let sha = try phi.storeFile(built.bytes, direction: "outbound", kind: "270", fileName: fileName, tenant: context.tenant.id, in: tx)
        let record = EligibilityEvent.InquirySent(
            sha256: sha, fileName: fileName, interchangeControlNumber: control, payerID: payer, inquiries: built.inquiries)
        let source = context.withSource("x12:\(sha)")
        _ = try tx.log.append(
            AppendRequest(tenant: context.tenant.id, events: [try EligibilityRecords.newEvent(.inquirySent(record), stream: EligibilityEvent.inquiriesStreamID, context: source)]))
        // Without a directory (the server) the file stays in the PHI store only.
        let path = try directory.map { directory in
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let path = directory.appendingPathComponent(fileName)
            try Data(built.bytes).write(to: path)
            return path.path
        }
        return Result(path: path ?? "", sha256: sha, payerID: payer, interchangeControlNumber: control, inquiries: subjects.count, bytes: built.bytes)
    }
}

extension EligibilityInquiryService {
    /// One 270 to `payer` for up to `limit` of the practice's patients with a coverage with it (for `rcm-bench`).
    public func inquireForBenchmark(
        payer: PayerID, limit: Int, directory: URL, context: CommandContext, in tx: any StoreTransaction, nextControlNumber: (String) throws -> Int
    ) throws -> Result {
        var subjects: [EligibilityInquiryBuilder.Subject] = []
        for key in try tx.readModels.patientsWithAccounts(tenant: context.tenant.id) where subjects.count < limit {
            let patient = try PatientService().state(key, context: context, in: tx)
            guard let coverage = patient.coverages.values.filter({ $0.payerID == payer }).min(by: { $0.id < $1.id }),
                let subject = try? subject(key, coverage: coverage, date: context.today, context: context, in: tx)
            else { continue }
            subjects.append(subject)
        }
        guard !subjects.isEmpty else { throw CommandRejected("no patient of \(context.tenant.slug) has a coverage with \(payer)") }
        return try send(payer: payer, subjects: subjects, directory: directory, now: Date(), context: context, in: tx, nextControlNumber: nextControlNumber)
    }
}
