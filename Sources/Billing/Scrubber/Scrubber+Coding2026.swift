extension Scrubber {
    /// Taxonomies of a federally qualified health center and a rural health clinic (the clinic's type-2 NPI).
    static let safetyNetClinicTaxonomies: Set<String> = ["261QF0400X", "261QR1300X"]

    /// The 2026 behavioral-health coding rules (sources in docs/domain.md): dates of service not in the future,
    /// audio-only modifiers and places of service, FQ only from FQHCs and RHCs, collaborative care minutes, digital
    /// mental health treatment not by telehealth, and the payer's copay against the coverage's.
    static func coding2026Findings(_ claim: Claim.State, _ context: ScrubContext) -> [ScrubFinding] {
        var out: [ScrubFinding] = []
        let clinic = context.practice.providers.values.contains { safetyNetClinicTaxonomies.contains($0.taxonomy) }
        for line in claim.lines {
            if line.dateOfService > context.today {
                out.append(
                    finding(
                        "MH037", line.lineID,
                        "\(line.code) is dated \(line.dateOfService), after today (\(context.today)); bill a session once it has taken place."
                    ))
            }
            out += audioOnlyFindings(line, clinic: clinic)
            if ProcedureCatalog.digitalMentalHealthCodes.contains(line.code),
                PlaceOfServiceCatalog.telehealth.contains(line.placeOfService)
            {
                out.append(
                    finding(
                        "MH041", line.lineID,
                        "\(line.code) is a digital mental health treatment code and is not billed with place of service \(line.placeOfService); use the place where the treating practitioner works."
                    ))
            }
        }
        out += collaborativeCareFindings(claim)
        out += copayFindings(claim, context)
        return out
    }

    /// MH038 and MH039: audio-only lines carry 93 (or FQ, at an FQHC or RHC) and a telehealth place of service.
    private static func audioOnlyFindings(_ line: ClaimLine, clinic: Bool) -> [ScrubFinding] {
        var out: [ScrubFinding] = []
        let modifiers = Set(line.modifiers)
        let audioOnly = line.telehealth == .audioOnly
        if audioOnly {
            if !modifiers.contains("93") && !(clinic && modifiers.contains("FQ")) {
                out.append(
                    finding(
                        "MH038", line.lineID,
                        "\(line.code) was an audio-only session and needs modifier 93\(clinic ? " (or FQ, as an FQHC or RHC)" : "")."
                    ))
            }
            if !PlaceOfServiceCatalog.telehealth.contains(line.placeOfService) {
                out.append(
                    finding(
                        "MH038", line.lineID,
                        "\(line.code) was an audio-only session and is billed with place of service 02 or 10, not \(line.placeOfService)."
                    ))
            }
        } else if modifiers.contains("93") {
            out.append(
                finding("MH038", line.lineID, "Modifier 93 means audio-only, but \(line.code) was not an audio-only session."))
        }
        if modifiers.contains("FQ") && !clinic {
            out.append(
                finding(
                    "MH039", line.lineID,
                    "Modifier FQ is only for an FQHC or RHC (a provider of the practice with taxonomy 261QF0400X or 261QR1300X)."
                ))
        } else if modifiers.contains("FQ") && !audioOnly {
            out.append(
                finding("MH039", line.lineID, "Modifier FQ means audio-only, but \(line.code) was not an audio-only session."))
        }
        return out
    }

    /// MH040: 99492 from 36 minutes, 99493 from 31, and each +99494 unit only after a further 16 of its 30.
    private static func collaborativeCareFindings(_ claim: Claim.State) -> [ScrubFinding] {
        var out: [ScrubFinding] = []
        for group in sameDayGroups(claim) {
            let base = group.first { ProcedureCatalog.collaborativeCareMinutes[$0.code] != nil }
            if let base, let rule = ProcedureCatalog.collaborativeCareMinutes[base.code], base.minutes < rule.threshold {
                out.append(
                    finding(
                        "MH040", base.lineID,
                        "\(base.code) needs at least \(rule.threshold) minutes of care management in the month; \(base.minutes) recorded."
                    ))
            }
            for addOn in group where addOn.code == "99494" {
                guard let base, let rule = ProcedureCatalog.collaborativeCareMinutes[base.code] else { continue }
                let units = Int(addOn.units.thousandths / 1000)
                let needed = rule.covers + 30 * (units - 1) + 16
                if base.minutes < needed {
                    out.append(
                        finding(
                            "MH040", addOn.lineID,
                            "99494 × \(units) with \(base.code) needs at least \(needed) minutes in the month; \(base.minutes) recorded."
                        ))
                }
            }
        }
        return out
    }

    /// MH042: the coverage's copay matches the copay the payer's rule sets, when the rule sets one.
    private static func copayFindings(_ claim: Claim.State, _ context: ScrubContext) -> [ScrubFinding] {
        guard let payer = claim.payerID, let day = claim.firstDateOfService,
            let copay = context.practice.rule(payer: payer, on: day)?.copay,
            let coverage = context.patient.coverage(payer: payer, on: day), coverage.copay != copay
        else { return [] }
        return [
            finding(
                "MH042", nil,
                "The patient's coverage has a copay of \(coverage.copay); this payer's rule says \(copay) from \(context.practice.rule(payer: payer, on: day)!.effectiveFrom). Check the patient's plan."
            )
        ]
    }
}
