import Billing

/// Everything one batch folds, for one tenant: the claim tables, the read models' indexes and the remittance
/// tables, and `aging_history`. Each event goes to the projections that read its family; all of them are pure.
public struct ProjectionFold: Sendable {
    /// `claim_status`, `denials`, `ar_activity`, `ar_open`.
    public var claims: ClaimsFold
    /// `claim_index`, `session_index`, `account_index`.
    public var index: IndexFold
    /// `remittances`, `remittance_plb`, `remittance_unapplied`.
    public var remittances: RemittanceFold
    /// `aging_history`.
    public var aging: AgingHistoryFold

    /// An empty fold for a tenant (its id as PostgreSQL prints a `uuid`).
    public init(tenantID: String) {
        claims = ClaimsFold(tenantID: tenantID)
        index = IndexFold(tenantID: tenantID)
        remittances = RemittanceFold(tenantID: tenantID)
        aging = AgingHistoryFold(tenantID: tenantID)
    }

    /// Applies one event.
    public mutating func apply(_ projected: ProjectedEvent) {
        let place = projected.place
        switch projected.event {
        case .claim(let event):
            ClaimsProjection.apply(event, at: place, to: &claims)
            AgingHistoryProjection.apply(event, at: place, to: &aging)
            IndexProjection.apply(projected.event, at: place, to: &index)
        case .session, .account:
            IndexProjection.apply(projected.event, at: place, to: &index)
        case .remittance(let event):
            RemittanceProjection.apply(event, at: place, to: &remittances)
        default:
            return
        }
    }

    /// What a batch needs loaded before it is folded: the rows its events change that it does not create.
    public struct Touched: Sendable, Equatable {
        /// Claims with events other than `claim.created`.
        public var claims: Set<String> = []
        /// Sessions corrected, voided or put on a claim.
        public var sessions: Set<String> = []
        /// Payments with events other than `remittance.received`.
        public var payments: Set<String> = []
    }

    /// The rows a batch touches.
    public static func touched(by events: [ProjectedEvent]) -> Touched {
        var touched = Touched()
        for projected in events {
            switch projected.event {
            case .claim(.created(let e)): touched.sessions.formUnion(e.lines.map(\.sessionID.rawValue))
            case .claim(let event): touched.claims.insert(event.claimID.rawValue)
            case .session(.corrected(let e)): touched.sessions.insert(e.record.sessionID.rawValue)
            case .session(.voided(let e)): touched.sessions.insert(e.sessionID.rawValue)
            case .remittance(.received): break
            case .remittance: touched.payments.insert(projected.place.streamID)
            default: break
            }
        }
        return touched
    }
}
