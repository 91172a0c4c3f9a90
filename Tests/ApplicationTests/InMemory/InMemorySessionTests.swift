import Application
import Billing
import EventStore
import Foundation
import Testing

@Suite("Sessions and their CSV import, in memory")
struct InMemorySessionTests {
    static let slug = InMemoryWorld.slug

    @Test("a session is logged to its own stream on its date of service")
    func logSession() async throws {
        let world = try await InMemoryWorld.make()
        let key = try await world.insuredPatient("Zebediah", "Quaxworth", memberID: "W998877661")
        let record = world.session(
            "s-1001", patient: key, daysAgo: 6, code: "90837", minutes: 55, charge: 150_00, diagnoses: ["F33.1", "F41.1"])
        let (_, events) = try await world.appended { try await world.core.logSession(record, tenant: Self.slug) }
        #expect(events.map { "\($0.streamID) \($0.eventType)" } == ["session-s-1001 session.logged"])
        #expect(events[0].effectiveDate == world.serviceDate(daysAgo: 6).description)
        #expect(try events[0].decodedMetadata().source == "cli")
        #expect(events[0].payloadText.contains("F41.1") && events[0].payloadText.contains("150.00"))
    }

    @Test("a session is refused for an unknown provider or patient, a code, minutes or place that do not fit, twice, or in no practice")
    func logSessionRefusals() async throws {
        let world = try await InMemoryWorld.make()
        let key = try await world.insuredPatient("Zebediah", "Quaxworth", memberID: "W998877661")
        @discardableResult func log(_ record: SessionRecord, tenant: String = Self.slug) async throws -> String {
            try await world.refused { try await world.core.logSession(record, tenant: tenant) }
        }
        #expect(try await log(world.session("s-1", patient: key, provider: "dr-who")).contains("no provider dr-who"))
        #expect(try await log(world.session("s-1", patient: "pk-nobody")).contains("no patient pk-nobody"))
        #expect(try await log(world.session("s-1", patient: key, code: "90837", minutes: 45)).contains("90837 needs at least 53 minutes"))
        #expect(try await log(world.session("s-1", patient: key, code: "99999")).contains("99999"))
        var elsewhere = world.session("s-1", patient: key)
        elsewhere.placeOfService = "00"
        try await log(elsewhere)
        var undiagnosed = world.session("s-1", patient: key)
        undiagnosed.diagnoses = []
        try await log(undiagnosed)
        try await world.core.logSession(world.session("s-1", patient: key), tenant: Self.slug)
        try await log(world.session("s-1", patient: key))
        #expect(try await log(world.session("s-2", patient: key), tenant: "nowhere").contains("no tenant nowhere"))
    }

    @Test("a corrected session records the amended note with its reason on today's date")
    func correctSession() async throws {
        let world = try await InMemoryWorld.make()
        let key = try await world.insuredPatient("Zebediah", "Quaxworth", memberID: "W998877661")
        try await world.core.logSession(world.session("s-1", patient: key, daysAgo: 8), tenant: Self.slug)
        let amended = world.session("s-1", patient: key, daysAgo: 8, code: "90837", minutes: 55, charge: 150_00)
        let (_, events) = try await world.appended {
            try await world.core.correctSession(amended, reason: "note amended: 55 minutes", tenant: Self.slug)
        }
        #expect(events.map { "\($0.streamID) \($0.eventType)" } == ["session-s-1 session.corrected"])
        #expect(events[0].effectiveDate == world.today.description)
        #expect(try events[0].decodedMetadata().reason == "note amended: 55 minutes")

        #expect(try await world.refused { try await world.core.correctSession(amended, reason: "", tenant: Self.slug) }.contains("reason"))
        var otherPatient = amended
        otherPatient.patientKey = "pk-someone-else"
        try await world.refused { try await world.core.correctSession(otherPatient, reason: "wrong chart", tenant: Self.slug) }
        try await world.refused {
            try await world.core.correctSession(world.session("s-404", patient: key), reason: "never logged", tenant: Self.slug)
        }
        var unknownProvider = amended
        unknownProvider.rendering = "dr-who"
        #expect(
            try await world.refused { try await world.core.correctSession(unknownProvider, reason: "typo", tenant: Self.slug) }
                .contains("no provider dr-who"))
    }

    /// A CSV export: a good row, a telehealth row, then a row with `bad` in place of its minutes and one of
    /// `provider` (lines 2 to 5).
    func csv(_ world: InMemoryWorld, key: PatientKey, bad: String = "fifty", provider: String = "dr-lee") -> String {
        """
        session_id,patient_key,date_of_service,rendering,supervising,place_of_service,telehealth,minutes,diagnoses,services
        s-100,\(key),\(world.serviceDate(daysAgo: 9)),dr-lee,,11,,55,F33.1 F41.1,90837=150.00
        s-101,\(key),\(world.serviceDate(daysAgo: 7)),j-park,,10,audioVideo,45,F33.1,90834:95=120.00
        s-102,\(key),\(world.serviceDate(daysAgo: 5)),dr-lee,,11,,\(bad),F33.1,90834=120.00
        s-103,\(key),\(world.serviceDate(daysAgo: 3)),\(provider),,11,,45,F41.1,90834=120.00

        """
    }

    @Test("a CSV with a bad row imports nothing and names every bad line, the parser's and the domain's")
    func importAllOrNothing() async throws {
        let world = try await InMemoryWorld.make()
        let key = try await world.insuredPatient("Zebediah", "Quaxworth", memberID: "W998877661")
        let refusal = try await world.refused {
            try await world.core.importSessions(
                csv: csv(world, key: key, provider: "dr-who"), fileName: "exports/sessions-december.csv", tenant: Self.slug,
                skipInvalid: false)
        }
        #expect(refusal.contains("sessions-december.csv: nothing imported; 2 invalid row(s)"))
        #expect(refusal.contains("line 4: minutes fifty is not a whole number"))
        #expect(refusal.contains("line 5: there is no provider dr-who"))
        #expect(refusal.range(of: "line 4")!.lowerBound < refusal.range(of: "line 5")!.lowerBound, "by line")
    }

    @Test("with --skip-invalid the good rows are imported from the file and the others listed; a refused row leaves nothing")
    func importSkippingInvalid() async throws {
        let world = try await InMemoryWorld.make()
        let key = try await world.insuredPatient("Zebediah", "Quaxworth", memberID: "W998877661")
        let (outcome, events) = try await world.appended {
            try await world.core.importSessions(
                csv: csv(world, key: key, provider: "dr-who"), fileName: "exports/sessions-december.csv", tenant: Self.slug,
                skipInvalid: true)
        }
        #expect(outcome.imported == 2)
        #expect(outcome.skipped.count == 2 && outcome.skipped[0].hasPrefix("line 4:") && outcome.skipped[1].hasPrefix("line 5:"))
        #expect(events.map { "\($0.streamID) \($0.eventType)" } == ["session-s-100 session.logged", "session-s-101 session.logged"])
        #expect(try events.allSatisfy { try $0.decodedMetadata().source == "csv:sessions-december.csv" })
        #expect(events[1].payloadText.contains("audioVideo"))
    }

    @Test("a clean CSV imports every row; a wrong header imports nothing")
    func importClean() async throws {
        let world = try await InMemoryWorld.make()
        let key = try await world.insuredPatient("Zebediah", "Quaxworth", memberID: "W998877661")
        let (outcome, events) = try await world.appended {
            try await world.core.importSessions(
                csv: csv(world, key: key, bad: "45"), fileName: "ok.csv", tenant: Self.slug, skipInvalid: false)
        }
        #expect(outcome.imported == 4 && outcome.skipped.isEmpty)
        #expect(events.types == Array(repeating: "session.logged", count: 4))
        let headerless = csv(world, key: key, bad: "45").replacingOccurrences(of: "session_id,", with: "id,")
        #expect(
            try await world.refused {
                try await world.core.importSessions(csv: headerless, fileName: "bad.csv", tenant: Self.slug, skipInvalid: false)
            }.contains("line 1: the header must be session_id,patient_key"))
        let (skipped, none) = try await world.appended {
            try await world.core.importSessions(csv: headerless, fileName: "bad.csv", tenant: Self.slug, skipInvalid: true)
        }
        #expect(skipped.imported == 0 && skipped.skipped.count == 1 && none.isEmpty)
    }

    @Test("an optional pointers column: one list per service reaches the session's lines; a pointer past the diagnoses or a missing list names its line, nothing written")
    func pointersColumn() async throws {
        let world = try await InMemoryWorld.make()
        let key = try await world.insuredPatient("Zebediah", "Quaxworth", memberID: "W998877661")
        let header = "session_id,patient_key,date_of_service,rendering,supervising,place_of_service,telehealth,minutes,diagnoses,services,pointers"
        let day = world.serviceDate(daysAgo: 6)
        let bad = """
            \(header)
            s-200,\(key),\(day),dr-lee,,11,,55,F33.1 F41.1 Z63.0,90837=150.00 90785=25.00,"2,1 3"
            s-201,\(key),\(day),dr-lee,,11,,45,F33.1,90834=120.00,2
            s-202,\(key),\(day),dr-lee,,11,,55,F33.1 F41.1,90837=150.00 90785=25.00,1

            """
        let refusal = try await world.refused {
            try await world.core.importSessions(csv: bad, fileName: "pointers.csv", tenant: Self.slug, skipInvalid: false)
        }
        #expect(refusal.contains("line 3: pointer 2 for 90834 points at no diagnosis: the session lists 1"), "\(refusal)")
        #expect(refusal.contains("line 4: give one --pointers per --service"), "\(refusal)")
        #expect(!refusal.contains("line 2"), "\(refusal)")

        let (outcome, events) = try await world.appended {
            try await world.core.importSessions(
                csv: bad.split(separator: "\n").prefix(2).joined(separator: "\n") + "\n", fileName: "pointers.csv", tenant: Self.slug,
                skipInvalid: false)
        }
        #expect(outcome.imported == 1 && events.types == ["session.logged"])
        let payload = String(try #require(events.first).payloadText.filter { !$0.isWhitespace })
        #expect(payload.contains("\"diagnosisPointers\":[2,1]") && payload.contains("\"diagnosisPointers\":[3]"), "\(payload)")

        let plain = csv(world, key: key, bad: "45")
        let (defaulted, _) = try await world.appended {
            try await world.core.importSessions(csv: plain, fileName: "plain.csv", tenant: Self.slug, skipInvalid: false)
        }
        #expect(defaulted.imported == 4, "the ten-column header still imports")
    }
}
