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
        let payer = pick.key, let slug = try TenantDirectory.find(pick.tenant.description, in: session)?.slug
    else { throw BenchError.failed("no claims in the log: run the claims-load step first") }
    let settings = context.settings
    let app = try blocking { try await RevenueCycle.connect(settings: settings) }
    let drafts = try blocking { try await app.listClaims(tenant: slug, status: .draft) }
    let chosen = drafts.filter { $0.payerID?.rawValue == payer && $0.readyToSubmit }.prefix(wanted).compactMap { $0.claimNumber.map { ClaimID($0.description) } }
    progress("submitting \(chosen.count) claims of \(slug) to \(payer), simulating the payer")
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rcm-bench-era-\(ProcessInfo.processInfo.processIdentifier)")
    let request = SubmitClaimsRequest(tenant: slug, payer: PayerID(payer), only: Array(chosen), directory: directory)
    guard let submitted = try blocking({ try await app.submitClaims(request) }) else { throw BenchError.failed("nothing to submit") }
    var simulator = PayerSimulator(seed: 3)
    let today = CommandContext.today(in: "America/New_York")
    let controls = SimulatorControls(
        senderID: "PAYERSIM", date: X12Date(year: today.year, month: today.month, day: today.day)!, time: X12Time(hour: 9, minute: 0)!,
        firstControlNumber: 900_001, remittanceDays: 0, followUpDays: 0)
    let files = try simulator.respond(toFile: Array(try Data(contentsOf: URL(fileURLWithPath: submitted.path))), controls: controls).files
    for file in files where file.kind != "835" {
        _ = try blocking { try await app.importAcknowledgment(X12Upload(bytes: file.bytes, fileName: file.name), tenant: nil) }
    }
    let remits = files.filter { $0.kind == "835" }
    let bytes = remits.reduce(0) { $0 + $1.bytes.count }
    let start = nanoseconds()
    var posted = 0
    for file in remits {
        let outcomes = try blocking {
            try await app.backend.transaction { tx in
                try RemittanceImportService().importFile(
                    bytes: file.bytes, fileName: file.name, tenants: try tx.directory.list(), only: nil, acceptImbalance: false, reason: nil,
                    actor: tx.login, in: tx)
            }
        }
        posted += outcomes.filter { $0.status == .posted }.reduce(0) { $0 + $1.claimsPosted }
    }
    let elapsed = seconds(since: start)
    var figure = Figure(
        id: "era.import", name: "ERA import end to end (\(posted) claims, \(remits.count) file(s))", value: Double(posted) / elapsed,
        unit: "claims/s", target: .atLeast(2_000))
    figure.details = ["claims_posted": Double(posted), "seconds": elapsed, "megabytes": Double(bytes) / 1_000_000]
    figure.note = "parse, balance, match by CLP01 and REF*6R, decide against each claim's stream, append, one transaction per payment"
    return [figure]
}
