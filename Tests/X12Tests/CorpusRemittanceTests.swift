import Testing
@testable import X12

/// The figures of one well-formed 835 of the corpus, computed independently (`Fixtures/corpus/figures.py`,
/// checked by hand): see `Fixtures/corpus/SOURCES.md`.
struct RemittanceFigures: Sendable, CustomTestStringConvertible {
    struct Claim: Sendable {
        var segment: Int
        var number: String
        var status: String
        var charge: String
        var paid: String
    }

    struct PLB: Sendable {
        var reason: String
        var reference: String?
        var amount: String
    }

    var file: String
    var segments: Int
    var stSegment: Int
    var handling: String
    var bpr02: String
    var trace: String
    var claims: [Claim]
    var lines: Int
    var chargeTotal: String
    var paidTotal: String
    var plb: [PLB] = []
    var plbTotal: String = "0"

    var testDescription: String { file }
}

@Suite("Corpus: public 835 files read fully and give the independent figures")
struct CorpusRemittanceTests {
    static let cases: [RemittanceFigures] = [
        .init(
            file: "835-emedny-professional.x12", segments: 69, stSegment: 3, handling: "I", bpr02: "45.75", trace: "10100000000",
            claims: [
                .init(segment: 15, number: "PATIENT ACCOUNT NUMBER", status: "1", charge: "34.25", paid: "34.25"),
                .init(segment: 34, number: "PATIENT ACCOUNT NUMBER", status: "2", charge: "34", paid: "0"),
                .init(segment: 46, number: "PATIENT ACCOUNT NUMBER", status: "2", charge: "34.25", paid: "11.5"),
            ],
            lines: 10, chargeTotal: "102.50", paidTotal: "45.75"),
        .init(
            file: "835-uhc-legacy.x12", segments: 65, stSegment: 3, handling: "I", bpr02: "349.99", trace: "1234567890",
            claims: [
                .init(segment: 19, number: "001-18573-358", status: "1", charge: "341.28", paid: "88.92"),
                .init(segment: 39, number: "001-18604-358", status: "1", charge: "816.24", paid: "261.07"),
            ],
            lines: 5, chargeTotal: "1157.52", paidTotal: "349.99"),
        .init(
            file: "835-emedny-institutional.x12", segments: 35, stSegment: 3, handling: "I", bpr02: "1481.99", trace: "10100000000",
            claims: [
                .init(segment: 14, number: "PATIENT ACCOUNT NUMBER", status: "3", charge: "137.48", paid: "0"),
                .init(segment: 22, number: "PATIENT ACCOUNT NUMBER", status: "1", charge: "2286.99", paid: "1481.99"),
            ],
            lines: 0, chargeTotal: "2424.47", paidTotal: "1481.99"),
        .init(
            file: "835-emedny-inpatient-drg-retro.x12", segments: 39, stSegment: 3, handling: "I", bpr02: "1.57", trace: "123456789012345",
            claims: [
                .init(segment: 16, number: "9876543210ABC", status: "22", charge: "-37617.33", paid: "-627.97"),
                .init(segment: 26, number: "9876543210ABC", status: "1", charge: "37617.33", paid: "629.54"),
            ],
            lines: 0, chargeTotal: "0", paidTotal: "1.57"),
        .init(
            file: "835-emedny-no-payment.x12", segments: 29, stSegment: 3, handling: "H", bpr02: "0", trace: "10100000000",
            claims: [.init(segment: 15, number: "PATIENT ACCOUNT NUMBER", status: "2", charge: "34", paid: "0")],
            lines: 2, chargeTotal: "34", paidTotal: "0"),
        .init(
            file: "835-emedny-pharmacy-plb.x12", segments: 46, stSegment: 3, handling: "I", bpr02: "219.65", trace: "10100000000",
            claims: [
                .init(segment: 16, number: "PAT ACCT NUM", status: "1", charge: "4", paid: "0"),
                .init(segment: 26, number: "PATIENT ACCOUNT NUMBER", status: "1", charge: "9.46", paid: "0"),
                .init(segment: 34, number: "PATIENT ACCOUNT NUMBER", status: "1", charge: "256.46", paid: "223.64"),
            ],
            lines: 3, chargeTotal: "269.92", paidTotal: "223.64",
            plb: [.init(reason: "WO", reference: "FCN#201001010000000", amount: "3.99")], plbTotal: "3.99"),
        .init(
            file: "835-emedny-outpatient-retro.x12", segments: 34, stSegment: 3, handling: "H", bpr02: "0", trace: "12345678901",
            claims: [
                .init(segment: 16, number: "987654321", status: "22", charge: "-7151.17", paid: "-7151.17"),
                .init(segment: 23, number: "987654321", status: "1", charge: "7151.17", paid: "7131.01"),
            ],
            lines: 0, chargeTotal: "0", paidTotal: "-20.16",
            plb: [.init(reason: "FB", reference: "FCN#201401011010200", amount: "-20.16")], plbTotal: "-20.16"),
        .init(
            file: "835-lfh-secondary-payment.x12", segments: 42, stSegment: 3, handling: "I", bpr02: "1222.00", trace: "0012524965",
            claims: [
                .init(segment: 16, number: "L0004828311", status: "2", charge: "10323.64", paid: "912.00"),
                .init(segment: 24, number: "0001000053", status: "2", charge: "751.50", paid: "310.00"),
            ],
            lines: 2, chargeTotal: "11075.14", paidTotal: "1222.00"),
    ]

    @Test(
        "reads fully; claims, CLP03/CLP04, lines, BPR02 and PLB equal the independent figures; every identity holds",
        arguments: cases)
    func figures(_ expected: RemittanceFigures) throws {
        let bytes = try Corpus.bytes(expected.file)
        #expect(readError(bytes, name: expected.file) == nil)
        let file = try X12File(bytes: bytes, fileName: expected.file)
        #expect(file.segmentCount == expected.segments)
        #expect(file.transactionSets.map(\.id) == ["835"])
        #expect(file.transactionSets.first?.segmentNumber == expected.stSegment)

        let (remits, _) = try file.remittances()
        #expect(remits.count == 1)
        let remit = try #require(remits.first)
        #expect(remit.payment.handlingCode == expected.handling)
        #expect(remit.payment.signedAmount == amount(expected.bpr02))
        #expect(remit.trace.number == expected.trace)
        #expect(remit.claims.map(\.segmentNumber) == expected.claims.map(\.segment))
        #expect(remit.claims.map(\.patientControlNumber) == expected.claims.map(\.number))
        #expect(remit.claims.map(\.status) == expected.claims.map(\.status))
        #expect(remit.claims.map(\.charge) == expected.claims.map { amount($0.charge) })
        #expect(remit.claims.map(\.paid) == expected.claims.map { amount($0.paid) })
        #expect(remit.claims.flatMap(\.lines).count == expected.lines)
        #expect(remit.claims.map(\.charge).sum() == amount(expected.chargeTotal))
        #expect(remit.claimPaidTotal == amount(expected.paidTotal))
        #expect(
            remit.providerAdjustments.flatMap(\.items)
                == expected.plb.map { ProviderAdjustment.Item(reason: $0.reason, reference: $0.reference, amount: amount($0.amount)) })
        #expect(remit.providerAdjustmentTotal == amount(expected.plbTotal))
        // BPR02 = ΣCLP04 − ΣPLB, and (independently checked) every claim, line and CLP05 identity holds.
        #expect(remit.computedPaymentAmount == amount(expected.bpr02))
        #expect(remit.isBalanced)
        #expect(remit.balanceFindings().isEmpty)

        // What `rcm x12 inspect` prints.
        let summary = try X12Summary(bytes: bytes, fileName: expected.file)
        let totals = try #require(summary.paymentTotals)
        #expect(totals.payments == 1)
        #expect(totals.claims == expected.claims.count)
        #expect(totals.bprAmount == amount(expected.bpr02))
        #expect(totals.chargeTotal == amount(expected.chargeTotal))
        #expect(totals.claimPaidTotal == amount(expected.paidTotal))
        #expect(totals.providerAdjustmentTotal == amount(expected.plbTotal))
        #expect(totals.balanced)
        #expect(summary.payments.first?.findings == [])
        #expect(summary.payments.first?.claims.map(\.lines).reduce(0, +) == expected.lines)
    }

    @Test("NM1 without NM103: the eMedNY rendering provider by NPI alone, UnitedHealthcare's corrected middle initial")
    func namelessParties() throws {
        let (institutional, _) = try Corpus.file("835-emedny-institutional.x12").remittances()
        let provider = try #require(institutional.first?.claims[1].renderingProvider)
        #expect(provider.name.value.last == "")
        #expect(provider.idQualifier == "XX" && provider.id?.value == "9999999995")
        #expect(institutional.first?.claims[1].patientResponsibility == amount("805"))

        let (legacy, warnings) = try Corpus.file("835-uhc-legacy.x12").remittances()
        let corrected = try #require(legacy.first?.claims.first?.otherParties.first)
        #expect(corrected.entity == "74")
        #expect(corrected.name.value == PersonName(last: "", middle: "C"))
        #expect(legacy.first?.payer.identifier == "87726")
        // '>' is the declared ISA16 here: composites read without a warning.
        #expect(legacy.first?.claims.first?.lines.first?.procedure == ProcedureCode(code: "B4152"))
        #expect(!warnings.contains { $0.message.contains("component separator") })
    }

    @Test("LinuxForHealth's secondary payment: BPR16 one element early, '>' composites and the retired CARC 42 are said, the money is read")
    func secondaryPaymentWarnings() throws {
        let (remits, warnings) = try Corpus.file("835-lfh-secondary-payment.x12").remittances()
        let remit = try #require(remits.first)
        #expect(remit.claims[1].patientResponsibility == amount("220"))
        #expect(remit.claims[1].lines[1].adjustments.map(\.reason) == ["1", "2", "42"])
        #expect(
            remit.claims[1].lines.map(\.procedure) == [
                ProcedureCode(code: "12345", modifiers: ["26"]),
                ProcedureCode(code: "66543", modifiers: ["26"]),
            ])
        #expect(
            warnings.map(\.description) == [
                "835-lfh-secondary-payment.x12: segment 4 (BPR), element 16: BPR16 (payment date) is missing; BPR15 holds \"20050412\", a date one element early (a separator short?); the payment date is left empty",
                "835-lfh-secondary-payment.x12: segment 29 (SVC), element 1: composite \"HC>12345>26\" uses '>' but ISA16 declares ':' as the component separator; read with '>'",
                "835-lfh-secondary-payment.x12: segment 34 (SVC), element 1: composite \"HC>66543>26\" uses '>' but ISA16 declares ':' as the component separator; read with '>'",
                "835-lfh-secondary-payment.x12: segment 37 (CAS), element 2: claim adjustment reason code \"42\" is deactivated (X12 code source 139, list of 2026-08-17); payers should no longer send it",
            ])
    }
}
