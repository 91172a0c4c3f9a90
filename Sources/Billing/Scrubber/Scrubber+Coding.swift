extension Scrubber {
    /// Time bands, add-on pairings, exclusions, code validity, units and modifiers.
    static func codingFindings(_ claim: Claim.State) -> [ScrubFinding] {
        var out: [ScrubFinding] = []
        for line in claim.lines {
            guard let def = ProcedureCatalog.definition(line.code) else {
                out.append(finding("MH026", line.lineID, "\(line.code) is not a code we bill."))
                continue
            }
            if !def.effective.contains(line.dateOfService) {
                out.append(finding("MH026", line.lineID, "\(line.code) is not valid on \(line.dateOfService)."))
            }
            if let problem = def.minutesProblem(line.minutes) {
                out.append(finding("MH001", line.lineID, problem + "."))
            }
            let bad = line.modifiers.filter {
                ModifierCatalog.entries[$0]?.effective.contains(line.dateOfService) != true
            }
            if !bad.isEmpty || line.modifiers.count > 4 {
                let what =
                    bad.isEmpty
                    ? "more than four modifiers"
                    : "modifier \(bad.joined(separator: ", ")) not valid on \(line.dateOfService)"
                out.append(finding("MH029", line.lineID, "\(line.code) has \(what)."))
            }
        }
        for group in sameDayGroups(claim) { out += sameDayFindings(group) }
        return out
    }

    private static func sameDayFindings(_ group: [ClaimLine]) -> [ScrubFinding] {
        var out: [ScrubFinding] = []
        let codes = Set(group.map(\.code))
        let kinds = Set(group.compactMap { ProcedureCatalog.definition($0.code)?.kind })
        let day = group[0].dateOfService
        let hasEM = kinds.contains(.evaluationAndManagement)
        for line in group {
            guard let def = ProcedureCatalog.definition(line.code) else { continue }
            if def.isAddOn, def.kind != .interactiveComplexity, codes.isDisjoint(with: def.primaries) {
                let needs =
                    def.kind == .psychotherapyAddOn
                    ? "a same-day E/M" : def.primaries.sorted().joined(separator: " or ")
                out.append(finding("MH002", line.lineID, "\(line.code) is an add-on and needs \(needs) on \(day)."))
            }
            if def.kind == .interactiveComplexity {
                if codes.isDisjoint(with: ProcedureCatalog.interactiveComplexityPrimaries) {
                    out.append(
                        finding("MH003", line.lineID, "90785 needs 90791, 90792, 90832–90838 or 90853 the same day."))
                }
                if kinds.contains(.crisis) || kinds.contains(.crisisAddOn) || kinds.contains(.family) {
                    out.append(finding("MH003", line.lineID, "90785 is never billed with crisis or family therapy."))
                }
                if line.units > Quantity(units: 1) || group.filter({ $0.code == "90785" }).count > 1 {
                    out.append(finding("MH003", line.lineID, "90785 is billed at most once per session."))
                }
            }
            if def.kind == .crisis {
                let others = group.filter {
                    guard let k = ProcedureCatalog.definition($0.code)?.kind else { return false }
                    return [.psychotherapy, .psychotherapyAddOn, .diagnosticEvaluation, .interactiveComplexity]
                        .contains(k)
                }.map(\.code)
                if !others.isEmpty {
                    out.append(
                        finding(
                            "MH004", line.lineID,
                            "90839 cannot be billed with \(others.sorted().joined(separator: ", ")) on \(day)."))
                }
            }
            if def.kind == .diagnosticEvaluation {
                let others = group.filter {
                    guard let d = ProcedureCatalog.definition($0.code) else { return false }
                    return d.isPsychotherapy || d.kind == .evaluationAndManagement
                }.map(\.code)
                if !others.isEmpty {
                    out.append(
                        finding(
                            "MH006", line.lineID,
                            "\(line.code) cannot be billed with \(others.sorted().joined(separator: ", ")) on \(day)."))
                }
            }
            if def.kind == .psychotherapy, hasEM {
                out.append(
                    finding(
                        "MH007", line.lineID,
                        "\(line.code) with an E/M the same day should be billed as the add-on (90833, 90836 or 90838).")
                )
            }
            if let cap = def.maxUnitsPerDay {
                let units = group.filter { $0.code == line.code }.reduce(Quantity.zero) { $0 + $1.units }
                if units > Quantity(units: cap), group.first(where: { $0.code == line.code })?.lineID == line.lineID {
                    out.append(
                        finding(
                            "MH028", line.lineID, "\(line.code) allows \(cap) unit(s) a day; \(units) billed on \(day)."
                        ))
                }
            }
        }
        let therapy = group.filter {
            [.psychotherapy, .psychotherapyAddOn].contains(ProcedureCatalog.definition($0.code)?.kind)
        }
        if therapy.count > 1 {
            out.append(
                finding(
                    "MH005", therapy[1].lineID,
                    "Only one psychotherapy code per clinician per day; \(therapy.map(\.code).joined(separator: " and ")) on \(day)."
                ))
        }
        return out
    }
}
