import Billing
import Foundation

/// The session CSV layout (docs/session-import.md): a header row, then one row per session with columns
/// session_id, patient_key, date_of_service, rendering, supervising, place_of_service, telehealth,
/// minutes, diagnoses (space-separated), services (space-separated CODE[:MOD]=CHARGE[xUNITS]), and optionally
/// pointers (space-separated, one `1,3` list per service; empty: each service points at the first four diagnoses).
public enum SessionCSV {
    static let columns = [
        "session_id", "patient_key", "date_of_service", "rendering", "supervising", "place_of_service", "telehealth", "minutes",
        "diagnoses", "services",
    ]
    /// The optional last column.
    static let pointersColumn = "pointers"

    public static func parse(_ text: String) -> (records: [(line: Int, record: SessionRecord)], problems: [String]) {
        var records: [(line: Int, record: SessionRecord)] = []
        var problems: [String] = []
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        let header = lines.first.map { fields($0).map { $0.lowercased() } }
        guard let header, header == columns || header == columns + [pointersColumn] else {
            return ([], ["line 1: the header must be " + columns.joined(separator: ",") + " (and optionally ,\(pointersColumn))"])
        }
        for (index, line) in lines.enumerated().dropFirst() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let number = index + 1
            let cells = fields(line)
            guard cells.count == header.count else {
                problems.append("line \(number): \(cells.count) fields; expected \(header.count)")
                continue
            }
            let row = SessionRow(
                line: number, sessionID: cells[0], patientKey: cells[1], date: cells[2], rendering: cells[3], supervising: cells[4],
                placeOfService: cells[5].isEmpty ? "11" : cells[5], telehealth: cells[6], minutes: cells[7],
                diagnoses: cells[8].replacingOccurrences(of: " ", with: ","), services: cells[9].split(separator: " ").map(String.init),
                pointers: header.count > columns.count ? cells[10].split(separator: " ").map(String.init) : [])
            do { records.append((number, try row.record())) } catch { problems.append("line \(number): \(error)") }
        }
        return (records, problems)
    }

    /// Splits a CSV line, honouring double quotes.
    static func fields(_ line: String) -> [String] {
        var out: [String] = [], current = "", quoted = false
        var iterator = Array(line).makeIterator()
        var pending: Character? = iterator.next()
        while let character = pending {
            pending = iterator.next()
            if quoted {
                if character == "\"" {
                    if pending == "\"" { current.append("\""); pending = iterator.next() } else { quoted = false }
                } else { current.append(character) }
            } else if character == "\"" { quoted = true } else if character == "," { out.append(current); current = "" } else { current.append(character) }
        }
        out.append(current)
        return out.map { $0.trimmingCharacters(in: .whitespaces) }
    }
}
