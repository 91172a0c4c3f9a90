/// Something a clerk must act on before money is lost, with its deadline and the command that resolves it. Pure:
/// `Alerts.of` works them out from folded states and a business date.
public struct Alert: Sendable, Hashable, Codable {
    /// What kind of deadline.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
        /// An authorization with two or fewer units left, or ending within 14 days.
        case authorization
        /// A coverage ending within 30 days (as recorded, or as the latest 271 says).
        case coverageEnding
        /// A claim not yet submitted within 30 days of its payer's timely-filing limit.
        case timelyFiling
        /// An open denial, not yet appealed, whose appeal window closes within 14 days.
        case appealWindow
        /// A patient seen this month whose eligibility check is older than the practice's policy.
        case staleEligibility

        public static func < (lhs: Kind, rhs: Kind) -> Bool { allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)! }
    }

    /// The kind.
    public var kind: Kind
    /// The patient.
    public var patientKey: PatientKey
    /// The claim, authorization number or coverage the alert is about.
    public var subject: String
    /// The date by which to act.
    public var deadline: LocalDate
    /// Why, in a sentence.
    public var detail: String
    /// The command that resolves it.
    public var resolveWith: String

    /// An alert.
    public init(kind: Kind, patientKey: PatientKey, subject: String, deadline: LocalDate, detail: String, resolveWith: String) {
        self.kind = kind
        self.patientKey = patientKey
        self.subject = subject
        self.deadline = deadline
        self.detail = detail
        self.resolveWith = resolveWith
    }
}

/// The alert rules over one patient's folded record.
public enum Alerts {
    /// Authorization units left at or below which an alert is raised.
    public static let authorizationUnits = Quantity(thousandths: 2_000)
    /// Days before an authorization's end, a coverage's end, a timely-filing limit, an appeal window.
    public static let authorizationDays = 14, coverageDays = 30, timelyFilingDays = 30, appealDays = 14

    /// The alerts of one patient on `today`: `claims` are the patient's claims, `seenThisMonth` whether a session of
    /// the patient falls in today's month, `policyDays` how long an eligibility check stays current.
    public static func of(
        patient: Patient.State, key: PatientKey, claims: [Claim.State], eligibility: EligibilityHistory, practice: Practice.State, tenant: String,
        seenThisMonth: Bool, policyDays: Int, today: LocalDate
    ) -> [Alert] {
        var out: [Alert] = []
        let check = "rcm eligibility check --tenant \(tenant) --patient \(key)"
        for auth in patient.authorizations.values.sorted(by: { $0.number < $1.number }) {
            guard auth.window.through.map({ $0 >= today }) ?? true, auth.window.from <= today.adding(days: authorizationDays) else { continue }
            let ending = auth.window.through.flatMap { $0 <= today.adding(days: authorizationDays) ? $0 : nil }
            let low = auth.remaining <= authorizationUnits
            guard low || ending != nil else { continue }
            let why = [low ? "\(auth.remaining) unit(s) left of \(auth.units)" : nil, ending.map { "ends \($0)" }].compactMap { $0 }.joined(separator: ", ")
            out.append(
                Alert(kind: .authorization, patientKey: key, subject: "authorization \(auth.number)", deadline: ending ?? today, detail: "\(auth.payerID): \(why)",
                      resolveWith: "rcm auth add --tenant \(tenant) --patient \(key) --payer \(auth.payerID) …"))
        }
        for coverage in patient.coverages.values.sorted(by: { $0.id < $1.id }) {
            let answered = eligibility.latest[coverage.payerID].flatMap { $0.check.coverageID == coverage.id ? $0.check.coverageEnd : nil }
            guard let end = [coverage.effective.through, answered].compactMap({ $0 }).min(), end >= today, end <= today.adding(days: coverageDays) else { continue }
            out.append(
                Alert(kind: .coverageEnding, patientKey: key, subject: "coverage \(coverage.id)", deadline: end, detail: "\(coverage.payerID) coverage ends \(end)",
                      resolveWith: check))
        }
        for claim in claims {
            guard let id = claim.claimID, let payer = claim.payerID else { continue }
            if claim.status == .draft, let first = claim.firstDateOfService, let rule = practice.rule(payer: payer, on: first) {
                let limit = first.adding(days: rule.timelyFilingDays)
                if limit >= today, limit <= today.adding(days: timelyFilingDays) {
                    out.append(
                        Alert(kind: .timelyFiling, patientKey: key, subject: "claim \(id)", deadline: limit,
                              detail: "\(payer) timely filing: \(rule.timelyFilingDays) days from \(first)",
                              resolveWith: "rcm claims scrub \(id) --tenant \(tenant), then rcm claims submit --tenant \(tenant) --payer \(payer)"))
                }
            }
            // An appealed denial has met its window: the alert is for denials still to appeal (open or assigned).
            for denial in claim.openDenials
            where denial.status != .appealed && denial.dueDate >= today && denial.dueDate <= today.adding(days: appealDays) {
                out.append(
                    Alert(kind: .appealWindow, patientKey: key, subject: "claim \(id)", deadline: denial.dueDate,
                          detail: "denial \(denial.denialID) (\(denial.amount)) appeal window closes \(denial.dueDate)",
                          resolveWith: "rcm claims appeal \(id) --tenant \(tenant) --denial \(denial.denialID) …"))
            }
        }
        if seenThisMonth {
            let newest = eligibility.mostRecent?.on
            if newest.map({ $0.days(to: today) > policyDays }) ?? true {
                out.append(
                    Alert(kind: .staleEligibility, patientKey: key, subject: "eligibility", deadline: today,
                          detail: newest.map { "last checked \($0), policy \(policyDays) days" } ?? "never checked, policy \(policyDays) days", resolveWith: check))
            }
        }
        return out
    }
}
