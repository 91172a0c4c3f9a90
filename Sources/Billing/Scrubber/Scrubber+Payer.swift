extension Scrubber {
    /// Telehealth, coverage, authorization, timely filing, duplicates, enrolment and fee schedule.
    static func payerFindings(_ claim: Claim.State, _ context: ScrubContext) -> [ScrubFinding] {
        guard let payer = claim.payerID else { return [] }
        var out: [ScrubFinding] = []
        let practice = context.practice
        let enrollment = practice.payers[payer]
        if enrollment == nil {
            out.append(finding("MH024", nil, "The practice is not enrolled with payer \(payer)."))
        }
        for line in claim.lines {
            let rule = practice.rule(payer: payer, on: line.dateOfService)
            if let enrollment, !enrollment.providers.contains(line.rendering) {
                out.append(
                    finding("MH024", line.lineID, "Provider \(line.rendering) is not enrolled with \(enrollment.name).")
                )
            }
            if let rule { out += telehealthFindings(line, rule) }
            if context.patient.coverage(payer: payer, on: line.dateOfService) == nil {
                out.append(
                    finding("MH010", line.lineID, "The patient has no coverage with \(payer) on \(line.dateOfService).")
                )
            }
            if let fee = practice.fee(code: line.code, on: line.dateOfService) {
                let expected = Money(cents: fee.times(line.units.thousandths).cents / 1000)
                if expected != line.charge {
                    out.append(
                        finding(
                            "MH025", line.lineID,
                            "\(line.code) is charged \(line.charge); the fee schedule says \(expected)."))
                }
            }
            if let rule { out += authorizationFindings(line, rule, claim, context) }
            if let duplicate = context.otherClaims.first(where: { isDuplicate(line, of: claim, in: $0) }) {
                out.append(
                    finding(
                        "MH021", line.lineID,
                        "\(line.code) on \(line.dateOfService) is already billed on claim \(duplicate.claimNumber?.rawValue ?? "?")."
                    ))
            }
        }
        out += authorizationUnitFindings(claim, context)
        out += timelyFilingFindings(claim, context)
        return out
    }

    private static func telehealthFindings(_ line: ClaimLine, _ rule: PayerRule) -> [ScrubFinding] {
        var out: [ScrubFinding] = []
        let telehealthModifiers = Set(line.modifiers).intersection(ModifierCatalog.telehealthModifiers)
        guard let mode = line.telehealth else {
            if PlaceOfServiceCatalog.telehealth.contains(line.placeOfService) {
                out.append(
                    finding(
                        "MH008", line.lineID,
                        "Place of service \(line.placeOfService) means telehealth, but the session was in person."))
            }
            if !telehealthModifiers.isEmpty {
                out.append(
                    finding(
                        "MH009", line.lineID,
                        "Modifier \(telehealthModifiers.sorted().joined(separator: ", ")) means telehealth, but the session was in person."
                    ))
            }
            return out
        }
        if !rule.telehealthPlaces.contains(line.placeOfService) {
            out.append(
                finding(
                    "MH008", line.lineID,
                    "This payer wants telehealth billed with place of service \(rule.telehealthPlaces.sorted().joined(separator: " or ")), not \(line.placeOfService)."
                ))
        }
        if mode == .audioOnly {
            // Audio-only lines carry 93 (FQ at an FQHC or RHC) by MH038/MH039, whatever the payer's video modifier.
        } else if rule.telehealthModifiers.isEmpty {
            if !telehealthModifiers.isEmpty {
                out.append(
                    finding(
                        "MH009", line.lineID,
                        "This payer wants no telehealth modifier; remove \(telehealthModifiers.sorted().joined(separator: ", "))."
                    ))
            }
        } else if telehealthModifiers.isDisjoint(with: rule.telehealthModifiers) {
            out.append(
                finding(
                    "MH009", line.lineID,
                    "This payer wants telehealth modifier \(rule.telehealthModifiers.sorted().joined(separator: " or "))."
                ))
        }
        if mode == .audioOnly && !rule.audioOnlyAllowed {
            out.append(finding("MH009", line.lineID, "This payer does not pay audio-only sessions."))
        }
        return out
    }

    private static func authorizationFindings(
        _ line: ClaimLine, _ rule: PayerRule, _ claim: Claim.State, _ context: ScrubContext
    ) -> [ScrubFinding] {
        guard rule.requiresAuthorization(for: line.code) || claim.authorizationNumber != nil else { return [] }
        guard let number = claim.authorizationNumber else {
            return [
                finding(
                    "MH011", line.lineID, "This payer requires an authorization for \(line.code); none is on the claim."
                )
            ]
        }
        guard let auth = context.patient.authorizations[number] else {
            return [finding("MH011", line.lineID, "Authorization \(number) is not on the patient's record.")]
        }
        if !rule.requiresAuthorization(for: line.code) && auth.payerID != claim.payerID { return [] }
        var out: [ScrubFinding] = []
        if auth.payerID != claim.payerID {
            out.append(
                finding("MH012", line.lineID, "Authorization \(number) was issued by \(auth.payerID), not this payer."))
        }
        if !auth.window.contains(line.dateOfService) {
            out.append(finding("MH012", line.lineID, "Authorization \(number) does not cover \(line.dateOfService)."))
        }
        if !auth.covers(line.code) {
            out.append(finding("MH012", line.lineID, "Authorization \(number) does not cover \(line.code)."))
        }
        return out
    }

    private static func authorizationUnitFindings(_ claim: Claim.State, _ context: ScrubContext) -> [ScrubFinding] {
        guard let number = claim.authorizationNumber, let auth = context.patient.authorizations[number],
            auth.payerID == claim.payerID
        else { return [] }
        let available = auth.remaining + claim.authorizationUnitsHeld
        guard claim.totalUnits > available else { return [] }
        return [
            finding(
                "MH013", nil,
                "Authorization \(number) has \(available) units left; the claim bills \(claim.totalUnits).")
        ]
    }

    private static func timelyFilingFindings(_ claim: Claim.State, _ context: ScrubContext) -> [ScrubFinding] {
        guard let payer = claim.payerID, let firstDay = claim.firstDateOfService,
            let rule = context.practice.rule(payer: payer, on: firstDay)
        else { return [] }
        var anchor = firstDay
        if claim.payerOrder != .primary,
            let prior = claim.adjudications.last(where: { !$0.reversed && $0.payerOrder < claim.payerOrder })
        {
            anchor = prior.adjudication.adjudicatedOn
        }
        let deadline = anchor.adding(days: rule.timelyFilingDays)
        if context.today > deadline {
            return [finding("MH014", nil, "The filing limit of \(rule.timelyFilingDays) days passed on \(deadline).")]
        }
        if context.today > deadline.adding(days: -rule.timelyFilingMarginDays) {
            return [
                finding(
                    "MH015", nil,
                    "File by \(deadline): the \(rule.timelyFilingDays)-day limit is \(context.today.days(to: deadline)) days away."
                )
            ]
        }
        return []
    }

    private static func isDuplicate(_ line: ClaimLine, of claim: Claim.State, in other: Claim.State) -> Bool {
        // A claim that never left (draft, or not yet created) bills nothing yet: it cannot be a duplicate.
        guard other.claimID != claim.claimID, other.status != .none, other.status != .draft,
            other.status != .voided, other.status != .voidPending,
            other.payerID == claim.payerID
                || other.primaryPayerID == claim.primaryPayerID
        else { return false }
        return other.lines.contains {
            $0.dateOfService == line.dateOfService && $0.code == line.code && $0.modifiers == line.modifiers
                && $0.units == line.units && $0.rendering == line.rendering
        }
    }
}
