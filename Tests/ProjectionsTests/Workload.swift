import Billing
import Foundation

/// One claim driven by random but well-formed commands, the way the billing property test drives it.
struct ClaimWorld {
    let claimID: ClaimID
    let number: ClaimNumber
    var claim = Claim.initial
    var today: LocalDate
    var counter = 0
    /// Events produced by the last step (to append).
    var produced: [Claim.Event] = []

    init(index: Int, start: LocalDate) {
        claimID = ClaimID("c-\(index)")
        number = ClaimNumber("RC-\(index)")!
        today = start
    }

    var period: AccountingPeriod { AccountingPeriod(containing: today) }

    mutating func next(_ prefix: String) -> String {
        counter += 1
        return "\(prefix)-\(number)-\(counter)"
    }

    mutating func run(_ command: Claim.Command) {
        guard let events = try? Claim.decide(command, claim) else { return }
        claim = Claim.replay(events, from: claim)
        produced += events
    }

    func remit(_ seed: Int) -> Adjudication {
        let lines = claim.lines.filter { claim.lineStatus[$0.lineID] != .adjudicated }
        let secondary = claim.payerOrder != .primary
        var share = claim.insuranceBalance
        let result: [LineAdjudication] = lines.enumerated().map { index, line in
            let kind = (seed / (index + 1)) % 4
            let owed = secondary ? min(line.charge, max(.zero, share)) : line.charge
            share -= owed
            let paid = owed.percentage((seed % 9) * 10)
            let responsibility = (owed - paid).percentage(seed % 3 == 0 ? 0 : 40)
            var adjustments: [CASAdjustment] = []
            func add(_ group: GroupCode, _ reason: String, _ amount: Money) {
                if amount > .zero { adjustments.append(CASAdjustment(group, reason, amount)) }
            }
            if kind == 0 && !secondary {
                add(.contractual, "197", line.charge)
                return LineAdjudication(
                    lineID: line.lineID, code: line.code, charge: line.charge, paid: .zero, adjustments: adjustments,
                    remarks: ["N54"])
            }
            add(.patient, ["1", "2", "3"][seed % 3], responsibility)
            if secondary {
                add(.other, "23", line.charge - owed)
                add(.contractual, "45", owed - paid - responsibility)
            } else {
                add(.contractual, "45", line.charge - paid - responsibility)
            }
            return LineAdjudication(
                lineID: line.lineID, code: line.code, charge: line.charge, paid: paid, adjustments: adjustments)
        }
        return Adjudication(
            statusCode: secondary ? "2" : (seed % 11 == 0 ? "4" : "1"), payerClaimNumber: "ICN-\(counter)-\(seed)",
            payerID: claim.payerID!, adjudicatedOn: today, lines: result)
    }

    /// Runs one command that makes sense in the claim's status; the events are in `produced`.
    mutating func step(_ seed: Int) {
        produced = []
        today = today.adding(days: seed % 4)
        let period = self.period
        switch claim.status {
        case .none:
            let count = 1 + seed % 3
            let sessions = (0..<count).map { i in
                Fx.session(
                    "s-\(number)-\(i)", on: today.adding(days: -1 - i).description, code: i == 1 ? "90834" : "90837",
                    minutes: i == 1 ? 45 : 60, charge: i == 1 ? "150.00" : "200.00")
            }
            run(
                .create(
                    claimID: claimID, claimNumber: number, payerID: Fx.acme, sessions: sessions, authorizationNumber: nil,
                    on: today, period: period))
        case .draft, .rejected, .awaitingNextPayer:
            run(.scrub(Fx.context(today: today), on: today))
            if seed % 13 == 0 {
                run(.void(reason: "not needed", on: today, period: period))
            } else {
                run(.submit(on: today))
            }
        case .submitted, .acknowledged:
            switch seed % 6 {
            case 0: run(.reject(category: "A7", statusCode: "33", message: "bad id", on: today))
            case 1: run(.acknowledge(payerClaimNumber: "P-1", on: today))
            default:
                let nextPayer: PayerID? = claim.payerOrder == .primary && seed % 2 == 0 ? Fx.medicaid : nil
                run(
                    .adjudicate(
                        remit(seed), context: .init(denialID: DenialID(next("d")), nextPayer: nextPayer), on: today,
                        period: period))
            }
        case .adjudicated, .denied, .closed:
            money(seed, period)
        case .voidPending:
            run(.submit(on: today))
        case .voided:
            break
        }
    }

    mutating func money(_ seed: Int, _ period: AccountingPeriod) {
        switch seed % 10 {
        case 0:
            if let last = claim.adjudications.last(where: { !$0.reversed }) {
                run(.reverseAdjudication(payerClaimNumber: last.adjudication.payerClaimNumber, on: today, period: period))
            }
        case 1:
            run(
                .applyPatientPayment(
                    PaymentID(next("pay")), amount: claim.patientBalance.percentage(50 + seed % 50), on: today,
                    period: period))
        case 2:
            run(.refundPatient(PaymentID(next("ref")), amount: -claim.patientBalance, on: today, period: period))
        case 3:
            run(
                .writeOff(
                    amount: claim.patientBalance.percentage(seed % 100), reason: .smallBalance, side: .patient,
                    denialID: nil, on: today, period: period))
        case 4:
            run(
                .writeOff(
                    amount: claim.insuranceBalance.percentage(seed % 101), reason: .denial, side: .insurance,
                    denialID: claim.openDenials.first?.denialID, on: today, period: period))
        case 5:
            run(
                .transferToPatient(
                    amount: claim.insuranceBalance.percentage(seed % 100), reason: "non-covered", on: today,
                    period: period))
        case 6:
            if let denial = claim.openDenials.first {
                run(
                    seed % 2 == 0
                        ? .appeal(denial.denialID, reference: "APL", on: today)
                        : .assignDenial(denial.denialID, owner: "staff", dueDate: nil, on: today))
            }
            run(.adjudicate(remit(seed), context: .init(denialID: DenialID(next("d"))), on: today, period: period))
        case 7:
            run(
                .correct(
                    sessions: [Fx.session("s-\(number)-0", on: claim.lines.first!.dateOfService.description,
                                          code: "90834", minutes: 45, charge: "150.00")],
                    reason: "fix", on: today, period: period))
        case 8:
            run(.close(on: today))
        default:
            run(.reopen(reason: "audit", on: today))
        }
    }
}
