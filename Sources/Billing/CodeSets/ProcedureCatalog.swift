/// The behavioral-health CPT and HCPCS codes we bill, with time bands, unit caps and pairings.
public enum ProcedureCatalog {
    /// Every E/M office visit code (new and established patient).
    public static let evaluationAndManagementCodes: Set<String> = [
        "99201", "99202", "99203", "99204", "99205", "99211", "99212", "99213", "99214", "99215",
    ]

    /// Codes +90785 may accompany.
    public static let interactiveComplexityPrimaries: Set<String> = [
        "90791", "90792", "90832", "90833", "90834", "90836", "90837", "90838", "90853",
    ]

    /// Collaborative care minutes (CPT time rule, CMS MLN909432): the base code's threshold and the minutes it
    /// covers before +99494 can be added (99492: 36 of 70; 99493: 31 of 60).
    public static let collaborativeCareMinutes: [String: (threshold: Int, covers: Int)] = [
        "99492": (36, 70), "99493": (31, 60),
    ]

    /// Digital mental health treatment device codes, never billed with a telehealth place of service.
    public static let digitalMentalHealthCodes: Set<String> = ["G0552", "G0553", "G0554"]

    /// All definitions, by code.
    public static let definitions: [String: ProcedureDefinition] = {
        var list: [ProcedureDefinition] = [
            .init("90791", "Diagnostic evaluation", .diagnosticEvaluation, maxUnitsPerDay: 1),
            .init("90792", "Diagnostic evaluation with medical services", .diagnosticEvaluation, maxUnitsPerDay: 1),
            .init("90832", "Psychotherapy, about 30 minutes", .psychotherapy, minutes: 16...37, maxUnitsPerDay: 1),
            .init("90834", "Psychotherapy, about 45 minutes", .psychotherapy, minutes: 38...52, maxUnitsPerDay: 1),
            .init("90837", "Psychotherapy, about 60 minutes", .psychotherapy, minutes: 53...600, maxUnitsPerDay: 1),
            .init(
                "90833", "Psychotherapy add-on with E/M, about 30 minutes", .psychotherapyAddOn,
                minutes: 16...37, primaries: evaluationAndManagementCodes, maxUnitsPerDay: 1),
            .init(
                "90836", "Psychotherapy add-on with E/M, about 45 minutes", .psychotherapyAddOn,
                minutes: 38...52, primaries: evaluationAndManagementCodes, maxUnitsPerDay: 1),
            .init(
                "90838", "Psychotherapy add-on with E/M, about 60 minutes", .psychotherapyAddOn,
                minutes: 53...600, primaries: evaluationAndManagementCodes, maxUnitsPerDay: 1),
            .init("90839", "Crisis psychotherapy, first 60 minutes", .crisis, minutes: 30...600, maxUnitsPerDay: 1),
            .init(
                "90840", "Crisis psychotherapy, each further 30 minutes", .crisisAddOn,
                minutes: 75...600, primaries: ["90839"]),
            .init("90846", "Family therapy without the patient", .family, minutes: 26...600, maxUnitsPerDay: 1),
            .init("90847", "Family therapy with the patient", .family, minutes: 26...600, maxUnitsPerDay: 1),
            .init("90849", "Multiple-family group therapy", .family, maxUnitsPerDay: 1),
            .init("90853", "Group psychotherapy", .group, maxUnitsPerDay: 1),
            .init(
                "90785", "Interactive complexity", .interactiveComplexity,
                primaries: interactiveComplexityPrimaries, maxUnitsPerDay: 1),
            .init("96127", "Brief emotional or behavioral instrument", .testing, maxUnitsPerDay: 4),
            .init(
                "96130", "Psychological testing evaluation, first hour", .testing, minutes: 31...600,
                maxUnitsPerDay: 1, usuallyNeedsAuthorization: true),
            .init(
                "96131", "Psychological testing evaluation, each further hour", .testingAddOn,
                primaries: ["96130"], usuallyNeedsAuthorization: true),
            .init(
                "96132", "Neuropsychological testing evaluation, first hour", .testing, minutes: 31...600,
                maxUnitsPerDay: 1, usuallyNeedsAuthorization: true),
            .init(
                "96133", "Neuropsychological testing evaluation, each further hour", .testingAddOn,
                primaries: ["96132"], usuallyNeedsAuthorization: true),
            .init(
                "96136", "Test administration by clinician, first 30 minutes", .testing, minutes: 16...600,
                maxUnitsPerDay: 1, usuallyNeedsAuthorization: true),
            .init(
                "96137", "Test administration by clinician, each further 30 minutes", .testingAddOn,
                primaries: ["96136"], usuallyNeedsAuthorization: true),
            .init(
                "96138", "Test administration by technician, first 30 minutes", .testing, minutes: 16...600,
                maxUnitsPerDay: 1, usuallyNeedsAuthorization: true),
            .init(
                "96139", "Test administration by technician, each further 30 minutes", .testingAddOn,
                primaries: ["96138"], usuallyNeedsAuthorization: true),
            .init("96146", "Single automated instrument", .testing, maxUnitsPerDay: 1),
            .init(
                "99492", "Psychiatric collaborative care, first month, first 70 minutes", .collaborativeCare,
                maxUnitsPerDay: 1),
            .init(
                "99493", "Psychiatric collaborative care, later month, first 60 minutes", .collaborativeCare,
                maxUnitsPerDay: 1),
            .init(
                "99494", "Psychiatric collaborative care, each further 30 minutes in the month",
                .collaborativeCareAddOn, primaries: ["99492", "99493"]),
            .init(
                "G0552", "Digital mental health treatment device, supply and onboarding", .digitalMentalHealth,
                maxUnitsPerDay: 1, effective: .since("2025-01-01")),
            .init(
                "G0553", "Digital mental health treatment management, first 20 minutes in the month",
                .digitalMentalHealth, maxUnitsPerDay: 1, effective: .since("2025-01-01")),
            .init(
                "G0554", "Digital mental health treatment management, each further 20 minutes",
                .digitalMentalHealth, primaries: ["G0553"], effective: .since("2025-01-01")),
            .init(
                "99201", "Office visit, new patient, level 1 (deleted 2021)", .evaluationAndManagement,
                effective: .since("2000-01-01", through: "2020-12-31")),
        ]
        let evaluationAndManagement: [(String, String)] = [
            ("99202", "new patient, straightforward"), ("99203", "new patient, low complexity"),
            ("99204", "new patient, moderate complexity"), ("99205", "new patient, high complexity"),
            ("99211", "established patient, minimal"), ("99212", "established patient, straightforward"),
            ("99213", "established patient, low complexity"), ("99214", "established patient, moderate complexity"),
            ("99215", "established patient, high complexity"),
        ]
        list += evaluationAndManagement.map { .init($0.0, "Office visit, \($0.1)", .evaluationAndManagement) }
        let hcpcs: [(String, String, Bool, Int?)] = [
            ("H0001", "Alcohol and drug assessment", true, 1), ("H0002", "Brief behavioral-health screening", false, 1),
            ("H0004", "Behavioral-health counseling, per 15 minutes", false, 24),
            ("H0005", "Alcohol and drug group counseling", true, nil),
            ("H0015", "Alcohol and drug intensive outpatient", true, 1),
            ("H0020", "Methadone administration", true, 1),
            ("H0031", "Mental-health assessment by a non-physician", false, 1),
            ("H0032", "Service plan development", false, 1),
            ("H0035", "Partial hospitalization", false, 1),
            ("H0036", "Community psychiatric support, per 15 minutes", false, 24),
            ("H0038", "Peer support, per 15 minutes", false, 24),
            ("H0039", "Assertive community treatment, per 15 minutes", false, 24),
            ("H2011", "Crisis intervention, per 15 minutes", false, 24), ("H2012", "Day treatment, per hour", false, 8),
            ("H2014", "Skills training, per 15 minutes", false, 24),
            ("H2015", "Community support, per 15 minutes", false, 24),
            ("H2017", "Psychosocial rehabilitation, per 15 minutes", false, 24),
            ("H2019", "Therapeutic behavioral services, per 15 minutes", false, 24),
            ("H2020", "Therapeutic behavioral services, per diem", false, 1),
            ("T1015", "Clinic all-inclusive visit", false, 1),
            ("T1017", "Targeted case management, per 15 minutes", false, 24),
        ]
        list += hcpcs.map { .init($0.0, $0.1, .hcpcsService, maxUnitsPerDay: $0.3, substanceUse: $0.2) }
        return Dictionary(uniqueKeysWithValues: list.map { ($0.code, $0) })
    }()

    /// The definition of `code`, if we bill it.
    public static func definition(_ code: String) -> ProcedureDefinition? { definitions[code] }
}
