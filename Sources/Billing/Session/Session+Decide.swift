import Foundation

extension Session {
    /// Facts about a session.
    public enum Event: StoredEvent {
        /// `session.logged`
        case logged(Logged)
        /// `session.corrected`
        case corrected(Corrected)
        /// `session.voided`
        case voided(Voided)

        /// Payload of `session.logged`.
        public struct Logged: Codable, Sendable, Equatable {
            /// The record.
            public var record: SessionRecord
            /// 42 CFR Part 2 sensitivity.
            public var substanceUse: Bool
            /// Business date (the date of service).
            public var effectiveDate: LocalDate
        }
        /// Payload of `session.corrected`.
        public struct Corrected: Codable, Sendable, Equatable {
            /// The corrected record.
            public var record: SessionRecord
            /// Why.
            public var reason: String
            /// 42 CFR Part 2 sensitivity.
            public var substanceUse: Bool
            /// Business date.
            public var effectiveDate: LocalDate
        }
        /// Payload of `session.voided`.
        public struct Voided: Codable, Sendable, Equatable {
            /// The session.
            public var sessionID: SessionID
            /// The patient.
            public var patientKey: PatientKey
            /// Why.
            public var reason: String
            /// Business date.
            public var effectiveDate: LocalDate
        }

        /// Every type name of the family.
        public static let eventTypes = ["session.logged", "session.corrected", "session.voided"]

        /// The stored type name.
        public var eventType: String {
            switch self {
            case .logged: "session.logged"
            case .corrected: "session.corrected"
            case .voided: "session.voided"
            }
        }

        /// The JSON payload.
        public func encodePayload(with encoder: JSONEncoder) throws -> Data {
            switch self {
            case .logged(let p): try encodeJSON(p, encoder)
            case .corrected(let p): try encodeJSON(p, encoder)
            case .voided(let p): try encodeJSON(p, encoder)
            }
        }

        /// Decodes a current-version payload.
        public static func decode(eventType: String, payload d: Data, with j: JSONDecoder) throws -> Self {
            switch eventType {
            case "session.logged": .logged(try decodeJSON(Logged.self, d, j))
            case "session.corrected": .corrected(try decodeJSON(Corrected.self, d, j))
            case "session.voided": .voided(try decodeJSON(Voided.self, d, j))
            default: throw unknownEventType(eventType)
            }
        }
    }

    /// Decides what a session command records.
    public static func decide(_ command: Command, _ state: State) throws(Rejection) -> [Event] {
        switch command {
        case .log(let record, let date):
            guard state.record == nil else { throw .alreadyLogged }
            try validate(record)
            return [.logged(.init(record: record, substanceUse: record.isSubstanceUse, effectiveDate: date))]
        case .correct(let record, let reason, let date):
            guard let current = state.record else { throw .notLogged }
            guard !state.voided else { throw .voided }
            guard !reason.isEmpty else { throw .reasonRequired }
            guard record.sessionID == current.sessionID, record.patientKey == current.patientKey else {
                throw .identityChanged
            }
            try validate(record)
            return [.corrected(.init(record: record, reason: reason, substanceUse: record.isSubstanceUse, effectiveDate: date))]
        case .void(let reason, let date):
            guard let current = state.record else { throw .notLogged }
            guard !state.voided else { throw .voided }
            guard !reason.isEmpty else { throw .reasonRequired }
            return [.voided(.init(sessionID: current.sessionID, patientKey: current.patientKey, reason: reason, effectiveDate: date))]
        }
    }

    /// Checks a record against the code sets on its date of service.
    public static func validate(_ record: SessionRecord) throws(Rejection) {
        guard !record.lines.isEmpty else { throw .noLines }
        guard record.minutes >= 0 else { throw .negativeMinutes }
        guard (1...12).contains(record.diagnoses.count) else { throw .diagnosisCount(record.diagnoses.count) }
        guard let pos = PlaceOfServiceCatalog.entries[record.placeOfService],
            pos.effective.contains(record.dateOfService)
        else { throw .unknownPlaceOfService(record.placeOfService) }
        for line in record.lines {
            guard let definition = ProcedureCatalog.definition(line.code) else { throw .unknownCode(line.code) }
            guard definition.effective.contains(record.dateOfService) else {
                throw .codeNotInForce(line.code, record.dateOfService)
            }
            if let problem = definition.minutesProblem(record.minutes) { throw .minutes(problem) }
            guard line.units > .zero, !line.charge.isNegative else { throw .invalidAmount(code: line.code) }
            guard (1...4).contains(line.diagnosisPointers.count),
                line.diagnosisPointers.allSatisfy({ (1...record.diagnoses.count).contains($0) })
            else { throw .invalidPointers(code: line.code) }
            guard line.modifiers.count <= 4, line.modifiers.allSatisfy({ ModifierCatalog.entries[$0] != nil }) else {
                throw .invalidModifiers(code: line.code)
            }
        }
    }

    /// Applies a fact to the session.
    public static func evolve(_ state: State, _ event: Event) -> State {
        var s = state
        switch event {
        case .logged(let e): s.record = e.record
        case .corrected(let e): s.record = e.record
        case .voided: s.voided = true
        }
        return s
    }
}
