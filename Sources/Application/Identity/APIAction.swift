/// What an API key may do; a signed-in person may do all of it (within the practices the database lets
/// them see). The server checks the action a route needs before it calls the core.
public enum APIAction: String, Sendable, CaseIterable, Codable {
    /// List the practices and read their claims, remittances and reports.
    case read = "read"
    /// Log sessions (POST …/sessions).
    case logSessions = "sessions.log"
    /// Scrub, submit and void claims.
    case workClaims = "claims.work"
    /// Upload 835 remittance files.
    case importRemittances = "remittances.import"
    /// Read a patient's identity, or a file that names patients (an 837P); every read is recorded.
    case readIdentity = "patients.identity"
    /// Register patients and record their coverages and authorizations; add providers.
    case writePatients = "patients.write"
    /// Upload acknowledgments (999, 277CA) and eligibility answers (271); write 270s.
    case importFiles = "x12.import"
    /// Verify and seal the practice's log, read its access log.
    case audit = "audit"
    /// Manage webhook subscriptions and replay their dead letters.
    case manageWebhooks = "webhooks.manage"

    /// Parses a comma-separated list (`read,sessions.log`), naming what is unknown.
    public static func parseList(_ text: String) throws -> [APIAction] {
        try text.split(separator: ",").map { part in
            let name = part.trimmingCharacters(in: .whitespaces)
            guard let action = APIAction(rawValue: name) else {
                throw CommandRejected("unknown action \(name); actions: \(allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return action
        }
    }
}
