import Billing
import EventStore
import Foundation

/// A practice's enrolment with a catalog payer: providers, contract rules and rates.
public struct EnrolmentRequest: Sendable {
    /// The practice's slug or id.
    public var tenant: String
    /// The payer's id in the catalog.
    public var payer: String
    /// Providers enrolled with it.
    public var providers: Set<ProviderID>
    /// Days to file a claim.
    public var timelyFilingDays: Int
    /// Days to appeal a denial.
    public var appealDays: Int
    /// Days to correct a claim.
    public var correctedClaimDays: Int
    /// Authorization required for outpatient psychotherapy.
    public var authorizationRequired: Bool
    /// Telehealth places of service.
    public var telehealthPlaces: Set<String>
    /// Telehealth modifiers.
    public var telehealthModifiers: Set<String>
    /// The payer administers only the behavioral benefit.
    public var behavioralCarveOut: Bool
    /// Contracted allowed amounts by code (effective from January 1 of the enrolment's year).
    public var rates: [(code: String, amount: Money)]

    /// A request.
    public init(
        tenant: String, payer: String, providers: Set<ProviderID>, timelyFilingDays: Int, appealDays: Int, correctedClaimDays: Int,
        authorizationRequired: Bool, telehealthPlaces: Set<String>, telehealthModifiers: Set<String>, behavioralCarveOut: Bool,
        rates: [(code: String, amount: Money)]
    ) {
        self.tenant = tenant
        self.payer = payer
        self.providers = providers
        self.timelyFilingDays = timelyFilingDays
        self.appealDays = appealDays
        self.correctedClaimDays = correctedClaimDays
        self.authorizationRequired = authorizationRequired
        self.telehealthPlaces = telehealthPlaces
        self.telehealthModifiers = telehealthModifiers
        self.behavioralCarveOut = behavioralCarveOut
        self.rates = rates
    }
}

extension RevenueCycle {
    /// Adds a provider to a practice and records their name in its directory.
    public func addProvider(_ provider: Provider, profile: ProviderProfile, tenant: String) async throws {
        try await inTenant(tenant) { tx, context in try PracticeService().addProvider(provider, profile: profile, context: context, in: tx) }
    }

    /// Enrols a practice with a catalog payer.
    public func enroll(_ request: EnrolmentRequest) async throws {
        try await inTenant(request.tenant) { tx, context in
            let company = try CompanyService().state(in: tx)
            guard let profile = company.payers[request.payer] else {
                throw CommandRejected("payer \(request.payer) is not in the catalog; rcm payer add it first")
            }
            let yearStart = LocalDate(year: context.today.year, month: 1, day: 1)!
            let rates = request.rates.map { RateEntry(code: $0.code, amount: $0.amount, effectiveFrom: yearStart) }
            let rule = PayerRule(
                effectiveFrom: yearStart, timelyFilingDays: request.timelyFilingDays, authorizationRequired: request.authorizationRequired,
                telehealthPlaces: request.telehealthPlaces, telehealthModifiers: request.telehealthModifiers,
                correctedClaimDays: request.correctedClaimDays, appealDays: request.appealDays, behavioralCarveOut: request.behavioralCarveOut)
            try PracticeService().enroll(payer: profile, providers: request.providers, rule: rule, rates: rates, context: context, in: tx)
        }
    }
}
