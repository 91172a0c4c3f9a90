import Application
import Billing
import Testing

extension InMemoryWorld {
    /// Amends the session behind a claim's first line (one minute more, the same services), as `rcm session correct`
    /// would, so that a correction of the claim has something to carry.
    func amendSession(of claim: Claim.State) async throws {
        let line = try #require(claim.lines.first)
        let record = SessionRecord(
            sessionID: line.sessionID, patientKey: try #require(claim.patientKey), dateOfService: line.dateOfService, rendering: line.rendering,
            supervising: line.supervising, placeOfService: line.placeOfService, telehealth: line.telehealth, minutes: line.minutes + 1,
            diagnoses: claim.diagnoses,
            lines: claim.lines.filter { $0.sessionID == line.sessionID }.map {
                ServiceLine(code: $0.code, modifiers: $0.modifiers, units: $0.units, charge: $0.charge, diagnosisPointers: $0.diagnosisPointers)
            })
        try await core.correctSession(record, reason: "note amended", tenant: Self.slug)
    }
}
