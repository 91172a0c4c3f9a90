import Testing
@testable import X12

/// The figures of one well-formed 837P of the corpus (independent: `Fixtures/corpus/SOURCES.md`).
struct ProfessionalClaimFigures: Sendable, CustomTestStringConvertible {
    struct Claim: Sendable {
        var number: String
        var charge: String
        var lines: Int
    }

    struct ClaimSet: Sendable {
        var control: String
        /// HL 20, 22 and 23 counts.
        var providers: Int
        var subscribers: Int
        var patients: Int
        var claims: [Claim]
    }

    var file: String
    var segments: Int
    var sets: [ClaimSet]

    var testDescription: String { file }
}

@Suite("Corpus: public 837P files read fully and give the independent figures")
struct CorpusProfessionalClaimTests {
    static let cases: [ProfessionalClaimFigures] = [
        .init(
            file: "837p-uhin-psychotherapy.x12", segments: 28,
            sets: [
                .init(
                    control: "800000372", providers: 1, subscribers: 1, patients: 0, claims: [.init(number: "1606", charge: "2", lines: 1)])
            ]),
        .init(
            file: "837p-lfh-patient-dependent.x12", segments: 44,
            sets: [
                .init(
                    control: "0021", providers: 1, subscribers: 1, patients: 1,
                    claims: [.init(number: "26463774", charge: "100.00", lines: 4)])
            ]),
        .init(
            file: "837p-lfh-cob-payer-b.x12", segments: 66,
            sets: [
                .init(
                    control: "1234", providers: 1, subscribers: 1, patients: 1,
                    claims: [.init(number: "26407789", charge: "79.04", lines: 3)])
            ]),
        .init(
            file: "837p-lfh-ambulance.x12", segments: 56,
            sets: [
                .init(
                    control: "000017712", providers: 1, subscribers: 1, patients: 0,
                    claims: [.init(number: "051068", charge: "766.50", lines: 4)])
            ]),
        .init(
            file: "837p-lfh-drug-ndc.x12", segments: 69,
            sets: [
                .init(
                    control: "0711", providers: 1, subscribers: 1, patients: 0,
                    claims: [.init(number: "CLMNO12345", charge: "2232.93", lines: 6)])
            ]),
        .init(
            file: "837p-oopfactory-two-sets.x12", segments: 134,
            sets: [
                .init(
                    control: "0021", providers: 2, subscribers: 2, patients: 2,
                    claims: [
                        .init(number: "26463774", charge: "100", lines: 4),
                        .init(number: "26407789", charge: "79.04", lines: 3),
                    ]),
                .init(
                    control: "0022", providers: 1, subscribers: 1, patients: 0, claims: [.init(number: "26462967", charge: "100", lines: 4)]
                ),
            ]),
    ]

    @Test("reads fully; CLM01, CLM02, lines and Σ SV102 equal the independent figures", arguments: cases)
    func figures(_ expected: ProfessionalClaimFigures) throws {
        let bytes = try Corpus.bytes(expected.file)
        #expect(readError(bytes, name: expected.file) == nil)
        let file = try X12File(bytes: bytes, fileName: expected.file)
        #expect(file.segmentCount == expected.segments)
        #expect(file.transactionSets.map(\.id) == expected.sets.map { _ in "837" })

        let (interchanges, warnings) = try file.professionalClaims()
        #expect(interchanges.map(\.transactionControlNumber) == expected.sets.map(\.control))
        for (interchange, set) in zip(interchanges, expected.sets) {
            #expect(interchange.billingProviders.count == set.providers)
            let subscribers = interchange.billingProviders.flatMap(\.subscribers)
            #expect(subscribers.count == set.subscribers)
            #expect(subscribers.compactMap(\.patient).count == set.patients)
            #expect(interchange.claims.map(\.claimNumber) == set.claims.map(\.number))
            #expect(interchange.claims.map(\.totalCharge) == set.claims.map { amount($0.charge) })
            #expect(interchange.claims.map(\.lines.count) == set.claims.map(\.lines))
            // Independently, every CLM02 equals the sum of its SV102.
            #expect(interchange.claims.map { $0.lines.map(\.charge).sum() } == set.claims.map { amount($0.charge) })
            #expect(interchange.summary.totalCharge == set.claims.map { amount($0.charge) }.sum())
        }
        #expect(!warnings.contains { $0.message.contains("differs from Σ SV102") })
        #expect(!warnings.contains { $0.message.contains("appears more than once") })

        let summary = try X12Summary(bytes: bytes, fileName: expected.file)
        #expect(summary.professionalClaims.map(\.controlNumber) == expected.sets.map(\.control))
        #expect(summary.professionalClaims.map(\.claims.count) == expected.sets.map(\.claims.count))
    }

    @Test("UHIN's psychotherapy claim: 90834, ICD-10 R69, a service period, no warning")
    func psychotherapy() throws {
        let (interchanges, warnings) = try Corpus.file("837p-uhin-psychotherapy.x12").professionalClaims()
        #expect(warnings.isEmpty)
        let interchange = try #require(interchanges.first)
        #expect(interchange.batchReference == "1609")
        #expect(interchange.billingProviders.first?.npi == "1245319599")
        let group = try #require(interchange.billingProviders.first?.subscribers.first)
        #expect(group.payer == .init(name: "FLORIDA DIRECT UHIN PAYER", id: "FLHIN"))
        #expect(group.filingIndicator == "CI" && group.payerSequence == "P")
        let claim = try #require(interchange.claims.first)
        #expect(claim.diagnoses == ["R69"])
        #expect(claim.placeOfService == "11" && claim.frequency == "1")
        let line = try #require(claim.lines.first)
        #expect(line.procedure == ProcedureCode(code: "90834"))
        #expect(line.units == X12Quantity(x12: "1"))
        #expect(line.diagnosisPointers == [1])
        #expect(
            line.serviceDate == DatePeriod(start: X12Date(year: 2024, month: 8, day: 15)!, end: X12Date(year: 2024, month: 8, day: 20)!))
    }

    @Test("LinuxForHealth's COB claim to payer B: loop 2320 (AMT*D 39.15, PR-1 21.89, PR-2 15.00) and loop 2430 read")
    func coordinationOfBenefits() throws {
        let (interchanges, _) = try Corpus.file("837p-lfh-cob-payer-b.x12").professionalClaims()
        let group = try #require(interchanges.first?.billingProviders.first?.subscribers.first)
        #expect(group.payerSequence == "S")
        #expect(group.patient?.relationship == "19")
        let claim = try #require(group.claims.first)
        #expect(claim.otherPayers.count == 1)
        let other = try #require(claim.otherPayers.first)
        #expect(other.payerSequence == "P" && other.relationship == "01" && other.filingIndicator == "12")
        #expect(other.paidAmount == amount("39.15"))
        #expect(
            other.adjustments == [
                Adjustment(group: "PR", reason: "1", amount: amount("21.89")),
                Adjustment(group: "PR", reason: "2", amount: amount("15.00")),
            ])
        #expect(other.payer == .init(name: "KEY INSURANCE COMPANY", id: "999996666"))
        #expect(claim.lines.map(\.procedure.code) == ["99213", "90782", "J3301"])
        #expect(claim.lines.map(\.diagnosisPointers) == [[1, 2, 3, 4], [1, 2], [1, 2]])
    }
}
