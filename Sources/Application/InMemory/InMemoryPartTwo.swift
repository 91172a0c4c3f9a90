import EventStore
import Foundation
import Postgres

/// `rcm.is_part2_record` in memory (Schema/V0015): a patient's record (`patient:<key>`) is a 42 CFR Part 2
/// record when the patient's stream holds `patient.substance_use_flagged` or a session logged or corrected for
/// the patient says `substanceUse`; a claim (`claim:<id>`) when its own stream says `substanceUse`.
/// `rcm.record_access` then stores `sensitive: true`, whatever the caller sent.
enum InMemoryPartTwo {
    /// The access payload with `sensitive` set from the tenant's log.
    static func marked(_ payload: JSONText, log: [RecordedEvent]) -> JSONText {
        guard var object = (try? JSONSerialization.jsonObject(with: payload.data)) as? [String: Any], object["sensitive"] as? Bool == false,
            let record = object["record"] as? String, isPartTwo(record, log: log)
        else { return payload }
        object["sensitive"] = true
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return payload }
        return JSONText(data: data)
    }

    static func isPartTwo(_ record: String, log: [RecordedEvent]) -> Bool {
        if record.hasPrefix("patient:") { return isPartTwoPatient(String(record.dropFirst(8)), log: log) }
        guard record.hasPrefix("claim:") else { return false }
        let stream = "claim-" + record.dropFirst(6)
        return log.contains { $0.streamID == stream && object($0)?["substanceUse"] as? Bool == true }
    }

    static func isPartTwoPatient(_ key: String, log: [RecordedEvent]) -> Bool {
        log.contains { event in
            if event.streamID == "patient-\(key)" && event.eventType == "patient.substance_use_flagged" { return true }
            guard event.eventType == "session.logged" || event.eventType == "session.corrected", let payload = object(event),
                payload["substanceUse"] as? Bool == true, let record = payload["record"] as? [String: Any]
            else { return false }
            return record["patientKey"] as? String == key
        }
    }

    private static func object(_ event: RecordedEvent) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: event.payload)) as? [String: Any]
    }
}
