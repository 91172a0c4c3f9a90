import Foundation

/// The session (encounter) aggregate: logged from a signed note, corrected, voided. Stream `"session-<id>"`.
public enum Session {
    /// The stream id of a session.
    public static func streamID(_ id: SessionID) -> String { "session-\(id.rawValue)" }

    /// The session as known.
    public struct State: Sendable, Equatable {
        /// The current record, once logged.
        public var record: SessionRecord?
        /// True once voided.
        public var voided = false

        /// Nothing logged.
        public init() {}
    }

    /// Before logging.
    public static let initial = State()

    /// What staff ask of a session.
    public enum Command: Sendable, Equatable {
        /// Logs the session.
        case log(SessionRecord, on: LocalDate)
        /// Replaces the record with a corrected one (same session and patient).
        case correct(SessionRecord, reason: String, on: LocalDate)
        /// Voids the session.
        case void(reason: String, on: LocalDate)
    }

    /// Why a session command was refused.
    public enum Rejection: Error, Sendable, Equatable, CustomStringConvertible {
        /// Logged already.
        case alreadyLogged
        /// Not logged yet.
        case notLogged
        /// Voided sessions cannot change.
        case voided
        /// A correction cannot change the session or patient.
        case identityChanged
        /// A reason is required.
        case reasonRequired
        /// No service lines.
        case noLines
        /// We do not bill this code.
        case unknownCode(String)
        /// The code is not valid on the date of service.
        case codeNotInForce(String, LocalDate)
        /// Time band problem, e.g. 90837 with 45 minutes.
        case minutes(String)
        /// Minutes must be zero or more.
        case negativeMinutes
        /// Units must be positive and charges not negative.
        case invalidAmount(code: String)
        /// Between 1 and 12 diagnoses.
        case diagnosisCount(Int)
        /// Diagnosis pointers must be 1–4 per line and point at a diagnosis.
        case invalidPointers(code: String)
        /// Unknown place of service.
        case unknownPlaceOfService(String)
        /// Unknown modifier or more than four.
        case invalidModifiers(code: String)

        /// A message a billing clerk understands.
        public var description: String {
            switch self {
            case .alreadyLogged: "This session is already logged."
            case .notLogged: "Log the session first."
            case .voided: "This session was voided."
            case .identityChanged: "A correction must keep the same session and patient."
            case .reasonRequired: "Give a reason."
            case .noLines: "The session has no services to bill."
            case .unknownCode(let c): "\(c) is not a code we bill."
            case .codeNotInForce(let c, let d): "\(c) is not valid on \(d)."
            case .minutes(let text): text
            case .negativeMinutes: "Minutes cannot be negative."
            case .invalidAmount(let c): "\(c) needs positive units and a charge that is not negative."
            case .diagnosisCount(let n): "A session needs 1 to 12 diagnoses; it has \(n)."
            case .invalidPointers(let c): "\(c) needs 1 to 4 diagnosis pointers that point at listed diagnoses."
            case .unknownPlaceOfService(let p): "\(p) is not a place of service we know."
            case .invalidModifiers(let c): "\(c) has an unknown modifier or more than four."
            }
        }
    }
}
