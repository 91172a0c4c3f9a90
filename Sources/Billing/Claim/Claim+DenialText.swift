extension Claim.State {
    /// A denial as a clerk reads it: its group and reason codes (`CO-50`, `PR-204`), its state, the amount and,
    /// when the payer put the amount on the patient, that. A denial with only patient-responsibility codes
    /// (PR-204, not covered by the patient's plan) leaves the payer owing nothing, so its codes and the patient's
    /// amount come from the adjudication of its lines.
    public func denialText(_ denial: Denial) -> String {
        let lines =
            adjudications.last { record in
                !record.reversed && record.adjudication.lines.contains { denial.lineIDs.contains($0.lineID) }
            }?.adjudication.lines.filter { denial.lineIDs.contains($0.lineID) } ?? []
        let patient = lines.flatMap(\.adjustments).filter { $0.group == .patient }
        var codes = denial.reasons.map { "\($0.group.rawValue)-\($0.reason)" }
        for code in patient.map({ "\($0.group.rawValue)-\($0.reason)" }) where !codes.contains(code) { codes.append(code) }
        // A denial recorded with only patient-responsibility reasons carries the patient's amount itself.
        let patientOnly = !denial.reasons.isEmpty && denial.reasons.allSatisfy { $0.group == .patient }
        let owed = patientOnly ? max(denial.amount, patient.map(\.amount).sum()) : patient.map(\.amount).sum()
        var text = "\(codes.isEmpty ? "no reason given" : codes.joined(separator: " ")) \(denial.status.rawValue)"
        if !patientOnly && (denial.amount != .zero || owed == .zero) { text += " \(denial.amount)" }
        if owed != .zero { text += "; \(owed) to the patient" }
        if let owner = denial.owner { text += "; owner \(owner)" }
        return text
    }
}
