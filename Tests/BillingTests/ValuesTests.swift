import Billing
import Foundation
import Testing

@Suite("Values")
struct ValuesTests {
    @Test("money parses decimal text and rejects anything else")
    func moneyParsing() {
        #expect(Money(parsing: "125.50")?.cents == 12550)
        #expect(Money(parsing: "-12.3")?.cents == -1230)
        #expect(Money(parsing: "12")?.cents == 1200)
        #expect(Money(parsing: "12.30")?.cents == 1230)
        #expect(Money(parsing: "0.05")?.cents == 5)
        for bad in ["12.345", "1e3", "", "12.3.4", ".5", "5.", "-", "+5", " 5", "12,30", "99999999999999999999"] {
            #expect(Money(parsing: bad) == nil, "\(bad) should not parse")
        }
    }

    @Test("money prints two decimal places")
    func moneyPrinting() {
        #expect(Money(cents: 12550).description == "125.50")
        #expect(Money(cents: -5).description == "-0.05")
        #expect(Money(cents: 0).description == "0.00")
        #expect(Money(cents: Int64.min + 1).description == "-92233720368547758.07")
    }

    @Test("money encodes as a JSON string")
    func moneyJSON() throws {
        let data = try JSONEncoder().encode([Money(cents: 12550)])
        #expect(String(decoding: data, as: UTF8.self) == #"["125.50"]"#)
        #expect(try JSONDecoder().decode([Money].self, from: Data(#"["-1.5"]"#.utf8)) == [Money(cents: -150)])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Money].self, from: Data(#"["1e3"]"#.utf8)) }
    }

    @Test("money percentages round half away from zero")
    func moneyPercent() {
        #expect(Money(cents: 12000).percentage(20) == Money(cents: 2400))
        #expect(Money(cents: 1005).percentage(50) == Money(cents: 503))
        #expect(Money(cents: -1005).percentage(50) == Money(cents: -503))
        #expect([Money(cents: 1), Money(cents: 2)].sum() == Money(cents: 3))
    }

    @Test("quantities parse X12 decimals and print the shortest form")
    func quantity() {
        #expect(Quantity(parsing: "1.00") == Quantity(units: 1))
        #expect(Quantity(parsing: "0.5")?.thousandths == 500)
        #expect(Quantity(parsing: "2.125")?.description == "2.125")
        #expect(Quantity(parsing: "1.2345") == nil)
        #expect(Quantity(parsing: "1e2") == nil)
        #expect(Quantity(thousandths: 1500).description == "1.5")
    }

    @Test("local dates do calendar arithmetic")
    func localDate() throws {
        let date = try #require(LocalDate("2024-02-28"))
        #expect(date.adding(days: 1).description == "2024-02-29")
        #expect(date.adding(days: 2).description == "2024-03-01")
        #expect(LocalDate("2023-02-29") == nil)
        #expect(LocalDate("2026-1-01") == nil)
        #expect(LocalDate("1970-01-01")?.daysSinceEpoch == 0)
        #expect(try #require(LocalDate("2026-01-01")).days(to: try #require(LocalDate("2026-12-31"))) == 364)
        #expect(LocalDate(daysSinceEpoch: date.daysSinceEpoch) == date)
        let data = try JSONEncoder().encode([date])
        #expect(String(decoding: data, as: UTF8.self) == #"["2024-02-28"]"#)
    }

    @Test("accounting periods print as year-month and roll over")
    func period() throws {
        let december = try #require(AccountingPeriod("2026-12"))
        #expect(december.next.description == "2027-01")
        #expect(AccountingPeriod(containing: try #require(LocalDate("2026-06-30"))).description == "2026-06")
        #expect(AccountingPeriod("2026-13") == nil)
    }

    @Test("typed ids encode as plain strings")
    func ids() throws {
        let id: ClaimID = "c-1"
        #expect(String(decoding: try JSONEncoder().encode([id]), as: UTF8.self) == #"["c-1"]"#)
    }

    @Test("claim numbers are at most 20 letters, digits or hyphens")
    func claimNumbers() {
        #expect(ClaimNumber("ABC-123") != nil)
        #expect(ClaimNumber(String(repeating: "9", count: 20)) != nil)
        #expect(ClaimNumber(String(repeating: "9", count: 21)) == nil)
        #expect(ClaimNumber("") == nil)
        #expect(ClaimNumber("A B") == nil)
        #expect(ClaimNumber("A_B") == nil)
    }

    @Test("NPIs carry a Luhn check digit over 80840")
    func npi() {
        #expect(NPI.isValid("1234567893"))
        #expect(!NPI.isValid("1234567890"))
        #expect(!NPI.isValid("3234567893"))
        #expect(!NPI.isValid("123456789"))
        #expect(NPI.checkDigit(forFirstNine: [1, 2, 3, 4, 5, 6, 7, 8, 9]) == 3)
    }

    @Test("ICD-10-CM codes are checked for form and normalised")
    func icdForm() {
        #expect(ICD10Code("F32.9")?.x12 == "F329")
        #expect(ICD10Code("f329")?.rawValue == "F32.9")
        #expect(ICD10Code("F32")?.rawValue == "F32")
        #expect(ICD10Code("Z3A.01") != nil)
        #expect(ICD10Code("32.9") == nil)
        #expect(ICD10Code("FF2.9") == nil)
        #expect(ICD10Code("F3") == nil)
        #expect(ICD10Code("F32.12345") == nil)
        #expect(ICD10Code("F3.29") == nil)
        #expect(ICD10Code("F10.20")?.isSubstanceUse == true)
        #expect(ICD10Code("F20.9")?.isSubstanceUse == false)
    }

    @Test("the diagnosis catalog catches header codes and checks the date of service")
    func icdCatalog() throws {
        let day = try #require(LocalDate("2024-06-01"))
        #expect(DiagnosisCatalog.status(of: ICD10Code("F32.9")!, on: day) == .billable)
        #expect(DiagnosisCatalog.status(of: ICD10Code("F32")!, on: day) == .header)
        #expect(DiagnosisCatalog.status(of: ICD10Code("F43.8")!, on: day) == .header)
        #expect(DiagnosisCatalog.status(of: ICD10Code("F43.8")!, on: LocalDate("2023-01-01")!) == .billable)
        #expect(DiagnosisCatalog.status(of: ICD10Code("F32.A")!, on: LocalDate("2021-09-30")!) == .notInForce)
        #expect(DiagnosisCatalog.status(of: ICD10Code("M54.5")!, on: day) == .unknown)
    }

    @Test("code sets hold time bands, pairings and validity")
    func codeSets() throws {
        #expect(ProcedureCatalog.definition("90837")?.minutes?.lowerBound == 53)
        #expect(ProcedureCatalog.definition("90840")?.primaries == ["90839"])
        #expect(ProcedureCatalog.definition("H0001")?.substanceUse == true)
        #expect(ProcedureCatalog.definition("99201")?.effective.contains(LocalDate("2021-01-01")!) == false)
        #expect(ModifierCatalog.telehealthModifiers == ["95", "93", "GT", "FQ"])
        #expect(PlaceOfServiceCatalog.entries["10"]?.effective.contains(LocalDate("2021-06-01")!) == false)
        #expect(AdjustmentCatalog.reasons["45"] != nil)
        #expect(GroupCode(rawValue: "OI") == nil)
        #expect(GroupCode.allCases.map(\.rawValue) == ["CO", "OA", "PI", "PR"])
    }

    @Test("a period covers another only when every date of it falls inside; the union spans both, open when either is")
    func periodCoversAndUnion() {
        let year2025 = EffectivePeriod(from: day("2025-01-01"), through: day("2025-12-31"))
        let year2026 = EffectivePeriod(from: day("2026-01-01"), through: day("2026-12-31"))
        #expect(year2025.covers(EffectivePeriod(from: day("2025-03-01"), through: day("2025-12-31"))))
        #expect(!year2025.covers(year2026))
        #expect(!year2025.covers(EffectivePeriod(from: day("2025-03-01"))), "an open period is not inside a closed one")
        #expect(!year2025.covers(EffectivePeriod(from: day("2024-12-31"), through: day("2025-06-30"))))
        #expect(EffectivePeriod(from: day("2025-01-01")).covers(year2026))
        let both = year2025.union(year2026)
        #expect(both == EffectivePeriod(from: day("2025-01-01"), through: day("2026-12-31")))
        #expect(both.contains(day("2025-12-31")) && both.contains(day("2026-01-01")))
        #expect(year2026.union(EffectivePeriod(from: day("2025-06-01"))) == EffectivePeriod(from: day("2025-06-01")))
    }
}
