/// A rejection a person can act on, found by the command line itself (an unreadable file); printed as it
/// is, exit code 1.
struct CommandError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
