import Billing
import EventStore
import Foundation

/// Patient payments at the front desk or by mail: recorded on the patient account and, when a claim is
/// named, applied to that claim's patient balance, in one transaction.
public struct PatientPaymentService: Sendable {
    let repository = AggregateRepository()
    let claims = ClaimService()

    /// A service.
    public init() {}

    /// A new payment id.
    public static func newPaymentID() -> PaymentID {
        PaymentID("pay-" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16))
    }

    /// Posts a payment; returns the account's balance after it. Rejects an unknown patient, a non-positive
    /// amount, a claim of another patient and more than the claim's patient balance.
    @discardableResult
    public func post(
        patient key: PatientKey, amount: Money, method: PaymentMethod, claim claimID: ClaimID? = nil, paymentID: PaymentID = newPaymentID(),
        context: CommandContext, in tx: any StoreTransaction
    ) throws -> PatientAccount.State {
        guard amount > .zero else { throw CommandRejected("the amount must be more than zero") }
        let patient = try repository.load(Patient.self, stream: Patient.streamID(key), tenant: context.tenant.id, in: tx)
        guard patient.version > 0 else { throw CommandRejected("there is no patient \(key) in \(context.tenant.slug)") }
        let period = try PracticeService().state(context, in: tx).postingPeriod(for: context.today)
        if let claimID {
            let claim = try claims.state(claimID, context: context, in: tx)
            guard claim.patientKey == key else { throw CommandRejected("claim \(claimID) is not a claim of \(key)") }
            try claims.run(
                claimID, .applyPatientPayment(paymentID, amount: amount, on: context.today, period: period), patient: key, on: context.today,
                context: context, in: tx)
        }
        return try repository.execute(
            PatientAccount.self, stream: PatientAccount.streamID(key),
            command: .receivePayment(paymentID, amount: amount, method: method, on: context.today, period: period), effectiveDate: context.today,
            context: context, in: tx
        ).state
    }

    /// Writes off what a claim's patient-side write-off took off the claim from the patient's account too, so that
    /// statements stop asking for it: at most what the account still owes (a payment on account not applied to the
    /// claim may have paid part of it already); nothing when it owes nothing.
    func writeOffAccount(
        patient key: PatientKey, amount: Money, reason: WriteOffReason, period: AccountingPeriod, context: CommandContext,
        in tx: any StoreTransaction
    ) throws {
        let account = try repository.load(PatientAccount.self, stream: PatientAccount.streamID(key), tenant: context.tenant.id, in: tx)
        let owed = min(amount, account.state.balance)
        guard account.version > 0, owed > .zero else { return }
        try repository.execute(
            PatientAccount.self, stream: PatientAccount.streamID(key), command: .writeOff(amount: owed, reason: reason, on: context.today, period: period),
            effectiveDate: context.today, context: context, in: tx)
    }

    /// The account's state; throws when the patient has none.
    public func account(_ key: PatientKey, context: CommandContext, in tx: any StoreTransaction) throws -> PatientAccount.State {
        let loaded = try repository.load(PatientAccount.self, stream: PatientAccount.streamID(key), tenant: context.tenant.id, in: tx)
        guard loaded.version > 0 else { throw CommandRejected("there is no patient \(key) in \(context.tenant.slug)") }
        return loaded.state
    }
}
