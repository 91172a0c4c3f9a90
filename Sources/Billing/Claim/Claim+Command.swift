extension Claim {
    /// The facts `adjudicate` needs from outside the claim.
    public struct AdjudicationContext: Sendable, Equatable {
        /// The id to give a denial if the adjudication opens one.
        public var denialID: DenialID
        /// The payer's appeal window in days (from the practice's payer rule).
        public var appealDays: Int
        /// The next payer to move patient responsibility to, if the patient has one.
        public var nextPayer: PayerID?
        /// That payer's order (COB); nil: the order after the claim's current one.
        public var nextPayerOrder: PayerOrder?
        /// Contracted allowed amount per line, for underpayment flags.
        public var expectedAllowed: [LineID: Money]

        /// A context.
        public init(
            denialID: DenialID, appealDays: Int = 180, nextPayer: PayerID? = nil, nextPayerOrder: PayerOrder? = nil,
            expectedAllowed: [LineID: Money] = [:]
        ) {
            self.denialID = denialID
            self.appealDays = appealDays
            self.nextPayer = nextPayer
            self.nextPayerOrder = nextPayerOrder
            self.expectedAllowed = expectedAllowed
        }
    }

    /// What staff (or an imported X12 file) ask of a claim. Financial commands carry the accounting
    /// period they post to (from `Practice.State.postingPeriod(for:)`).
    public enum Command: Sendable, Equatable {
        /// Creates the claim from one patient's sessions for one payer, which is the patient's `payerOrder` payer
        /// on the first date of service (COB).
        case create(
            claimID: ClaimID, claimNumber: ClaimNumber, payerID: PayerID, payerOrder: PayerOrder = .primary,
            sessions: [SessionRecord], authorizationNumber: String?, on: LocalDate, period: AccountingPeriod)
        /// Runs the scrubber with the given context.
        case scrub(ScrubContext, on: LocalDate)
        /// Records that the claim was sent.
        case submit(on: LocalDate)
        /// Records a 277CA acceptance.
        case acknowledge(payerClaimNumber: String?, on: LocalDate)
        /// Records a 999/277CA rejection.
        case reject(category: String, statusCode: String, message: String, on: LocalDate)
        /// Posts an 835 claim payment.
        case adjudicate(Adjudication, context: AdjudicationContext, on: LocalDate, period: AccountingPeriod)
        /// Posts a CLP02 = 22 reversal of an earlier adjudication.
        case reverseAdjudication(payerClaimNumber: String, on: LocalDate, period: AccountingPeriod)
        /// Assigns a denial to an owner, optionally with an earlier due date.
        case assignDenial(DenialID, owner: StaffID, dueDate: LocalDate?, on: LocalDate)
        /// Records an appeal of a denial.
        case appeal(DenialID, reference: String, on: LocalDate)
        /// Replaces the lines from corrected sessions (frequency 7 once adjudicated).
        case correct(sessions: [SessionRecord], reason: String, on: LocalDate, period: AccountingPeriod)
        /// Voids the claim (frequency 8 once submitted).
        case void(reason: String, on: LocalDate, period: AccountingPeriod)
        /// Writes off part of a balance.
        case writeOff(
            amount: Money, reason: WriteOffReason, side: BalanceSide, denialID: DenialID?, on: LocalDate,
            period: AccountingPeriod)
        /// Moves part of the insurance balance to the patient (e.g. non-covered service the patient agreed to).
        case transferToPatient(amount: Money, reason: String, on: LocalDate, period: AccountingPeriod)
        /// Applies a patient payment.
        case applyPatientPayment(PaymentID, amount: Money, on: LocalDate, period: AccountingPeriod)
        /// Refunds a patient credit.
        case refundPatient(PaymentID, amount: Money, on: LocalDate, period: AccountingPeriod)
        /// Closes a claim whose balance is zero and that has no open denial.
        case close(on: LocalDate)
        /// Reopens a closed claim.
        case reopen(reason: String, on: LocalDate)
    }

    /// Why a claim command was refused. Messages are for billing clerks.
    public enum Rejection: Error, Sendable, Equatable, CustomStringConvertible {
        /// The claim exists.
        case alreadyCreated
        /// The claim does not exist.
        case notCreated
        /// No sessions given.
        case noSessions
        /// Sessions of different patients.
        case mixedPatients
        /// A session appears twice.
        case duplicateSession(SessionID)
        /// More than 12 distinct diagnoses.
        case tooManyDiagnoses(Int)
        /// Not allowed in the claim's status.
        case wrongStatus(action: String, status: Status)
        /// Submission needs a passing scrub after the last change.
        case notScrubbed
        /// Submission blocked by scrubber errors.
        case scrubErrors([String])
        /// The remit names a line we did not bill.
        case unknownLine(LineID)
        /// The remit's line charge differs from ours.
        case lineChargeMismatch(LineID, billed: Money, remit: Money)
        /// A line does not balance: charge − paid ≠ Σ adjustments.
        case lineOutOfBalance(LineID, charge: Money, paid: Money, adjustments: Money)
        /// The line was already adjudicated by this payer and not denied.
        case lineAlreadyAdjudicated(LineID)
        /// The remit posts more than the payers owe.
        case postsMoreThanOwed(posting: Money, owed: Money)
        /// The remit is from another payer than the one billed.
        case wrongPayer(expected: PayerID, got: PayerID)
        /// Use `reverseAdjudication` for status 22.
        case reversalAsAdjudication
        /// No active adjudication with that payer claim number.
        case noSuchAdjudication(String)
        /// A later payer adjudicated; reverse that first.
        case laterPayerAdjudicated
        /// No such denial, or it is resolved.
        case noOpenDenial(DenialID)
        /// A reason or reference is required.
        case reasonRequired
        /// Amount must be positive.
        case nonPositiveAmount
        /// The amount exceeds the balance.
        case exceedsBalance(amount: Money, balance: Money)
        /// Refund exceeds the credit.
        case exceedsCredit(amount: Money, credit: Money)
        /// Money was posted; void is not possible (correct, or reverse first).
        case moneyPosted
        /// The sessions belong to another patient.
        case otherPatient
        /// Balance or denials remain.
        case cannotClose(balance: Money, openDenials: Int)
        /// A timely-filing write-off cannot come from the patient side.
        case timelyFilingNotBillableToPatient
        /// The payer has the claim but has not adjudicated it: there is no claim number (CLP07) to replace or void yet.
        case notAdjudicatedYet(action: String, payer: PayerID?)
        /// The previous payer forwarded the claim to this one (crossover): its 835 is awaited, no 837P is sent.
        case crossedOver(PayerID)

        /// A message a billing clerk understands.
        public var description: String {
            switch self {
            case .alreadyCreated: "This claim already exists."
            case .notCreated: "Create the claim first."
            case .noSessions: "A claim needs at least one session."
            case .mixedPatients: "All sessions on a claim must be for the same patient."
            case .duplicateSession(let id): "Session \(id) appears twice."
            case .tooManyDiagnoses(let n): "A claim holds at most 12 diagnoses; these sessions have \(n)."
            case .wrongStatus(let action, let status): "Cannot \(action) a claim that is \(status.rawValue)."
            case .notScrubbed: "Scrub the claim again before submitting it."
            case .scrubErrors(let ids): "The scrubber found errors: \(ids.joined(separator: ", "))."
            case .unknownLine(let id): "The remittance names line \(id), which is not on this claim."
            case .lineChargeMismatch(let id, let billed, let remit):
                "Line \(id) was billed at \(billed) but the remittance says \(remit)."
            case .lineOutOfBalance(let id, let charge, let paid, let adj):
                "Line \(id) does not balance: charged \(charge), paid \(paid), adjustments \(adj)."
            case .lineAlreadyAdjudicated(let id): "Line \(id) is already adjudicated; post the reversal first."
            case .postsMoreThanOwed(let posting, let owed):
                "The remittance posts \(posting) but the payers owe only \(owed)."
            case .wrongPayer(let expected, let got): "The claim is billed to \(expected), not \(got)."
            case .reversalAsAdjudication: "Post status 22 as a reversal."
            case .noSuchAdjudication(let n): "There is no adjudication \(n) to reverse."
            case .laterPayerAdjudicated: "The next payer has adjudicated; reverse that first."
            case .noOpenDenial(let id): "There is no open denial \(id)."
            case .reasonRequired: "Give a reason."
            case .nonPositiveAmount: "The amount must be more than zero."
            case .exceedsBalance(let amount, let balance): "\(amount) is more than the balance of \(balance)."
            case .exceedsCredit(let amount, let credit): "\(amount) is more than the credit of \(credit)."
            case .moneyPosted: "Money was posted on this claim; it cannot be voided."
            case .otherPatient: "The sessions are for another patient."
            case .cannotClose(let balance, let denials):
                "Cannot close: balance \(balance), \(denials) open denial(s)."
            case .timelyFilingNotBillableToPatient:
                "A timely-filing loss is never billed to or written off from the patient."
            case .notAdjudicatedYet(let action, let payer):
                "Cannot \(action) this claim yet: \(payer?.rawValue ?? "the payer") has it but has not adjudicated it, so there is "
                    + "no payer claim number (CLP07) to refer to. Wait for its 835 (then \(action) it) or its rejection "
                    + "(then void it without sending, or correct it and send it as an original)."
            case .crossedOver(let payer):
                "The previous payer forwarded this claim to \(payer) (crossover, 835 CLP02 19–21): do not bill \(payer); "
                    + "its 835 will post here."
            }
        }
    }
}

extension Claim.AdjudicationContext {
    /// The context for posting a remittance to `claim`, from the practice (appeal window, contracted rates)
    /// and the patient (the next payer in order on the first date of service).
    public init(denialID: DenialID, claim: Claim.State, practice: Practice.State, patient: Patient.State) {
        let firstDay = claim.firstDateOfService
        var expected: [LineID: Money] = [:]
        if let payer = claim.payerID {
            for line in claim.lines {
                expected[line.lineID] = practice.expectedAllowed(payer: payer, code: line.code, on: line.dateOfService)
            }
        }
        let rule = claim.payerID.flatMap { payer in firstDay.flatMap { practice.rule(payer: payer, on: $0) } }
        // The payer's place in the patient's order on the date of service (the claim's own for a claim created before
        // it recorded one), and the payer after it.
        let current = firstDay.flatMap { day in claim.payerID.flatMap { patient.coverage(payer: $0, on: day)?.order } }
        let next = firstDay.flatMap { patient.coverage(after: max(current ?? claim.payerOrder, claim.payerOrder), on: $0) }
        self.init(
            denialID: denialID, appealDays: rule?.appealDays ?? 180, nextPayer: next?.payerID, nextPayerOrder: next?.order,
            expectedAllowed: expected)
    }
}

extension Claim.Command {
    /// The business date the command carries.
    public var date: LocalDate {
        switch self {
        case .create(_, _, _, _, _, _, let on, _), .scrub(_, let on), .submit(let on), .acknowledge(_, let on),
            .reject(_, _, _, let on), .adjudicate(_, _, let on, _), .reverseAdjudication(_, let on, _),
            .assignDenial(_, _, _, let on), .appeal(_, _, let on), .correct(_, _, let on, _), .void(_, let on, _),
            .writeOff(_, _, _, _, let on, _), .transferToPatient(_, _, let on, _), .applyPatientPayment(_, _, let on, _),
            .refundPatient(_, _, let on, _), .close(let on), .reopen(_, let on):
            on
        }
    }
}
