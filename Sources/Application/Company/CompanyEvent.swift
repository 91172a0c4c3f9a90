import Billing

// The company's events and the profiles they carry are declared in Billing (docs/decisions/0102); these
// names keep Application's API for its callers, which need not import Billing.

/// Facts of the billing company's own tenant (`Billing.CompanyEvent`).
public typealias CompanyEvent = Billing.CompanyEvent
/// A client practice as the billing company knows it (`Billing.PracticeProfile`).
public typealias PracticeProfile = Billing.PracticeProfile
/// A payer in the company's catalog (`Billing.PayerProfile`).
public typealias PayerProfile = Billing.PayerProfile
/// Who sends our 837Ps (`Billing.SubmitterProfile`).
public typealias SubmitterProfile = Billing.SubmitterProfile
