extension RemittanceEvent {
    /// Version 1 to 2: snake_case keys to camelCase, `""` to absent, BPR16 `CCYYMMDD` to a `LocalDate`.
    public static let upcasters: [Upcaster] = [
        .typed("remittance.received", from: 1, reading: ReceivedV1.self) { old in
            Received(
                payerID: PayerID(old.payerID), traceNumber: old.traceNumber, amount: old.amount,
                paymentDate: try old.paymentDate.nonEmpty.map(x12Date), transactionControlNumber: old.transactionControlNumber,
                fileSHA256: old.fileSHA256, balanced: old.balanced, claims: old.claims)
        },
        .typed("remittance.unapplied", from: 1, reading: UnappliedV1.self) { old in
            Unapplied(
                patientControlNumber: old.patientControlNumber, statusCode: old.statusCode,
                payerClaimNumber: old.payerClaimNumber.nonEmpty, lineControlNumber: old.lineControlNumber.nonEmpty,
                procedureCode: old.procedureCode.nonEmpty, charge: old.charge, paid: old.paid, reason: old.reason)
        },
        .typed("remittance.provider_adjustment", from: 1, reading: ProviderAdjustmentV1.self) { old in
            guard let kind = ProviderAdjustmentKind(rawValue: old.kind) else {
                throw EventCodecError("remittance.provider_adjustment v1 has an unknown kind")
            }
            let claimNumber = try old.claimNumber.nonEmpty.map { text in
                guard let number = ClaimNumber(text) else {
                    throw EventCodecError("remittance.provider_adjustment v1 has an invalid claim number")
                }
                return number
            }
            return ProviderAdjustment(
                providerID: old.providerID, fiscalPeriodDate: old.fiscalPeriodDate, reason: old.reason,
                reference: old.reference.nonEmpty, amount: old.amount, kind: kind, claimNumber: claimNumber)
        },
    ]

    /// BPR16 as version 1 stored it (`CCYYMMDD`).
    static func x12Date(_ text: String) throws -> LocalDate {
        let digits = Array(text.utf8)
        guard digits.count == 8, digits.allSatisfy({ (48...57).contains($0) }),
            let year = Int(text.prefix(4)), let month = Int(text.dropFirst(4).prefix(2)), let day = Int(text.suffix(2)),
            let date = LocalDate(year: year, month: month, day: day)
        else { throw EventCodecError("remittance.received v1 has a payment date that is not CCYYMMDD") }
        return date
    }

    /// `remittance.received` version 1, as `RemittanceImportService` wrote it with `JSONSerialization`.
    struct ReceivedV1: Decodable {
        var payerID: String
        var traceNumber: String
        var amount: Money
        var paymentDate: String
        var transactionControlNumber: String
        var fileSHA256: String
        var balanced: Bool
        var claims: Int

        enum CodingKeys: String, CodingKey {
            case payerID = "payer_id"
            case traceNumber = "trace_number"
            case amount
            case paymentDate = "payment_date"
            case transactionControlNumber = "transaction_control_number"
            case fileSHA256 = "file_sha256"
            case balanced
            case claims
        }
    }

    /// `remittance.unapplied` version 1 (`""` for an absent CLP07, REF*6R or procedure code).
    struct UnappliedV1: Decodable {
        var patientControlNumber: String
        var statusCode: String
        var payerClaimNumber: String
        var lineControlNumber: String
        var procedureCode: String
        var charge: Money
        var paid: Money
        var reason: String

        enum CodingKeys: String, CodingKey {
            case patientControlNumber = "patient_control_number"
            case statusCode = "status_code"
            case payerClaimNumber = "payer_claim_number"
            case lineControlNumber = "line_control_number"
            case procedureCode = "procedure_code"
            case charge
            case paid
            case reason
        }
    }

    /// `remittance.provider_adjustment` version 1 (`""` for an absent reference or claim number).
    struct ProviderAdjustmentV1: Decodable {
        var providerID: String
        var reason: String
        var reference: String
        var amount: Money
        var kind: String
        var claimNumber: String
        var fiscalPeriodDate: LocalDate

        enum CodingKeys: String, CodingKey {
            case providerID = "provider_id"
            case reason
            case reference
            case amount
            case kind
            case claimNumber = "claim_number"
            case fiscalPeriodDate = "fiscal_period_date"
        }
    }
}
