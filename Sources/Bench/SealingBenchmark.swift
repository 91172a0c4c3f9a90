@_spi(Benchmark) import Application
import Billing
import BillingX12
import Demo
import EventStore
import Foundation
import Postgres
import Schema
import X12

/// The cost of sealing PHI (decision 0009): the same demo company is seeded twice, into a database whose PHI
/// store is written in the clear format of the rows kept before V0010 (the baseline) and into one where it is
/// sealed, and four operations run on both in alternating rounds: `patient show`, an 837P batch, the 835
/// import that answers it, and a statement run. Each sealed figure is held to ≥ 91% of its baseline
/// (no more than 10% slower); the ratio is the median of the rounds' ratios.
func sealingBenchmark(_ context: BenchContext) throws -> [Figure] {
    let full = context.scale == .full
    let options = DemoOptions(seed: 23, scale: full ? .medium : .small, tenants: 1, staffLogin: nil)
    let keys = try KeyRing.load() ?? KeyRing(keys: [KeyEncryptionKey.random()], source: "the benchmark's own key")
    var worlds: [SealingWorld] = []
    for format in [PHIFormat.clearBaseline, .sealed] {
        progress("sealing: seeding the demo company (\(options.scale.rawValue)) with PHI written \(format == .sealed ? "sealed" : "in the clear baseline")")
        worlds.append(try SealingWorld.make(context, format: format, keys: keys, options: options))
    }
    let rounds = context.scale.rounds
    let reads = full ? 1_000 : 100
    var samples: [String: [[Double]]] = [:]  // operation → [baseline rounds, sealed rounds], seconds
    for round in 0..<rounds {
        for (index, world) in worlds.enumerated() {
            func record(_ name: String, _ seconds: Double) {
                samples[name, default: [[], []]][index].append(seconds)
            }
            record("patient_show", try world.showPatients(reads))
            let batch = try world.submitBatch(round: round, of: rounds)
            record("batch_837p", batch.seconds)
            record("import_835", try world.importAnswers(batch.path, round: round))
            record("statement_run", try world.runStatements())
        }
    }
    for world in worlds { world.drop(context) }
    var figures = try sealingPrimitives()
    let names: [(String, String)] = [
        ("patient_show", "patient show (\(reads) reads)"), ("batch_837p", "837P batch (1/\(rounds) of the ready claims)"),
        ("import_835", "835 import of the batch's answer"), ("statement_run", "statement run (the practice)"),
    ]
    for (name, label) in names {
        guard let pair = samples[name], pair[0].count == rounds, pair[1].count == rounds else { continue }
        let baseline = median(pair[0]), sealed = median(pair[1])
        var clear = Figure(id: "sealing.\(name).clear", name: "\(label), PHI in clear (before)", value: 1 / baseline, unit: "runs/s")
        clear.details = ["seconds": baseline]
        var figure = Figure(
            id: "sealing.\(name)", name: "\(label), PHI sealed (after)", value: 1 / sealed, unit: "runs/s", limit: clear.id,
            target: .ratioAtLeast(0.91))
        figure.pairedRatios = zip(pair[0], pair[1]).map { $0 / $1 }
        figure.details = ["seconds": sealed]
        figure.note = "same demo company seeded twice; rounds alternate baseline and sealed; ratio ≥ 0.91 means at most 10% slower"
        figures += [clear, figure]
    }
    return figures
}

/// What sealing adds, without the database: opening a sealed identity, and sealing and indexing a 1 MB X12
/// file (an 835 of about 10,000 claims, each a different person), in microseconds (the CPU a command spends on sealing, whatever the load).
func sealingPrimitives() throws -> [Figure] {
    let key = DataKey(DataKey.random())
    let identity = try key.seal(Array(#"{"firstName":"Zebediah","lastName":"Quaxworth","dateOfBirth":"1988-04-12","memberID":"WQX99887766"}"#.utf8), context: "c")
    let ring = try KeyRing(keys: [KeyEncryptionKey.random()], source: "bench")
    let tenant = TenantID(UUID())
    let wrapped = try ring.wrap(DataKey.random(), tenant: tenant)
    var samples: [UInt64] = []
    for _ in 0..<2_000 {
        let start = nanoseconds()
        let commandKey = DataKey(try ring.unwrap(wrapped.wrapped, keyID: wrapped.keyID, tenant: tenant))
        _ = try? commandKey.open(identity, context: "c")
        _ = try key.open(identity, context: "c")
        samples.append(nanoseconds() - start)
    }
    let isa = "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *260101*1200*^*00501*000000001*0*P*:~"
    var text = isa
    var claim = 0
    while text.utf8.count < 1_000_000 {
        claim += 1
        text += "CLP*C-\(claim)*1*150*120**MC*PAYER\(claim)~NM1*QC*1*QUAXWORTH\(claim)*ZEBEDIAH****MI*WQX\(claim)~SVC*HC:90837*150*120**1~"
    }
    let file = Array(text.utf8)
    var fileSamples: [UInt64] = []
    for _ in 0..<5 {
        let start = nanoseconds()
        let sealed = try key.seal(file, context: "f")
        _ = X12Mentions.of(file).map { key.index("x12|" + $0) }
        _ = try key.open(sealed, context: "f")
        fileSamples.append(nanoseconds() - start)
    }
    var open = Figure(id: "sealing.open_identity", name: "a command's first identity: unwrap the data key, derive, open (CPU only)", value: percentileMilliseconds(samples, 0.5) * 1_000, unit: "µs")
    open.p50Milliseconds = percentileMilliseconds(samples, 0.5)
    open.p99Milliseconds = percentileMilliseconds(samples, 0.99)
    var seal = Figure(
        id: "sealing.file_1mb", name: "seal, index and open a 1 MB X12 file (CPU only)", value: percentileMilliseconds(fileSamples, 0.5), unit: "ms")
    seal.note = "AES-256-GCM (BoringSSL) and HMAC-SHA-256 of each person's name and id; what an import or a submission adds per MB"
    return [open, seal]
}

/// One of the two databases of the sealing benchmark, seeded and ready.
struct SealingWorld {
    let app: RevenueCycle
    let settings: ConnectionSettings
    let name: String
    let slug: String
    let payer: String
    let patients: [PatientKey]
    let claims: [ClaimID]
    let directory: URL

    static func make(_ context: BenchContext, format: PHIFormat, keys: KeyRing, options: DemoOptions) throws -> SealingWorld {
        let admin = try DatabaseSession(conninfo: context.settings.conninfo)
        let name = "rcm_bench_sealing_" + (format == .sealed ? "sealed" : "clear")
        let quoted = try admin.quotedIdentifier(name)
        try admin.executeScript("DROP DATABASE IF EXISTS \(quoted) WITH (FORCE)", name: "bench_sealing_drop")
        try admin.executeScript("CREATE DATABASE \(quoted) OWNER rcm_owner", name: "bench_sealing_create")
        let settings = context.settings.database(name)
        let session = try DatabaseSession(conninfo: settings.conninfo)
        _ = try Migrator().migrate(session)
        let app = try blocking {
            RevenueCycle(backend: try await PostgresBackend.connect(settings, wrapping: keys, format: format))
        }
        _ = try blocking { try await DemoSeeder().seed(options, admin: app.backend) }
        try EventLog.vacuumAnalyze(in: session)
        guard let pick = try EventLog.countsByTenant(type: "claim.created", groupedByPayloadKey: "payerID", in: session).first,
            let payer = pick.key, let slug = try TenantDirectory.find(pick.tenant.description, in: session)?.slug
        else { throw BenchError.failed("the demo company has no claims") }
        let drafts = try blocking { try await app.listClaims(tenant: slug, status: .draft) }
        let claims = drafts.filter { $0.payerID?.rawValue == payer && $0.readyToSubmit }.compactMap { $0.claimNumber.map { ClaimID($0.description) } }
        let patients = try session.query(
            SQL("bench_sealing_patients", "SELECT patient_key FROM rcm_phi.patient_identities WHERE tenant_id = $1 ORDER BY patient_key"),
            [pick.tenant]
        ).rows.map { PatientKey(try $0.decode("patient_key", as: String.self)) }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rcm-bench-\(name)-\(ProcessInfo.processInfo.processIdentifier)")
        return SealingWorld(app: app, settings: settings, name: name, slug: slug, payer: payer, patients: patients, claims: claims, directory: directory)
    }

    /// Shows `count` patients in turn (each read recorded in the access log); seconds.
    func showPatients(_ count: Int) throws -> Double {
        let app = app, slug = slug, chosen = (0..<count).map { patients[$0 % patients.count] }
        let start = nanoseconds()
        try blocking { for key in chosen { _ = try await app.showPatient(key, tenant: slug, reason: "benchmark") } }
        return seconds(since: start)
    }

    /// Submits round `round`'s share of the ready claims as one 837P; its path and seconds.
    func submitBatch(round: Int, of rounds: Int) throws -> (path: String, seconds: Double) {
        let share = claims.count / rounds
        let chosen = Array(claims[(round * share)..<((round + 1) * share)])
        let request = SubmitClaimsRequest(tenant: slug, payer: PayerID(payer), only: chosen, directory: directory)
        let app = app
        let start = nanoseconds()
        guard let result = try blocking({ try await app.submitClaims(request) }) else { throw BenchError.failed("nothing to submit") }
        return (result.path, seconds(since: start))
    }

    /// Lets the payer simulator answer the batch, imports its acknowledgments, then times the 835 import; seconds.
    func importAnswers(_ path: String, round: Int) throws -> Double {
        var simulator = PayerSimulator(seed: 5 + UInt64(round))
        let today = CommandContext.today(in: "America/New_York")
        let controls = SimulatorControls(
            senderID: "PAYERSIM", date: X12Date(year: today.year, month: today.month, day: today.day)!, time: X12Time(hour: 9, minute: 0)!,
            firstControlNumber: 910_001 + round * 100, remittanceDays: 0, followUpDays: 0)
        let files = try simulator.respond(toFile: Array(try Data(contentsOf: URL(fileURLWithPath: path))), controls: controls).files
        let app = app
        for file in files where file.kind != "835" {
            _ = try blocking { try await app.importAcknowledgment(X12Upload(bytes: file.bytes, fileName: file.name), tenant: nil) }
        }
        let start = nanoseconds()
        for file in files where file.kind == "835" {
            _ = try blocking {
                try await app.importRemittance(X12Upload(bytes: file.bytes, fileName: file.name), tenant: nil, acceptImbalance: false, reason: nil)
            }
        }
        return seconds(since: start)
    }

    /// One statement run for the practice; seconds.
    func runStatements() throws -> Double {
        let app = app, slug = slug
        let start = nanoseconds()
        _ = try blocking { try await app.runStatements(tenant: slug, dueInDays: 30) }
        return seconds(since: start)
    }

    func drop(_ context: BenchContext) {
        try? FileManager.default.removeItem(at: directory)
        if let admin = try? DatabaseSession(conninfo: context.settings.conninfo), let quoted = try? admin.quotedIdentifier(name) {
            try? admin.executeScript("DROP DATABASE IF EXISTS \(quoted) WITH (FORCE)", name: "bench_sealing_drop")
        }
    }
}
