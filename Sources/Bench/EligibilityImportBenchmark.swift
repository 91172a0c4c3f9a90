import Application
import Billing
import BillingX12
import EventStore
import Foundation
import Postgres
import X12

/// A 271 batch imported end to end: a 270 for up to 10,000 patients of the claims-load practice is written, the
/// payer simulator answers it (all seven scenarios), and the 271 import is timed (parse, match each trace, check
/// payer and patient, map the benefits, append one `eligibility.checked` per patient): patients per second.
func eligibilityImportBenchmark(_ context: BenchContext) throws -> [Figure] {
    let wanted = context.scale == .full ? 10_000 : 1_000
    let session = try context.session()
    guard
        let pick = try EventLog.countsByTenant(type: "claim.created", groupedByPayloadKey: "payerID", in: session).first,
        let payer = pick.key, let slug = try TenantDirectory.find(pick.tenant.description, in: session)?.slug
    else { throw BenchError.failed("no claims in the log: run the claims-load step first") }
    let settings = context.settings
    let app = try blocking { try await RevenueCycle.connect(settings: settings) }
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rcm-bench-271-\(ProcessInfo.processInfo.processIdentifier)")
    let counter = try blocking { try await app.backend.interchangeCounter() }
    progress("writing a 270 for up to \(wanted) patients of \(slug) (payer \(payer))")
    let sent = try blocking {
        try await app.backend.transaction { tx in
            let tenant = try tx.directory.find(slug)!
            let context = CommandContext(tenant: tenant, actor: tx.login, today: CommandContext.today(in: tenant.timeZone))
            return try EligibilityInquiryService().inquireForBenchmark(
                payer: PayerID(payer), limit: wanted, directory: directory, context: context, in: tx, nextControlNumber: counter)
        }
    }
    let inquiries = try X12File(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: sent.path)))).eligibilityInquiries().sets
    let today = CommandContext.today(in: "America/New_York")
    let answer = try PayerSimulator.answerEligibility(inquiries, seed: 7, date: today.x12Date, controlNumber: 970_001).bytes
    progress("importing a 271 of \(sent.inquiries) patients (\(answer.count / 1000) kB)")
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
    figure.note = "parse, match each TRN*2 to our 270, check payer and member id, map the behavioral-health benefits, one append per patient, one transaction"
    return [figure]
}
