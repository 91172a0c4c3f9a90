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
    /// Diagnosis pointers per service, in the services' order (`1,3`: the first and third diagnoses); empty
    /// means every service points at the first four diagnoses.
    public var pointers: [String]

    /// A row of text fields.
    public init(
        line: Int, sessionID: String, patientKey: String, date: String, rendering: String, supervising: String?, placeOfService: String,
        telehealth: String?, minutes: String, diagnoses: String, services: [String], pointers: [String] = []
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
        self.pointers = pointers
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
        let pointers = try Self.pointers(pointers, services: services, diagnoses: codes.count)
        let lines = try zip(services, pointers).map { try Self.serviceLine($0, pointers: $1) }
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

    /// The pointers of each service: `texts` one per service, each 1 to 4 distinct diagnosis numbers.
    static func pointers(_ texts: [String], services: [String], diagnoses: Int) throws -> [[Int]] {
        guard !texts.isEmpty else { return services.map { _ in Array(1...min(4, diagnoses)) } }
        guard texts.count == services.count else {
            throw CommandRejected(
                "give one --pointers per --service (in a CSV, one pointer list per service): \(services.count) service(s), \(texts.count) pointer list(s)")
        }
        return try zip(texts, services).map { text, service in
            let code = service.split(separator: "=").first.map(String.init) ?? service
            let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            let numbers = parts.compactMap { Int($0) }
            guard numbers.count == parts.count, (1...4).contains(numbers.count), Set(numbers).count == numbers.count else {
                throw CommandRejected("pointers \(text) for \(code) are not 1 to 4 distinct diagnosis numbers such as 1,2")
            }
            if let bad = numbers.first(where: { !(1...diagnoses).contains($0) }) {
                throw CommandRejected(
                    "pointer \(bad) for \(code) points at no diagnosis: the session lists \(diagnoses), numbered from 1")
            }
            return numbers
        }
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
