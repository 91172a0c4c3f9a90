extension Denial {
    /// True for a patient-responsibility denial: every reason is group PR (CARC 1, 2, 3, 204 …). The payer owes
    /// nothing on its lines; what is left is the patient's share, so no appeal or correction resolves it: it is
    /// resolved when that share is paid by the patient, written off by policy or moved to the next payer (COB).
    public var isPatientResponsibility: Bool {
        !reasons.isEmpty && reasons.allSatisfy { $0.group == .patient }
    }
}

extension Claim.State {
    /// The open patient-responsibility denials, in id order.
    public var openPatientDenials: [Denial] { openDenials.filter(\.isPatientResponsibility) }
}

extension Claim {
    /// The open patient-responsibility denials that a patient payment or a patient-side write-off of `amount`
    /// resolves, apart from `named` (a write-off's own denial): all of them once the patient's balance on the claim,
    /// which holds their lines' patient share, is paid off; none while any of it is still owed. Nil when none.
    static func patientDenialsSettled(by amount: Money, except named: DenialID? = nil, _ state: State) -> [DenialID]? {
        guard state.patientBalance - amount <= .zero else { return nil }
        let ids = state.openPatientDenials.map(\.denialID).filter { $0 != named }
        return ids.isEmpty ? nil : ids
    }

    /// After denials were resolved: a denied claim with none left open is adjudicated again.
    static func resolving(_ ids: [DenialID]?, in state: inout State) {
        for id in ids ?? [] { state.denials[id]?.status = .resolved }
        if state.status == .denied && state.openDenials.isEmpty { state.status = .adjudicated }
    }
}
