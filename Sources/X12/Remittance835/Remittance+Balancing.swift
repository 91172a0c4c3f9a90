/// The three balancing identities of an 835, and CLP05 against the PR adjustments.
extension Remittance {
    /// Σ CLP04.
    public var claimPaidTotal: X12Amount { claims.map(\.paid).sum() }
    /// Σ PLB amounts.
    public var providerAdjustmentTotal: X12Amount { providerAdjustments.map(\.total).sum() }
    /// ΣCLP04 − ΣPLB: what BPR02 should be.
    public var computedPaymentAmount: X12Amount { claimPaidTotal - providerAdjustmentTotal }
    /// BPR02 (signed) = ΣCLP04 − ΣPLB.
    public var isBalanced: Bool { payment.signedAmount == computedPaymentAmount }

    /// Every identity that does not hold: per line, per claim, CLP05, then the payment. Empty when all hold.
    public func balanceFindings() -> [BalanceFinding] {
        var findings: [BalanceFinding] = []
        for (claimIndex, claim) in claims.enumerated() {
            var lineAdjustments = X12Amount.zero
            var patientTotal = X12Amount.zero
            var claimTotal = X12Amount.zero
            for adjustment in claim.adjustments {
                claimTotal += adjustment.amount
                if adjustment.group == "PR" { patientTotal += adjustment.amount }
            }
            for (lineIndex, line) in claim.lines.enumerated() {
                var lineTotal = X12Amount.zero
                for adjustment in line.adjustments {
                    lineTotal += adjustment.amount
                    if adjustment.group == "PR" { patientTotal += adjustment.amount }
                }
                lineAdjustments += lineTotal
                if line.charge - line.paid != lineTotal {
                    findings.append(BalanceFinding(
                        level: .line, transactionControlNumber: controlNumber, patientControlNumber: claim.patientControlNumber,
                        claimIndex: claimIndex, lineIndex: lineIndex, segmentNumber: line.segmentNumber,
                        stated: line.charge - line.paid, computed: lineTotal))
                }
            }
            claimTotal += lineAdjustments
            if claim.charge - claim.paid != claimTotal {
                findings.append(BalanceFinding(
                    level: .claim, transactionControlNumber: controlNumber, patientControlNumber: claim.patientControlNumber,
                    claimIndex: claimIndex, segmentNumber: claim.segmentNumber,
                    stated: claim.charge - claim.paid, computed: claimTotal))
            }
            if let responsibility = claim.patientResponsibility {
                if responsibility != patientTotal {
                    findings.append(BalanceFinding(
                        level: .patientResponsibility, transactionControlNumber: controlNumber,
                        patientControlNumber: claim.patientControlNumber, claimIndex: claimIndex,
                        segmentNumber: claim.segmentNumber, stated: responsibility, computed: patientTotal))
                }
            }
        }
        if !isBalanced {
            findings.append(BalanceFinding(
                level: .payment, transactionControlNumber: controlNumber, segmentNumber: segmentNumber,
                stated: payment.signedAmount, computed: computedPaymentAmount))
        }
        return findings
    }
}
