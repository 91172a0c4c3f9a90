import Foundation

/// Plain-text and JSON renderings of a summary.
extension X12Summary {
    /// Pretty-printed JSON with sorted keys; amounts as decimal text.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// A report a person reads.
    public var text: String {
        var lines: [String] = ["file \(file ?? "-"): \(segmentCount) segments, \(interchanges.count) interchange(s)"]
        for interchange in interchanges {
            lines.append("interchange \(interchange.controlNumber) from \(interchange.sender) to \(interchange.receiver) at \(interchange.dateTime) (\(interchange.usage))")
            for group in interchange.groups {
                lines.append("  group \(group.functionalID) \(group.controlNumber) \(group.version): \(group.transactionSets.count) transaction set(s)")
                for set in group.transactionSets {
                    lines.append("    \(set.id) \(set.controlNumber) \(set.implementation), \(set.segmentCount) segments")
                }
            }
        }
        for ta1 in interchangeAcknowledgments {
            lines.append("TA1 for interchange \(ta1.controlNumber): \(ta1.acknowledgmentCode), note \(ta1.noteCode)")
        }
        for payment in payments {
            lines.append("payment \(payment.transactionControlNumber): \(payment.payer)\(payment.payerID.map { " (\($0))" } ?? "") to \(payment.payee) (\(payment.payeeID)), trace \(payment.traceNumber), \(payment.handlingCode)/\(payment.method ?? "-") \(payment.paymentDate?.description ?? "no date")")
            lines.append("  BPR02 \(payment.bprAmount)  ΣCLP04 \(payment.claimPaidTotal)  ΣPLB \(payment.providerAdjustmentTotal)  \(payment.verdict)")
            for claim in payment.claims {
                lines.append("  segment \(claim.segment) CLP \(claim.patientControlNumber) status \(claim.status): charge \(claim.charge) paid \(claim.paid) patient \(claim.patientResponsibility?.description ?? "-") lines \(claim.lines)")
            }
            for finding in payment.findings { lines.append("  ! \(finding)") }
        }
        if let totals = paymentTotals {
            let verdict = totals.balanced ? "balanced" : "NOT BALANCED (\(totals.unbalancedPayments) of \(totals.payments) payment(s))"
            lines.append("totals: \(totals.payments) payment(s), \(totals.claims) claim(s), BPR02 \(totals.bprAmount), charge \(totals.chargeTotal), ΣCLP04 \(totals.claimPaidTotal), patient \(totals.patientResponsibilityTotal), ΣPLB \(totals.providerAdjustmentTotal), \(verdict)")
        }
        for ack in implementationAcknowledgments {
            lines.append("999 \(ack.controlNumber) for group \(ack.acknowledgedGroup): \(ack.groupResult) (\(ack.included) included, \(ack.received) received, \(ack.accepted) accepted)")
            for set in ack.transactionSets { lines.append("  \(set)") }
        }
        for ack in claimAcknowledgments {
            lines.append("277CA \(ack.controlNumber) ref \(ack.reference) for batch \(ack.batchReferences.joined(separator: ", ")): \(ack.counts)")
            for claim in ack.claims {
                let outcome = claim.outcome == .accepted ? "" : " " + claim.outcome.rawValue.uppercased()
                lines.append("  claim \(claim.claimNumber): \(claim.statuses.joined(separator: ", "))\(outcome)\(claim.payerClaimNumber.map { " payer # \($0)" } ?? "")")
            }
        }
        for batch in professionalClaims {
            lines.append("837P \(batch.controlNumber) batch \(batch.batchReference): \(batch.claims.count) claim(s), total \(batch.totalCharge)")
            for claim in batch.claims { lines.append("  \(claim)") }
        }
        for set in eligibilityInquiries {
            let types = set.serviceTypes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            lines.append("270 \(set.controlNumber) ref \(set.reference ?? "-") to \(set.payer): \(set.inquiries) inquiry(ies), \(set.dependents) about a dependent; service types \(types)")
        }
        for response in eligibilityResponses {
            lines.append("271 \(response.controlNumber) ref \(response.reference ?? "-") from \(response.payer): \(response.members) member(s): \(response.active) active, \(response.inactive) inactive, \(response.rejected) rejected, \(response.unknown) unknown")
            if !response.rejections.isEmpty { lines.append("  AAA \(response.rejections.joined(separator: "; "))") }
            let codes = response.benefitsByCode.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            if !codes.isEmpty { lines.append("  EB by EB01: \(codes)") }
            for answer in response.answers {
                var line = "  segment \(answer.segment) \(answer.level.rawValue) trace \(answer.trace ?? "-"): \(answer.coverage.rawValue.uppercased())"
                if let plan = answer.plan { line += ", plan \(plan)" }
                if !answer.dates.isEmpty { line += ", dates \(answer.dates.joined(separator: ", "))" }
                if !answer.rejections.isEmpty { line += ", AAA \(answer.rejections.joined(separator: "; "))" }
                lines.append(line)
                for (type, benefits) in answer.benefits.sorted(by: { $0.key < $1.key }) {
                    lines.append("    \(type): \(benefits.joined(separator: " | "))")
                }
            }
        }
        for set in claimStatusInquiries {
            lines.append("276 \(set.controlNumber) ref \(set.reference ?? "-") to \(set.payer): \(set.inquiries) claim(s), total \(set.totalCharge)")
            for claim in set.claims { lines.append("  \(claim)") }
        }
        for response in claimStatusResponses {
            let families = response.byFamily.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            lines.append("277 \(response.controlNumber) ref \(response.reference ?? "-") from \(response.payer): \(response.claims) claim(s): \(families)")
            for answer in response.answers {
                var line = "  segment \(answer.segment) trace \(answer.trace)"
                if let number = answer.claimNumber { line += " claim \(number)" }
                line += ": \(answer.family.uppercased()) \(answer.statuses.joined(separator: ", "))"
                if let charge = answer.charge { line += " charge \(charge)" }
                if let payer = answer.payerClaimNumber { line += " payer # \(payer)" }
                lines.append(line)
            }
        }
        for warning in warnings { lines.append("warning: \(warning)") }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension PaymentSummary {
    /// `balanced`, or `NOT BALANCED: …` saying which identities fail.
    var verdict: String {
        if balanced { return "balanced" }
        var reasons: [String] = []
        if !paymentBalanced {
            let off = findings.first { $0.level == .payment }.map { " (off by \($0.stated - $0.computed))" } ?? ""
            reasons.append("BPR02 ≠ ΣCLP04 − ΣPLB\(off)")
        } else {
            reasons.append("BPR02 = ΣCLP04 − ΣPLB holds")
        }
        var parts: [String] = []
        if claimFindings > 0 { parts.append("\(claimFindings) claim") }
        if lineFindings > 0 { parts.append("\(lineFindings) line") }
        if !parts.isEmpty { reasons.append((paymentBalanced ? "but " : "and ") + parts.joined(separator: " and ") + " finding(s) below") }
        return "NOT BALANCED: " + reasons.joined(separator: ", ")
    }
}

extension ClaimAcknowledgment.Summary {
    /// `1 accepted, 1 rejected (from the claims); receivers report 1 accepted, 1 rejected`.
    var counts: String {
        var text = "\(accepted) accepted, \(rejected) rejected"
        if undetermined > 0 { text += ", \(undetermined) undetermined" }
        text += " (from the claims)"
        if reportedAccepted != nil || reportedRejected != nil {
            let yes = reportedAccepted.map(String.init) ?? "-"
            let no = reportedRejected.map(String.init) ?? "-"
            text += "; receivers report \(yes) accepted, \(no) rejected"
        }
        if !countsAgree { text += " — DISAGREES with the claims (see warnings)" }
        return text
    }
}
