/// A typed identifier over a string minted by the caller; encoded as a plain JSON string.
public struct ID<Tag>: Hashable, Sendable, Codable, Comparable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The identifier text.
    public let rawValue: String

    /// An identifier with the given text.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// An identifier from a literal (tests, fixtures).
    public init(stringLiteral value: String) { rawValue = value }

    /// Decodes from a plain JSON string.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes as a plain JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The identifier text.
    public var description: String { rawValue }

    /// Orders by text.
    public static func < (lhs: ID, rhs: ID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Tag types for `ID`; they exist only to keep identifiers apart.
public enum IDTags {
    /// Tags a practice (tenant).
    public enum Practice {}
    /// Tags a provider (clinician or group).
    public enum Provider {}
    /// Tags a payer.
    public enum Payer {}
    /// Tags a pseudonymous patient key.
    public enum Patient {}
    /// Tags a session (encounter).
    public enum Session {}
    /// Tags a claim stream.
    public enum Claim {}
    /// Tags a claim line (sent as REF*6R).
    public enum Line {}
    /// Tags a denial.
    public enum Denial {}
    /// Tags a coverage.
    public enum Coverage {}
    /// Tags a patient payment.
    public enum Payment {}
    /// Tags a statement, estimate or superbill document.
    public enum Document {}
    /// Tags a staff member.
    public enum Staff {}
}

/// Identifies a practice (tenant).
public typealias PracticeID = ID<IDTags.Practice>
/// Identifies a provider within a practice.
public typealias ProviderID = ID<IDTags.Provider>
/// Identifies a payer (its payer id as routed by the clearinghouse).
public typealias PayerID = ID<IDTags.Payer>
/// A pseudonymous patient key; never a name or member id.
public typealias PatientKey = ID<IDTags.Patient>
/// Identifies a session.
public typealias SessionID = ID<IDTags.Session>
/// Identifies a claim stream.
public typealias ClaimID = ID<IDTags.Claim>
/// Identifies a claim line; travels as the REF*6R line control number.
public typealias LineID = ID<IDTags.Line>
/// Identifies a denial work item.
public typealias DenialID = ID<IDTags.Denial>
/// Identifies a coverage of a patient.
public typealias CoverageID = ID<IDTags.Coverage>
/// Identifies a patient payment.
public typealias PaymentID = ID<IDTags.Payment>
/// Identifies a statement, estimate or superbill.
public typealias DocumentID = ID<IDTags.Document>
/// Identifies a staff member (denial owner).
public typealias StaffID = ID<IDTags.Staff>
