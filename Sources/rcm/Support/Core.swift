import Application

/// The application core over the database this command line is pointed at (`RCM_DATABASE_URL`, libpq's
/// `PG*` variables, or the checkout's cluster); what follows a commit and fails is printed as a note.
enum Core {
    static func connect() async throws -> RevenueCycle {
        try await RevenueCycle.connect(notes: { printError("note: \($0)") })
    }
}
