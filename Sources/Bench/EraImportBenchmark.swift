import Application
import Billing
import BillingX12
import EventStore
import Foundation
import Postgres
import X12

/// An ERA import end to end: claims of one practice and payer are submitted (837P), the payer simulator
/// answers, the acknowledgments are imported, then the 835 is imported and timed (parse, balance, match,
/// decide, append): claims posted per second.
func eraImportBenchmark(_ context: BenchContext) throws -> [Figure] {
    let wanted = context.scale == .full ? 10_000 : 500
    let session = try context.session()
    guard
        let pick = try EventLog.countsByTenant(type: "claim.created", groupedByPayloadKey: "payerID", in: session).first,
        let payer = pick.key
    else { throw BenchError.failed("no claims in the log: run the claims-load step first") }
    guard let tenant = try TenantDirectory.find(pick.tenant.description, in: session) else {
        throw BenchError.failed("no tenant \(pick.tenant)")
    }
    let slug = tenant.slug
    let context2 = CommandContext(tenant: tenant, actor: session.user, source: "bench", today: CommandContext.today(in: tenant.timeZone))
    let ids = try ClaimService().allClaimIDs(context: context2, in: session)
    var chosen: [ClaimID] = []
    for id in ids where chosen.count < wanted {
        let claim = try ClaimService().state(id, context: context2, in: session)
        if claim.payerID?.rawValue == payer, claim.status == .draft, claim.readyToSubmit { chosen.append(id) }
    }
    progress("submitting \(chosen.count) claims of \(slug) to \(payer), simulating the payer")
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rcm-bench-era-\(ProcessInfo.processInfo.processIdentifier)")
    let counter = try context.session()
    let submitted = try session.withTransaction { session in
        try SubmissionService().submit(
            payer: PayerID(payer), only: chosen, directory: directory, now: Date(), context: context2, in: session
        ) { sender in try counter.query(SQL("bench_next_isa", "SELECT rcm.next_interchange_number($1) AS n"), [sender]).first!.decode("n", as: Int.self) }
    }
    guard let submitted else { throw BenchError.failed("nothing to submit") }
    var simulator = PayerSimulator(seed: 3)
    let today = context2.today
    let controls = SimulatorControls(
        senderID: "PAYERSIM", date: X12Date(year: today.year, month: today.month, day: today.day)!, time: X12Time(hour: 9, minute: 0)!,
        firstControlNumber: 900_001, remittanceDays: 0, followUpDays: 0)
    let responses = try simulator.respond(toFile: Array(try Data(contentsOf: URL(fileURLWithPath: submitted.path))), controls: controls)
    let files = responses.flatMap(\.files)
    let tenants = try TenantDirectory.list(in: session)
    for file in files where file.kind != "835" {
        _ = try session.withTransaction { session in
            try AcknowledgmentImportService().importFile(bytes: file.bytes, fileName: file.name, tenants: tenants, actor: session.user, in: session)
        }
    }
    let remits = files.filter { $0.kind == "835" }
    let bytes = remits.reduce(0) { $0 + $1.bytes.count }
    let start = nanoseconds()
    var posted = 0
    for file in remits {
        let outcomes = try RemittanceImportService().importFile(
            bytes: file.bytes, fileName: file.name, tenants: tenants, only: nil, acceptImbalance: false, reason: nil, actor: session.user, in: session)
        posted += outcomes.filter { $0.status == "posted" }.reduce(0) { $0 + $1.claimsPosted }
    }
    let elapsed = seconds(since: start)
    var figure = Figure(
        id: "era.import", name: "ERA import end to end (\(posted) claims, \(remits.count) file(s))", value: Double(posted) / elapsed,
        unit: "claims/s", target: .atLeast(2_000))
    figure.details = ["claims_posted": Double(posted), "seconds": elapsed, "megabytes": Double(bytes) / 1_000_000]
    figure.note = "parse, balance, match by CLP01 and REF*6R, decide against each claim's stream, append, one transaction per payment"
    return [figure]
}
