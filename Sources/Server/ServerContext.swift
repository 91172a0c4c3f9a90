import Application
import Hummingbird
import Logging

/// The request context of `rcm serve`: Hummingbird's core storage (logger with the request id, path
/// parameters) and the principal the authentication middleware found.
public struct ServerContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Who the request acts as; nil before authentication and on the open routes.
    public var principal: Principal?
    /// The session token presented, for sign-out.
    public var sessionToken: String?

    public init(source: Source) {
        self.coreContext = .init(source: source)
    }

    /// Bodies up to 4 MiB (an 835 file); larger is refused with 413.
    public var maxUploadSize: Int { 4 * 1024 * 1024 }

    /// The principal, or a 401 problem.
    func requirePrincipal() throws -> Principal {
        guard let principal else { throw Problem.unauthenticated() }
        return principal
    }

    /// The principal, when it may take `action`; else a 403 problem.
    func require(_ action: APIAction) throws -> Principal {
        let principal = try requirePrincipal()
        guard principal.actions.contains(action) else {
            throw Problem(status: .forbidden, title: "Forbidden", detail: "this key may not \(action.rawValue)", rule: "action-not-granted")
        }
        return principal
    }
}
