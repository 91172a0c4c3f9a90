import EventStore
import Foundation
import Postgres

/// `rcm.is_part2_patient` in memory (Schema/V0015): an access record names a 42 CFR Part 2 patient when the
/// patient's stream holds `patient.substance_use_flagged` or a session logged or corrected for the patient says
/// `substanceUse`; `rcm.record_access` then stores `sensitive: true`, whatever the caller sent.
enum InMemoryPartTwo {
    /// The access payload with `sensitive` set from the tenant's log.
    static func marked(_ payload: JSONText, log: [RecordedEvent]) -> JSONText {
        guard var object = (try? JSONSerialization.jsonObject(with: payload.data)) as? [String: Any], object["sensitive"] as? Bool == false else {
            return payload
        }
        let record = object["record"] as? String
        guard let key = object["patientKey"] as? String ?? record.flatMap({ $0.hasPrefix("patient:") ? String($0.dropFirst(8)) : nil }),
            isPartTwo(key, log: log)
        else { return payload }
        object["sensitive"] = true
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return payload }
        return JSONText(data: data)
    }

    static func isPartTwo(_ key: String, log: [RecordedEvent]) -> Bool {
        log.contains { event in
            if event.streamID == "patient-\(key)" && event.eventType == "patient.substance_use_flagged" { return true }
            guard event.eventType == "session.logged" || event.eventType == "session.corrected",
                let object = (try? JSONSerialization.jsonObject(with: event.payload)) as? [String: Any],
                object["substanceUse"] as? Bool == true, let record = object["record"] as? [String: Any]
            else { return false }
            return record["patientKey"] as? String == key
        }
    }
}
