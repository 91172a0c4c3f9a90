import Billing
import Foundation
import Testing

@Suite("Patient identity: its form, and the record of its destruction")
struct PatientDestructionTests {
    static let today = LocalDate("2026-06-01")!
    static let valid = PatientIdentity(
        firstName: "José", lastName: "O’Brien-Smith Jr.", dateOfBirth: LocalDate("1984-03-09")!, address: "12 Oak St, Springfield, IL 62701",
        phone: "+1 (217) 555-0142", memberID: "W123-456789", subscriberID: nil)

    @Test("a well-formed record has no problems; each bad field is named with its rule and never its value")
    func form() {
        #expect(Self.valid.formProblems(today: Self.today).isEmpty)
        var bad = Self.valid
        bad.lastName = String(repeating: "Q", count: 61)
        bad.firstName = "Ulric\u{7}"
        bad.phone = "not-a-phone"
        bad.memberID = "W 1"
        bad.dateOfBirth = LocalDate("2027-01-01")!
        let problems = bad.formProblems(today: Self.today)
        #expect(problems.map { $0.prefix { $0 != ":" } } == ["first name", "last name", "date of birth", "phone", "member id"])
        #expect(!problems.joined().contains("Ulric") && !problems.joined().contains("not-a-phone"))
    }

    @Test("the destruction event lists what was deleted and redacted, and version 1 reads as the identity row deleted")
    func forgottenEvent() throws {
        let destroyed = [
            Patient.DestroyedRecord(store: "rcm_phi.x12_files", record: String(repeating: "a", count: 64), action: .redacted),
            Patient.DestroyedRecord(store: "rcm_phi.patient_identities", record: "pk-1", action: .deleted),
        ]
        let events = try Patient.decide(.forgetIdentity(on: Self.today, destroyed: destroyed), Fx.patientState)
        #expect(events == [.identityForgotten(.init(patientKey: Fx.patientState.key!, effectiveDate: Self.today, destroyed: destroyed))])
        let old = Data(#"{"effectiveDate":"2026-06-01","patientKey":"pk-9"}"#.utf8)
        let decoded = try EventCodec().decode(eventType: "patient.identity_forgotten", schemaVersion: 1, payload: old)
        guard case .patient(.identityForgotten(let forgotten)) = decoded else {
            Issue.record("not a forgotten event: \(decoded)")
            return
        }
        #expect(forgotten.destroyed == [Patient.DestroyedRecord(store: "rcm_phi.patient_identities", record: "pk-9", action: .deleted)])
    }
}
