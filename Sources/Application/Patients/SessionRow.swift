import Billing
import Foundation

/// One session as text (a command line or a CSV row), turned into a `SessionRecord` with errors that
/// name the field.
public struct SessionRow: Sendable {
    public var line: Int
    public var sessionID: String
    public var patientKey: String
    public var date: String
    public var rendering: String
    public var supervising: String?
    public var placeOfService: String
    public var telehealth: String?
    public var minutes: String
    public var diagnoses: String
    public var services: [String]

    /// A row of text fields.
    public init(
        line: Int, sessionID: String, patientKey: String, date: String, rendering: String, supervising: String?, placeOfService: String,
        telehealth: String?, minutes: String, diagnoses: String, services: [String]
    ) {
        self.line = line
        self.sessionID = sessionID
        self.patientKey = patientKey
        self.date = date
        self.rendering = rendering
        self.supervising = supervising
        self.placeOfService = placeOfService
        self.telehealth = telehealth
        self.minutes = minutes
        self.diagnoses = diagnoses
        self.services = services
    }

    /// The session record, or a rejection naming the field.
    public func record() throws -> SessionRecord {
        guard let dateOfService = LocalDate(date) else { throw CommandRejected("date \(date) is not a date YYYY-MM-DD") }
        guard let minutes = Int(minutes), minutes >= 0 else { throw CommandRejected("minutes \(self.minutes) is not a whole number") }
        var codes: [ICD10Code] = []
        for text in diagnoses.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }).filter({ !$0.isEmpty }) {
            guard let code = ICD10Code(text) else { throw CommandRejected("\(text) is not an ICD-10-CM code") }
            codes.append(code)
        }
        guard !codes.isEmpty else { throw CommandRejected("a session needs at least one diagnosis") }
        let pointers = Array(1...min(4, codes.count))
        let lines = try services.map { try Self.serviceLine($0, pointers: pointers) }
        var mode: TelehealthMode?
        if let telehealth, !telehealth.isEmpty {
            guard let parsed = TelehealthMode(rawValue: telehealth) else { throw CommandRejected("telehealth is audioVideo or audioOnly, not \(telehealth)") }
            mode = parsed
        }
        return SessionRecord(
            sessionID: SessionID(sessionID), patientKey: PatientKey(patientKey), dateOfService: dateOfService, rendering: ProviderID(rendering),
            supervising: supervising.flatMap { $0.isEmpty ? nil : ProviderID($0) }, placeOfService: placeOfService, telehealth: mode,
            minutes: minutes, diagnoses: codes, lines: lines)
    }

    /// `CODE[:MOD…]=CHARGE[xUNITS]`.
    static func serviceLine(_ text: String, pointers: [Int]) throws -> ServiceLine {
        let sides = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard sides.count == 2 else { throw CommandRejected("service \(text) is not CODE[:MOD]=CHARGE[xUNITS]") }
        let codeParts = sides[0].split(separator: ":").map(String.init)
        let amountParts = sides[1].split(separator: "x").map(String.init)
        guard let code = codeParts.first, let charge = Money(parsing: amountParts[0]) else {
            throw CommandRejected("service \(text): \(sides[1]) is not an amount such as 150.00")
        }
        var units = Quantity(units: 1)
        if amountParts.count == 2 {
            guard let parsed = Quantity(parsing: amountParts[1]) else { throw CommandRejected("service \(text): \(amountParts[1]) is not a number of units") }
            units = parsed
        }
        return ServiceLine(code: code, modifiers: Array(codeParts.dropFirst()), units: units, charge: charge, diagnosisPointers: pointers)
    }
}
