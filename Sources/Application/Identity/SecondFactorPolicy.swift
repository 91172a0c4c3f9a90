/// Who must prove a second factor at the server's sign-in. A person who enrolled a factor always proves it.
public enum SecondFactorPolicy: String, Sendable, CaseIterable {
    /// Every person whose group can read PHI (staff, owners, auditors): the default.
    case phiReaders = "phi_readers"
    /// Every person.
    case everyone
    /// Nobody is made to enrol.
    case nobody
}
