import Foundation
import X12

/// Writing 837P: one interchange of the scale's claims (10 per subscriber, 2 lines each) to bytes.
func x12WriteBenchmark(_ context: BenchContext) throws -> [Figure] {
    let claimCount = context.scale.claimsToWrite
    let interchange = professionalClaims(count: claimCount)
    var times: [Double] = []
    var cpuTimes: [Double] = []
    var size = 0
    for _ in 0..<3 {
        let start = nanoseconds()
        let cpuStart = threadCPUSeconds()
        let bytes = try interchange.x12()
        times.append(seconds(since: start))
        cpuTimes.append(threadCPUSeconds() - cpuStart)
        size = bytes.count
    }
    var figure = Figure(
        id: "x12.837p.write", name: "X12: write 837P (\(claimCount) claims, 2 lines each)",
        value: Double(claimCount) / median(times), unit: "claims/s")
    figure.details = [
        "claims": Double(claimCount), "median_seconds": median(times), "megabytes": Double(size) / 1_000_000,
        "claims_per_cpu_second": Double(claimCount) / median(cpuTimes),
    ]
    figure.note = "\(Report.number(Double(claimCount) / median(cpuTimes))) claims per CPU-second; median of 3, in process"
    return [figure]
}

/// An 837P interchange of `count` behavioral-health claims.
func professionalClaims(count: Int) -> ProfessionalClaimInterchange {
    let date = X12Date(x12: "20260302")!
    let rendering = ProfessionalClaim.ClaimProvider(
        name: PersonName(last: "RIVERA", first: "ANA"), npi: "1234567893", taxonomy: "101YP2500X")
    let perSubscriber = 10
    var subscribers: [SubscriberClaims] = []
    subscribers.reserveCapacity(count / perSubscriber + 1)
    var made = 0
    while made < count {
        let member = made / perSubscriber
        var claims: [ProfessionalClaim] = []
        for _ in 0..<min(perSubscriber, count - made) {
            let day = DatePeriod(start: X12Date(year: 2026, month: 2, day: made % 28 + 1)!)
            claims.append(
                ProfessionalClaim(
                    claimNumber: "BH-\(made)", totalCharge: X12Amount(cents: 32000), placeOfService: "11",
                    diagnoses: ["F331", "F411"], renderingProvider: rendering,
                    lines: [
                        .init(
                            procedure: ProcedureCode(code: "90837"), charge: X12Amount(cents: 18000), units: X12Quantity(1),
                            diagnosisPointers: [1, 2], serviceDate: day, lineControlNumber: "L\(made)-1"),
                        .init(
                            procedure: ProcedureCode(code: "90834"), charge: X12Amount(cents: 14000), units: X12Quantity(1),
                            diagnosisPointers: [1], serviceDate: day, lineControlNumber: "L\(made)-2"),
                    ]))
            made += 1
        }
        subscribers.append(
            SubscriberClaims(
                groupNumber: "GRP100", filingIndicator: "CI",
                subscriber: .init(
                    name: PersonName(last: "DOE", first: "JANE"), memberID: "MBR\(member)", birthDate: X12Date(x12: "19850412"),
                    gender: "F", address: Address(line1: "12 ELM ST", city: "SPRINGFIELD", state: "IL", postalCode: "62704")),
                payer: .init(name: "ACME HEALTH", id: "ACME1"), claims: claims))
    }
    return ProfessionalClaimInterchange(
        envelope: InterchangeEnvelope(
            senderID: "RCMBILLING", receiverID: "CLEARINGHOUSE", date: date, time: X12Time(hour: 9, minute: 15)!,
            interchangeControlNumber: 1, groupControlNumber: 1),
        transactionControlNumber: "0001", batchReference: "BENCH",
        submitter: .init(name: "RCM BILLING CO", etin: "RCMBILLING", contactName: "CLAIMS DESK", phone: "5555550100"),
        receiver: .init(name: "CLEARINGHOUSE", id: "CLEARINGHOUSE"),
        billingProviders: [
            .init(
                name: PersonName(last: "MINDFUL COUNSELING GROUP"), npi: "1679576722", taxID: "123456789", taxonomy: "261QM0801X",
                address: Address(line1: "100 MAIN ST", city: "SPRINGFIELD", state: "IL", postalCode: "627011234"),
                subscribers: subscribers)
        ])
}
