import Application
import Billing
import BillingX12
import EventStore
import Foundation
import Postgres
import X12

/// A 271 batch imported end to end: 270s for up to 10,000 patients with coverage at the payer with the most claims
/// are written (one per practice, as `rcm eligibility batch` does, practices with the most claims at that payer
/// first, until the count is reached: no one practice has 10,000 such patients), the payer simulator answers all
/// of them in one 271 interchange (all seven scenarios), and that 271's import is timed (parse, match each trace,
/// check payer and patient, map the benefits, append one `eligibility.checked` per patient): patients per second.
/// Without the full claims load, `--scale small --only eligibility-load` seeds enough patients first (see that step).
func eligibilityImportBenchmark(_ context: BenchContext) throws -> [Figure] {
    let wanted = context.scale == .full ? 10_000 : 1_000
    let session = try context.session()
    let counts = try EventLog.countsByTenant(type: "claim.created", groupedByPayloadKey: "payerID", in: session)
    let claimsByPayer = Dictionary(grouping: counts.filter { $0.key != nil }, by: { $0.key! }).mapValues { $0.reduce(0) { $0 + $1.count } }
    guard let payer = claimsByPayer.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key else {
        throw BenchError.failed("no claims in the log: run the claims-load step first")
    }
    let practices = counts.filter { $0.key == payer }.map(\.tenant)
    let settings = context.settings
    let app = try blocking { try await RevenueCycle.connect(settings: settings) }
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rcm-bench-271-\(ProcessInfo.processInfo.processIdentifier)")
    let counter = try blocking { try await app.backend.interchangeCounter() }
    var inquiries: [EligibilityInquirySet] = []
    var asked = 0
    var asking = 0
    for practice in practices where asked < wanted {
        guard let slug = try TenantDirectory.find(practice.description, in: session)?.slug else { continue }
        let limit = wanted - asked
        let sent = try blocking {
            try await app.backend.transaction { tx in
                let tenant = try tx.directory.find(slug)!
                let context = CommandContext(tenant: tenant, actor: tx.login, today: CommandContext.today(in: tenant.timeZone))
                return try EligibilityInquiryService().inquireForBenchmark(
                    payer: PayerID(payer), limit: limit, directory: directory, context: context, in: tx, nextControlNumber: counter)
            }
        }
        inquiries += try X12File(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: sent.path)))).eligibilityInquiries().sets
        asked += sent.inquiries
        asking += 1
        progress("wrote a 270 for \(sent.inquiries) patients of \(slug) (payer \(payer)); \(asked) of \(wanted)")
    }
    let today = CommandContext.today(in: "America/New_York")
    let answer = try PayerSimulator.answerEligibility(inquiries, seed: 7, date: today.x12Date, controlNumber: 970_001).bytes
    progress("importing one 271 of \(asked) patients of \(asking) practice(s) (\(answer.count / 1000) kB)")
    let start = nanoseconds()
    let outcome = try blocking {
        try await app.backend.transaction { tx in
            try EligibilityImportService().importFile(bytes: answer, fileName: "bench.271", tenants: try tx.directory.list(), actor: tx.login, in: tx)
        }
    }
    let elapsed = seconds(since: start)
    var figure = Figure(
        id: "eligibility.import", name: "271 import end to end (\(outcome.recorded) patients)", value: Double(outcome.recorded) / elapsed,
        unit: "patients/s", target: .atLeast(2_000))
    figure.details = ["patients": Double(outcome.recorded), "seconds": elapsed, "megabytes": Double(answer.count) / 1_000_000]
    figure.note =
        "parse, match each TRN*2 to our 270, check payer and member id (identities read per practice, each read recorded), map the "
        + "behavioral-health benefits, one eligibility.checked per patient under its trace's key (appended per practice, 2,000 a call), one transaction"
    return [figure]
}
