/// What the appender believes about a stream's current version, checked under the tenant's lock.
public enum ExpectedVersion: Sendable, Hashable, CustomStringConvertible {
    /// No check.
    case any
    /// The stream must not exist yet.
    case noStream
    /// The stream must exist, at any version.
    case streamExists
    /// The stream's last version must be exactly this (versions start at 1).
    case exactly(Int64)

    /// The code the append function takes: -1 any, 0 no stream, -2 stream exists, N exactly N.
    var code: Int64 {
        switch self {
        case .any: -1
        case .noStream: 0
        case .streamExists: -2
        case .exactly(let version): version
        }
    }

    init(code: Int64) {
        switch code {
        case -1: self = .any
        case 0: self = .noStream
        case -2: self = .streamExists
        default: self = .exactly(code)
        }
    }

    /// `any`, `no stream`, `stream exists` or the number.
    public var description: String {
        switch self {
        case .any: "any"
        case .noStream: "no stream"
        case .streamExists: "stream exists"
        case .exactly(let version): String(version)
        }
    }
}
