extension Scrubber {
    /// Identifiers, diagnoses, pointers, amounts and supervision.
    static func dataFindings(_ claim: Claim.State, _ context: ScrubContext) -> [ScrubFinding] {
        var out: [ScrubFinding] = []
        let providers = context.practice.providers
        if !(1...12).contains(claim.diagnoses.count) {
            out.append(finding("MH018", nil, "A claim holds 1 to 12 diagnoses; this one has \(claim.diagnoses.count)."))
        }
        let firstDay = claim.firstDateOfService
        for code in claim.diagnoses {
            let day =
                claim.lines.first { line in
                    line.diagnosisPointers.contains {
                        claim.diagnoses.indices.contains($0 - 1) && claim.diagnoses[$0 - 1] == code
                    }
                }?.dateOfService ?? firstDay
            guard let day else { continue }
            switch DiagnosisCatalog.status(of: code, on: day) {
            case .billable: break
            case .header:
                out.append(
                    finding("MH019", nil, "\(code) is a category, not a billable code; pick a more specific one."))
            case .notInForce: out.append(finding("MH019", nil, "\(code) is not a valid ICD-10-CM code on \(day)."))
            case .unknown:
                out.append(
                    finding("MH027", nil, "\(code) is not in our list of common codes; check that it is billable."))
            }
        }
        if let principal = claim.diagnoses.first, principal.isZCode, let payer = claim.payerID, let day = firstDay,
            context.practice.rule(payer: payer, on: day)?.behavioralCarveOut == true
        {
            out.append(
                finding(
                    "MH020", nil,
                    "\(principal) as the principal diagnosis is often denied by this behavioral-health carve-out."))
        }
        for line in claim.lines {
            if !(1...4).contains(line.diagnosisPointers.count)
                || !line.diagnosisPointers.allSatisfy({
                    (1...max(1, claim.diagnoses.count)).contains($0) && $0 <= claim.diagnoses.count
                })
            {
                out.append(
                    finding(
                        "MH017", line.lineID,
                        "\(line.code) needs 1 to 4 diagnosis pointers that point at listed diagnoses."))
            }
            if line.charge <= .zero || line.units <= .zero {
                out.append(finding("MH022", line.lineID, "\(line.code) has a zero charge or zero units."))
            }
            for (role, id) in [("rendering", Optional(line.rendering)), ("supervising", line.supervising)] {
                guard let id else { continue }
                guard let provider = providers[id] else {
                    out.append(
                        finding("MH024", line.lineID, "The \(role) provider \(id) is not a provider of the practice."))
                    continue
                }
                if !NPI.isValid(provider.npi) {
                    out.append(
                        finding(
                            "MH016", line.lineID, "The \(role) provider's NPI \(provider.npi) fails the check digit."))
                }
            }
            if let rendering = providers[line.rendering], rendering.licence.requiresSupervisor, line.supervising == nil
            {
                out.append(
                    finding(
                        "MH023", line.lineID,
                        "Provider \(line.rendering) is pre-licensed; name the supervising provider."))
            }
        }
        return out
    }
}
