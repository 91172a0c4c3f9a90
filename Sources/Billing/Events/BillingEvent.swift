/// Any event the product writes, as one value the event log can store: the five aggregates' families and
/// the records kept beside them (the company's catalog, remittance, the provider directory, X12
/// interchanges, a tenant's lifecycle, PHI access).
public enum BillingEvent: Sendable, Equatable {
    /// A practice event (`practice.*`).
    case practice(Practice.Event)
    /// A patient event (`patient.*`).
    case patient(Patient.Event)
    /// A session event (`session.*`).
    case session(Session.Event)
    /// A claim event (`claim.*`, `denial.*`).
    case claim(Claim.Event)
    /// A patient-account event (`account.*`).
    case account(PatientAccount.Event)
    /// A company event (`company.*`), in the company tenant's log.
    case company(CompanyEvent)
    /// A remittance event (`remittance.*`): a posted 835 payment and what it left unapplied.
    case remittance(RemittanceEvent)
    /// A provider-directory event (`directory.*`).
    case directory(DirectoryEvent)
    /// An X12 interchange event (`x12.*`).
    case interchange(InterchangeEvent)
    /// A tenant-lifecycle event (`tenant.*`).
    case tenant(TenantLifecycleEvent)
    /// A PHI-access event (`access.*`).
    case access(AccessEvent)
    /// An identity event (`identity.*`) of the server's sign-ins and keys, in the company tenant's log.
    case identity(IdentityEvent)
    /// An eligibility event (`eligibility.*`): 270s sent, 271 answers, carve-out routings.
    case eligibility(EligibilityEvent)
    /// A claim-status event (`status.*`): 276s sent, 277 answers.
    case claimStatus(ClaimStatusEvent)

    /// The stored type name.
    public var eventType: String {
        switch self {
        case .practice(let e): e.eventType
        case .patient(let e): e.eventType
        case .session(let e): e.eventType
        case .claim(let e): e.eventType
        case .account(let e): e.eventType
        case .company(let e): e.eventType
        case .remittance(let e): e.eventType
        case .directory(let e): e.eventType
        case .interchange(let e): e.eventType
        case .tenant(let e): e.eventType
        case .access(let e): e.eventType
        case .identity(let e): e.eventType
        case .eligibility(let e): e.eventType
        case .claimStatus(let e): e.eventType
        }
    }

    /// The current schema version of this event's type.
    public var schemaVersion: Int {
        switch self {
        case .practice(let e): e.schemaVersion
        case .patient(let e): e.schemaVersion
        case .session(let e): e.schemaVersion
        case .claim(let e): e.schemaVersion
        case .account(let e): e.schemaVersion
        case .company(let e): e.schemaVersion
        case .remittance(let e): e.schemaVersion
        case .directory(let e): e.schemaVersion
        case .interchange(let e): e.schemaVersion
        case .tenant(let e): e.schemaVersion
        case .access(let e): e.schemaVersion
        case .identity(let e): e.schemaVersion
        case .eligibility(let e): e.schemaVersion
        case .claimStatus(let e): e.schemaVersion
        }
    }

    /// Every type name of every family, for documentation and drift checks.
    public static var allEventTypes: [String] {
        Practice.Event.eventTypes + Patient.Event.eventTypes + Session.Event.eventTypes
            + Claim.Event.eventTypes + PatientAccount.Event.eventTypes + CompanyEvent.eventTypes
            + RemittanceEvent.eventTypes + DirectoryEvent.eventTypes + InterchangeEvent.eventTypes
            + TenantLifecycleEvent.eventTypes + AccessEvent.eventTypes + IdentityEvent.eventTypes + EligibilityEvent.eventTypes
            + ClaimStatusEvent.eventTypes
    }

    /// The current schema version of every type name that has moved past version 1.
    public static var schemaVersions: [String: Int] {
        [
            Practice.Event.schemaVersions, Patient.Event.schemaVersions, Session.Event.schemaVersions,
            Claim.Event.schemaVersions, PatientAccount.Event.schemaVersions, CompanyEvent.schemaVersions,
            RemittanceEvent.schemaVersions, DirectoryEvent.schemaVersions, InterchangeEvent.schemaVersions,
            TenantLifecycleEvent.schemaVersions, AccessEvent.schemaVersions, IdentityEvent.schemaVersions,
            EligibilityEvent.schemaVersions, ClaimStatusEvent.schemaVersions,
        ].reduce(into: [:]) { all, family in all.merge(family) { first, _ in first } }
    }
}
