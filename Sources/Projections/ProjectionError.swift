/// A failure of a projection, a rebuild or a report. The description names what went wrong and never
/// holds payload contents (they may be PHI-adjacent).
public struct ProjectionError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Kind: Equatable, Sendable {
        case undecodable(String)
        case malformedRow(String)
        case unknownProjection(String)
        case unknownTenant(String)
        case unknownClaim(String)
        case unsupported(String)
        case behind(String)
        case injected
    }

    private let kind: Kind

    /// An event the billing codec cannot decode (its type, version and position; never its payload).
    public static func undecodable(_ what: String) -> ProjectionError { .init(kind: .undecodable(what)) }
    /// A projection table holds a value the fold never writes (the column, never the value).
    public static func malformedRow(_ column: String) -> ProjectionError { .init(kind: .malformedRow(column)) }
    /// A fault injected by a test between the table writes and the checkpoint.
    public static let injected = ProjectionError(kind: .injected)

    /// No projection has this name.
    public static func unknownProjection(_ name: String) -> ProjectionError { .init(kind: .unknownProjection(name)) }
    /// No tenant this login may see has this slug or id.
    public static func unknownTenant(_ name: String) -> ProjectionError { .init(kind: .unknownTenant(name)) }
    /// No claim has this id or number in the tenant.
    public static func unknownClaim(_ name: String) -> ProjectionError { .init(kind: .unknownClaim(name)) }
    /// A projection stays behind a practice's log (with a sentence naming it and where it stands).
    public static func behind(_ what: String) -> ProjectionError { .init(kind: .behind(what)) }
    /// The request is not supported (with a sentence saying why).
    public static func unsupported(_ why: String) -> ProjectionError { .init(kind: .unsupported(why)) }

    /// A sentence for the person at the terminal.
    public var description: String {
        switch kind {
        case .undecodable(let what): "an event does not decode as its type promises: \(what)"
        case .malformedRow(let column): "a projection table holds a value the projection never writes in \(column); rebuild it"
        case .unknownProjection(let name): "there is no projection named \(name) (known: \(Projections.names.joined(separator: ", ")))"
        case .unknownTenant(let name): "no practice named \(name) is visible to this login"
        case .unknownClaim(let name): "no claim \(name) in this practice"
        case .unsupported(let why): why
        case .behind(let what): what
        case .injected: "a fault was injected after the table writes"
        }
    }
}
