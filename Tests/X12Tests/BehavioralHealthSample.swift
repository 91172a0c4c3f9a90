@testable import X12

/// A behavioral-health 837P built in code: intake, psychotherapy, E/M with add-on, interactive complexity,
/// family therapy, group, telehealth, a replacement claim, a patient who is not the subscriber, and a secondary
/// claim with the primary's adjudication.
enum BehavioralHealthSample {
    static func date(_ text: String) -> X12Date { X12Date(x12: text)! }
    static func day(_ text: String) -> DatePeriod { DatePeriod(start: date(text)) }

    static let envelope = InterchangeEnvelope(
        senderID: "RCMBILLING", receiverID: "CLEARINGHOUSE", date: date("20260302"), time: X12Time(hour: 9, minute: 15)!,
        interchangeControlNumber: 4211, groupControlNumber: 4211, usage: "T")

    static let rendering = ProfessionalClaim.ClaimProvider(name: PersonName(last: "RIVERA", first: "ANA"), npi: "1234567893", taxonomy: "101YP2500X")
    static let supervisor = ProfessionalClaim.ClaimProvider(name: PersonName(last: "OKAFOR", first: "JAMES"), npi: "1245319599")

    static func line(_ code: String, _ modifiers: [String] = [], _ charge: String, _ on: String, _ control: String,
                     pointers: [Int] = [1], units: Int = 1, pos: String? = nil) -> ProfessionalClaim.ServiceLine {
        .init(procedure: ProcedureCode(code: code, modifiers: modifiers), charge: X12Amount(x12: charge)!, units: X12Quantity(units),
              placeOfService: pos, diagnosisPointers: pointers, serviceDate: day(on), lineControlNumber: control)
    }

    static let claims: [ProfessionalClaim] = [
        ProfessionalClaim(claimNumber: "BH-2026-0001", totalCharge: X12Amount(x12: "250")!, placeOfService: "11",
                          priorAuthorization: "AUTH778", diagnoses: ["F331", "F411"], renderingProvider: rendering,
                          lines: [line("90791", [], "250", "20260210", "L0001-1", pointers: [1, 2])]),
        ProfessionalClaim(claimNumber: "BH-2026-0002", totalCharge: X12Amount(x12: "465")!, placeOfService: "11",
                          diagnoses: ["F331"], renderingProvider: rendering, supervisingProvider: supervisor,
                          lines: [line("90834", [], "140", "20260217", "L0002-1"),
                                  line("90837", [], "180", "20260224", "L0002-2"),
                                  line("99214", [], "120", "20260226", "L0002-3"),
                                  line("90833", [], "25", "20260226", "L0002-4")]),
        ProfessionalClaim(claimNumber: "BH-2026-0003", totalCharge: X12Amount(x12: "345.5")!, placeOfService: "10",
                          diagnoses: ["F902", "Z630"], renderingProvider: rendering,
                          lines: [line("90837", ["95"], "180", "20260203", "L0003-1", pos: "10"),
                                  line("90785", ["95"], "20.5", "20260203", "L0003-2", pos: "10"),
                                  line("90847", ["95"], "145", "20260205", "L0003-3", pointers: [2, 1], pos: "10")]),
    ]

    static let childClaims: [ProfessionalClaim] = [
        ProfessionalClaim(claimNumber: "BH-2026-0004", totalCharge: X12Amount(x12: "190")!, placeOfService: "11", frequency: "7",
                          originalPayerClaimNumber: "PAYERICN55501", diagnoses: ["F909"], renderingProvider: rendering,
                          lines: [line("90846", [], "130", "20260206", "L0004-1"),
                                  line("90853", [], "60", "20260213", "L0004-2")]),
    ]

    static let secondaryClaims: [ProfessionalClaim] = [
        ProfessionalClaim(claimNumber: "BH-2026-0005", totalCharge: X12Amount(x12: "200")!, placeOfService: "11",
                          diagnoses: ["F432"], renderingProvider: rendering,
                          otherPayers: [.init(payerSequence: "P", filingIndicator: "CI",
                                              adjustments: [Adjustment(group: "CO", reason: "45", amount: X12Amount(x12: "80")!),
                                                            Adjustment(group: "PR", reason: "2", amount: X12Amount(x12: "24")!)],
                                              paidAmount: X12Amount(x12: "96")!,
                                              subscriber: .init(name: PersonName(last: "DOE", first: "JANE"), memberID: "PRIM123"),
                                              payer: .init(name: "PRIMARY HEALTH PLAN", id: "PHP01"), adjudicationDate: date("20260220"))],
                          lines: [line("90837", [], "200", "20260209", "L0005-1")]),
    ]

    static let interchange = ProfessionalClaimInterchange(
        envelope: envelope, transactionControlNumber: "0001", batchReference: "BATCH4211",
        submitter: .init(name: "RCM BILLING CO", etin: "RCMBILLING", contactName: "CLAIMS DESK", phone: "5555550100"),
        receiver: .init(name: "CLEARINGHOUSE", id: "CLEARINGHOUSE"),
        billingProviders: [
            .init(name: PersonName(last: "MINDFUL COUNSELING GROUP"), npi: "1679576722", taxID: "123456789", taxonomy: "261QM0801X",
                  address: Address(line1: "100 MAIN ST", city: "SPRINGFIELD", state: "IL", postalCode: "627011234"),
                  subscribers: [
                    .init(groupNumber: "GRP100", filingIndicator: "CI",
                          subscriber: .init(name: PersonName(last: "DOE", first: "JANE", middle: "Q"), memberID: "MBR0001",
                                            birthDate: date("19850412"), gender: "F",
                                            address: Address(line1: "12 ELM ST", city: "SPRINGFIELD", state: "IL", postalCode: "62704")),
                          payer: .init(name: "ACME HEALTH", id: "ACME1"), claims: claims),
                    .init(filingIndicator: "MC",
                          subscriber: .init(name: PersonName(last: "SMITH", first: "PAT"), memberID: "MCD998877",
                                            address: Address(line1: "9 OAK AVE", city: "SPRINGFIELD", state: "IL", postalCode: "62704")),
                          payer: .init(name: "STATE MEDICAID", id: "SKIL0"),
                          patient: .init(relationship: "19", person: .init(name: PersonName(last: "SMITH", first: "SAM"),
                                                                             birthDate: date("20140905"), gender: "M",
                                                                             address: Address(line1: "9 OAK AVE", city: "SPRINGFIELD", state: "IL", postalCode: "62704"))),
                          claims: childClaims),
                    .init(payerSequence: "S", filingIndicator: "CI",
                          subscriber: .init(name: PersonName(last: "DOE", first: "JANE"), memberID: "SEC555", birthDate: date("19850412"), gender: "F"),
                          payer: .init(name: "SECOND PLAN", id: "SEC02"), claims: secondaryClaims),
                  ]),
        ])
}
