import Foundation
import X12

/// Reading a 50 MB 835 (one payment, two-line claims repeated, as `Tests/X12Tests/ReadBenchmark` builds it)
/// into typed values with its balancing, in a child process so that its peak resident memory is its own.
func x12ReadBenchmark(_ context: BenchContext) throws -> [Figure] {
    let megabytes = context.scale.remittanceMegabytes
    let path = FileManager.default.temporaryDirectory
        .appendingPathComponent("rcm-bench-835-\(ProcessInfo.processInfo.processIdentifier).x12").path
    do {
        let bytes = try largeRemittance(megabytes: megabytes)
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw BenchError.failed("could not write \(path)")
        }
    }
    defer { try? FileManager.default.removeItem(atPath: path) }
    let report = try runChild(context.executable, ["--child", "x12-read", path])
    var speed = Figure(
        id: "x12.835.read", name: "X12: read a \(megabytes) MB 835 (typed, balanced)", value: report["megabytes_per_second"] ?? 0,
        unit: "MB/s", target: .atLeast(30))
    speed.details = report
    speed.note =
        "file in memory; lexing, envelopes, typed 835 values and balancing; median of 3 reads in a child process; "
        + "\(Report.number(report["megabytes_per_cpu_second"] ?? 0)) MB per CPU-second (wall clock suffers most from a busy machine)"
    let memory = Figure(
        id: "x12.835.read.rss", name: "X12: peak resident memory of that read (child process)",
        value: report["peak_rss_megabytes"] ?? 0, unit: "MB",
        details: ["file_megabytes": report["file_megabytes"] ?? 0, "baseline_rss_megabytes": report["baseline_rss_megabytes"] ?? 0])
    return [speed, memory]
}

/// The child side: reads the file, then times three reads; returns numbers for the parent.
func x12ReadChild(path: String) throws -> [String: Double] {
    let bytes = try readFileBytes(path)
    let baseline = Machine.peakResidentMegabytes()
    var times: [Double] = []
    var cpuTimes: [Double] = []
    var claims = 0
    for _ in 0..<3 {
        let start = nanoseconds()
        let cpuStart = threadCPUSeconds()
        let file = try X12File(bytes: bytes, fileName: "bench.835")
        let (remittances, _) = try file.remittances()
        let findings = remittances.flatMap { $0.balanceFindings() }
        guard findings.isEmpty else { throw BenchError.failed("the generated 835 does not balance") }
        claims = remittances.reduce(0) { $0 + $1.claims.count }
        times.append(seconds(since: start))
        cpuTimes.append(threadCPUSeconds() - cpuStart)
    }
    let fileMegabytes = Double(bytes.count) / 1_000_000
    return [
        "file_megabytes": fileMegabytes, "claims": Double(claims), "median_seconds": median(times),
        "best_seconds": times.min() ?? 0, "megabytes_per_second": fileMegabytes / median(times),
        "median_cpu_seconds": median(cpuTimes), "megabytes_per_cpu_second": fileMegabytes / median(cpuTimes),
        "baseline_rss_megabytes": baseline, "peak_rss_megabytes": Machine.peakResidentMegabytes(),
    ]
}

/// An 835 of about `megabytes` MB: one payment, many two-line claims (the X12 tests' generator).
func largeRemittance(megabytes: Int) throws -> [UInt8] {
    let line = { (code: String, control: String) in
        ServicePayment(
            procedure: ProcedureCode(code: code), charge: X12Amount(cents: 20000), paid: X12Amount(cents: 9600),
            units: X12Quantity(1), dates: [QualifiedDate("472", DatePeriod(start: X12Date(x12: "20260203")!))],
            adjustments: [
                Adjustment(group: "CO", reason: "45", amount: X12Amount(cents: 8000)),
                Adjustment(group: "PR", reason: "2", amount: X12Amount(cents: 2400)),
            ],
            lineControlNumber: control, allowed: X12Amount(cents: 12000))
    }
    let claimCount = megabytes * 1_000_000 / 270
    var claims: [ClaimPayment] = []
    claims.reserveCapacity(claimCount)
    for index in 0..<claimCount {
        claims.append(
            ClaimPayment(
                patientControlNumber: "BH-\(index)", status: "1", charge: X12Amount(cents: 40000), paid: X12Amount(cents: 19200),
                patientResponsibility: X12Amount(cents: 4800), filingIndicator: "12", payerClaimNumber: "ICN\(index)",
                patient: Party(entity: "QC", name: PersonName(last: "DOE", first: "JANE"), idQualifier: "MI", id: "M\(index)"),
                lines: [line("90837", "L\(index)-1"), line("90834", "L\(index)-2")]))
    }
    let remittance = Remittance(
        controlNumber: "0001",
        payment: .init(
            handlingCode: "I", amount: X12Amount(cents: 19200 * Int64(claimCount)), method: "ACH", date: X12Date(x12: "20260310")),
        trace: .init(number: "BENCH1", originatorID: "1123456789"), payer: .init(name: "ACME HEALTH"),
        payee: .init(name: "MINDFUL COUNSELING GROUP", idQualifier: "XX", id: "1679576722"), claims: claims)
    let envelope = InterchangeEnvelope(
        senderID: "PAYERSIM", receiverID: "RCMBILLING", date: X12Date(x12: "20260310")!, time: X12Time(hour: 12, minute: 0)!,
        interchangeControlNumber: 1, groupControlNumber: 1)
    return try Remittance.x12([remittance], envelope: envelope)
}

/// The file's bytes in one array (no second copy through `Data`, so the child's baseline is the file once).
func readFileBytes(_ path: String) throws -> [UInt8] {
    guard let handle = FileHandle(forReadingAtPath: path) else { throw BenchError.failed("cannot open \(path)") }
    defer { try? handle.close() }
    let size = Int(try handle.seekToEnd())
    try handle.seek(toOffset: 0)
    var bytes = [UInt8](repeating: 0, count: size)
    var offset = 0
    let descriptor = handle.fileDescriptor
    try bytes.withUnsafeMutableBytes { buffer in
        while offset < size {
            let count = read(descriptor, buffer.baseAddress! + offset, size - offset)
            guard count > 0 else { throw BenchError.failed("short read of \(path)") }
            offset += count
        }
    }
    return bytes
}
