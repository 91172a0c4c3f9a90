import Foundation
import Testing
import TestSupport

/// Through the binary: a patient's identity held to its form at `patient add`, and duplicates refused with
/// the existing key unless allowed with a reason. Every refusal names the field, exits 1 and writes nothing.
@Suite("Patient identities held to their form, duplicates refused")
struct PatientFormTests {
    static let base = ["patient", "add", "--tenant", "acme", "--first", "Rosalind", "--last", "Pemberton", "--dob", "1984-03-09"]

    /// Runs `patient add` with `changes` replacing or adding options of a valid record.
    static func add(_ cli: CLI, _ changes: [String: String]) throws -> (status: Int32, text: String) {
        var arguments = base
        for (option, value) in changes.sorted(by: { $0.key < $1.key }) {
            if let index = arguments.firstIndex(of: option) { arguments[index + 1] = value } else { arguments += [option, value] }
        }
        let output = try cli.run(arguments)
        return (output.status, output.standardOutput + output.standardError)
    }

    @Test("a long name, a name with markup, a bad phone, a malformed member id, an address with a separator, a birth before 1900: refused naming the field")
    func refusedByForm() async throws {
        let cli = try await CLI.make("form_refused")
        _ = try cli.seedPractice()
        let before = try await cli.eventCount()
        let cases: [([String: String], String)] = [
            (["--last": String(repeating: "Sandboxer", count: 335) + "abcd"], "last name: 3019 characters; at most 60"),
            (["--last": String(repeating: "L", count: 61)], "last name: 61 characters; at most 60"),
            (["--first": String(repeating: "F", count: 36)], "first name: 36 characters; at most 35"),
            (["--first": "Rosalind <b>"], "first name: letters, digits, spaces, apostrophes, hyphens and periods only"),
            (["--first": "1234"], "first name: letters, digits, spaces, apostrophes, hyphens and periods only, with at least one letter"),
            (["--last": "   "], "last name: required"),
            (["--phone": "not-a-phone-Sandboxer"], "phone: 10 digits"),
            (["--phone": "555-0142"], "phone: 10 digits"),
            (["--member-id": "W 123 456"], "member id: 2 to 80 letters, digits or hyphens"),
            (["--member-id": String(repeating: "9", count: 81)], "member id: 2 to 80 letters, digits or hyphens"),
            (["--subscriber-id": "S~1"], "subscriber id: 2 to 80 letters, digits or hyphens"),
            (["--address": "1 Elm St~NM1*IL"], "address: holds a control character or one of ~ * ^"),
            (["--address": String(repeating: "Elm ", count: 60)], "address: 240 characters; at most 200"),
            (["--dob": "1899-12-31"], "date of birth: it is before 1900-01-01"),
            (["--dob": "2999-01-01"], "date of birth: it is in the future"),
        ]
        for (changes, message) in cases {
            let (status, text) = try Self.add(cli, changes)
            #expect(status == 1, "\(message): exit 1, not \(status)")
            #expect(text.contains(message), "\(message): \(text)")
            for value in changes.values where value.trimmingCharacters(in: .whitespaces).count >= 3 {
                #expect(!text.contains(value), "\(message): the value is not echoed")
            }
        }
        #expect(try await cli.eventCount() == before, "nothing was written")
        #expect(try Self.add(cli, ["--last": "O’Brien-Smith Jr.", "--phone": "(217) 555-0142", "--member-id": "W123-456789"]).status == 0)
        await cli.database.drop()
    }

    @Test("an exact duplicate is refused with the existing key; --allow-duplicate needs a reason and then registers it")
    func duplicatePatient() async throws {
        let cli = try await CLI.make("form_duplicate")
        _ = try cli.seedPractice()
        let key = try cli.ok(Self.base + ["--member-id", "RPX4455667"])
        let before = try await cli.eventCount()
        let again = try cli.run(Self.base + ["--member-id", "RPX4455667", "--phone", "2175550142"])
        #expect(again.status == 1)
        #expect(again.standardError.contains("already registered as \(key)") && !again.standardError.contains("Pemberton"))
        let differentCase = try cli.run(["patient", "add", "--tenant", "acme", "--first", "ROSALIND", "--last", "pemberton", "--dob", "1984-03-09", "--member-id", "RPX4455667"])
        #expect(differentCase.status == 1, "names compare without regard to case")
        let noReason = try cli.run(Self.base + ["--member-id", "RPX4455667", "--allow-duplicate"])
        #expect(noReason.status == 64 && noReason.standardError.contains("--allow-duplicate needs --reason"))
        #expect(try await cli.eventCount() == before, "nothing was written")
        let second = try cli.ok(Self.base + ["--member-id", "RPX4455667", "--allow-duplicate", "--reason", "twin with the same card"])
        #expect(second != key)
        #expect(try cli.ok(Self.base + ["--member-id", "RPX0000001"]) != key, "another member id is another patient")
        await cli.database.drop()
    }

    @Test("a second patient with the same member id at the same payer: coverage add is refused with the first key unless allowed")
    func duplicateMemberAtPayer() async throws {
        let cli = try await CLI.make("form_member_payer")
        let first = try cli.seedPractice()  // member id WQX99887766, covered by aetna
        let other = try cli.ok(["patient", "add", "--tenant", "acme", "--first", "Marguerite", "--last", "Olafsdottir", "--dob", "1990-10-10", "--member-id", "WQX99887766"])
        let before = try await cli.eventCount()
        let coverage = ["coverage", "add", "--tenant", "acme", "--patient", other, "--payer", "aetna", "--from", "2026-01-01"]
        let refused = try cli.run(coverage)
        #expect(refused.status == 1 && refused.standardError.contains("patient \(first) has the same member id and a coverage with this payer"))
        #expect(!refused.standardError.contains("WQX99887766"))
        #expect(try await cli.eventCount() == before, "nothing was written")
        _ = try cli.ok(coverage + ["--allow-duplicate", "--reason", "the payer reissued the card to a sibling"])
        await cli.database.drop()
    }
}
