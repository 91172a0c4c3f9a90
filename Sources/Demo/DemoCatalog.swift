import Application
import Billing
import Foundation

/// The fixed ingredients of the demo: payers, fees, practice archetypes and obviously fictional names.
public enum DemoCatalog {
    /// The payer catalog: two commercial plans, Medicare, a Medicaid managed-care plan, an EAP and a
    /// behavioral-health carve-out. All names are invented.
    public static let payers: [PayerProfile] = [
        PayerProfile(payerID: "demo-bluegrass", name: "Bluegrass Mutual Health (demo)", x12PayerID: "DEMO01", kind: "commercial", filingIndicator: "CI"),
        PayerProfile(payerID: "demo-prairie", name: "Prairie Shield Insurance (demo)", x12PayerID: "DEMO02", kind: "commercial", filingIndicator: "CI"),
        PayerProfile(payerID: "demo-medicare", name: "Medicare Part B, Demo Region MAC", x12PayerID: "DEMO03", kind: "medicare", filingIndicator: "MB"),
        PayerProfile(payerID: "demo-riverbend-mco", name: "Riverbend Medicaid Health Plan (demo)", x12PayerID: "DEMO04", kind: "medicaid-mco", filingIndicator: "HM"),
        PayerProfile(payerID: "demo-lantern-eap", name: "Lantern Employee Assistance (demo)", x12PayerID: "DEMO05", kind: "eap", filingIndicator: "CI"),
        PayerProfile(payerID: "demo-keystone-bh", name: "Keystone Behavioral Carve-Out (demo)", x12PayerID: "DEMO06", kind: "carve-out", filingIndicator: "CI"),
    ]

    static let commercial = PayerID("demo-bluegrass")
    static let commercial2 = PayerID("demo-prairie")
    static let medicare = PayerID("demo-medicare")
    static let medicaid = PayerID("demo-riverbend-mco")
    static let eap = PayerID("demo-lantern-eap")
    static let carveOut = PayerID("demo-keystone-bh")

    /// What the demo practices charge, by code.
    public static let fees: [String: Int64] = [
        "90791": 200_00, "90832": 95_00, "90834": 130_00, "90837": 175_00, "90847": 150_00, "90853": 65_00,
        "99214": 165_00, "90833": 90_00, "90785": 30_00, "90839": 230_00, "90840": 110_00, "96130": 210_00,
        "96131": 170_00,
    ]

    /// The codes every payer has a contracted rate for.
    static let codes = fees.keys.sorted()

    /// The payer rule and the share of the fee the payer contracts at.
    static func rule(for payer: PayerID, from date: LocalDate) -> (PayerRule, percent: Int) {
        let testing: Set<String> = ["96130", "96131"]
        switch payer {
        case commercial:
            return (PayerRule(effectiveFrom: date, timelyFilingDays: 90, authorizationRequired: true, authorizationCodes: testing), 80)
        case commercial2: return (PayerRule(effectiveFrom: date, timelyFilingDays: 180), 78)
        case medicare: return (PayerRule(effectiveFrom: date, timelyFilingDays: 365, audioOnlyAllowed: true), 62)
        case medicaid: return (PayerRule(effectiveFrom: date, timelyFilingDays: 90, authorizationRequired: true), 55)
        case eap: return (PayerRule(effectiveFrom: date, timelyFilingDays: 90, authorizationRequired: true), 85)
        default:
            return (
                PayerRule(
                    effectiveFrom: date, timelyFilingDays: 90, authorizationRequired: true, authorizationCodes: testing,
                    telehealthModifiers: ["95", "GT"], behavioralCarveOut: true), 75
            )
        }
    }

    /// First names of demo patients: ordinary names, paired below with unmistakably fictional surnames.
    static let firstNames = [
        "Ada", "Basil", "Clementine", "Dorian", "Eloise", "Fitz", "Greta", "Hollis", "Ines", "Jasper", "Kit", "Lorna",
        "Milo", "Nell", "Otto", "Pippa", "Quill", "Rosalind", "Silas", "Tamsin", "Ulric", "Vida", "Wren", "Xavi",
        "Yara", "Zeb", "Arlo", "Bea", "Cosmo", "Delphine", "Enzo", "Flora", "Gus", "Hazel", "Ivo", "Juno",
    ]

    /// Surnames no real person is likely to carry: every one says "demo".
    static let lastNames = [
        "Demoford", "Samplewood", "Testacre", "Mockridge", "Fauxley", "Dummington", "Placeholt", "Fictionby",
        "Pretendale", "Stubbsworth", "Fixturelane", "Notarealman", "Exampleton", "Sandboxer", "Loremhart",
        "Ipsumford", "Hypothetica", "Madeupsky", "Imaginova", "Specimenov",
    ]

    /// Street names for demo addresses (in the fictional town of Demoville).
    static let streets = ["Nowhere Demo St", "Sample Ave", "Fixture Ct", "Placeholder Rd", "Mock Orange Ln", "Testbed Way"]

    /// Diagnoses adults are seen for, weighted.
    static let adultDiagnoses: [(String, Int)] = [
        ("F41.1", 22), ("F33.1", 16), ("F32.1", 12), ("F43.23", 14), ("F43.10", 8), ("F42.2", 4), ("F31.81", 3),
        ("F40.10", 5), ("F43.22", 6), ("F34.1", 4), ("F60.3", 2), ("F50.2", 2), ("F33.0", 2),
    ]
    /// Diagnoses children are seen for.
    static let childDiagnoses: [(String, Int)] = [("F90.0", 10), ("F90.2", 6), ("F41.1", 6), ("F93.0", 4), ("F91.3", 3), ("F84.0", 2)]
    /// Diagnoses of couples and family work.
    static let familyDiagnoses: [(String, Int)] = [("F43.23", 10), ("F43.22", 5), ("F41.1", 4), ("Z63.0", 3)]
}

/// The kinds of practice the demo builds; extra tenants repeat them in this order.
public enum DemoArchetype: String, Sendable, CaseIterable, Codable {
    /// One licensed therapist in private practice.
    case solo
    /// A group practice: psychologist, psychiatrist, licensed therapists and supervised pre-licensed associates.
    case group
    /// A telehealth-only group: therapists and a psychiatric nurse practitioner seeing clients at home.
    case telehealth

    /// The share of the sessions a practice of this kind gets.
    var weight: Int {
        switch self {
        case .solo: 15
        case .group: 50
        case .telehealth: 35
        }
    }

    /// Payers the practice is enrolled with, weighted by how many of its insured clients they cover.
    var payerMix: [(PayerID, Int)] {
        switch self {
        case .solo: [(DemoCatalog.commercial, 40), (DemoCatalog.commercial2, 15), (DemoCatalog.carveOut, 25), (DemoCatalog.eap, 20)]
        case .group:
            [
                (DemoCatalog.commercial, 28), (DemoCatalog.commercial2, 12), (DemoCatalog.medicare, 15),
                (DemoCatalog.medicaid, 30), (DemoCatalog.carveOut, 15),
            ]
        case .telehealth:
            [
                (DemoCatalog.commercial, 30), (DemoCatalog.commercial2, 15), (DemoCatalog.medicaid, 20),
                (DemoCatalog.carveOut, 15), (DemoCatalog.eap, 10), (DemoCatalog.medicare, 10),
            ]
        }
    }

    /// Share (percent) of clients paying themselves, and of out-of-network clients.
    var selfPayPercent: Int { self == .group ? 5 : 10 }
    /// Share (percent) of out-of-network clients (who pay and receive superbills).
    var outOfNetworkPercent: Int { self == .group ? 4 : 10 }
    /// Share (percent) of sessions by telehealth.
    var telehealthPercent: Int {
        switch self {
        case .solo: 30
        case .group: 20
        case .telehealth: 100
        }
    }

    var timeZone: String {
        switch self {
        case .solo: "America/Chicago"
        case .group: "America/New_York"
        case .telehealth: "America/Denver"
        }
    }

    var displayName: String {
        switch self {
        case .solo: "Willowbrook Demo Counseling"
        case .group: "Maple Grove Demo Behavioral Group"
        case .telehealth: "Brightline Demo Telehealth Therapy"
        }
    }
}
