import Testing
@testable import X12

@Suite("X12 text: what an element can carry")
struct X12TextTests {
    @Test(
        "accents and typographic marks become plain characters and say so; spaces are trimmed and collapsed quietly",
        arguments: [
            ("José Muñoz", "Jose Munoz", true), ("O’Brien", "O'Brien", true), ("Straße", "Strasse", true),
            ("Søren Åberg", "Soren Aberg", true), ("Zoë–Łucja", "Zoe-Lucja", true), ("  Mary \t  Ann  ", "Mary Ann", false),
            ("St. Clair-Smith (Jr)", "St. Clair-Smith (Jr)", false), ("100 Main St, Springfield, IL 62701", "100 Main St, Springfield, IL 62701", false),
        ])
    func folds(_ value: String, _ written: String, _ replaced: Bool) throws {
        let text = try #require(X12Text(value))
        #expect(text.text == written)
        #expect(text.replacedCharacters == replaced)
        #expect(text.text.utf8.allSatisfy { (0x20...0x7E).contains($0) })
    }

    @Test(
        "a character with no X12 form, or one of our separators, cannot be written",
        arguments: ["李小龍", "Ann😀", "Ива", "A*B", "A~B", "A:B", "A^B", "bell\u{07}"])
    func unwritable(_ value: String) {
        #expect(X12Text(value) == nil)
    }

    @Test("the writer refuses a character outside the character set and a name longer than NM103 allows, without echoing either")
    func writerRefuses() {
        var interchange = BehavioralHealthSample.interchange
        interchange.billingProviders[0].subscribers[0].subscriber.name.last = "DOÉ"
        do {
            _ = try interchange.x12()
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("NM1") && error.description.contains("outside the X12 character set"))
            #expect(!error.description.contains("DO"))
        }
        interchange = BehavioralHealthSample.interchange
        interchange.billingProviders[0].subscribers[0].subscriber.name.last = String(repeating: "Q", count: 61)
        do {
            _ = try interchange.x12()
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("NM103 is 61 characters long; the implementation guide allows 1 to 60"))
            #expect(!error.description.contains("QQ"))
        }
        interchange = BehavioralHealthSample.interchange
        interchange.billingProviders[0].subscribers[0].subscriber.memberID = "X"
        #expect(throws: X12Error.self) { try interchange.x12() }
    }

    @Test("trailing spaces of a value are not written (B.1.1.3.1.4)")
    func trailingSpaces() throws {
        var interchange = BehavioralHealthSample.interchange
        interchange.billingProviders[0].subscribers[0].subscriber.name.last = "DOE  "
        let text = String(decoding: try interchange.x12(), as: UTF8.self)
        #expect(text.contains("NM1*IL*1*DOE*JANE*Q***MI*MBR0001~"))
    }
}
