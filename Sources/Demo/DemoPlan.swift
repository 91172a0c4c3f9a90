import Application
import Billing
import BillingX12
import Foundation

/// How much the demo builds: the total number of sessions over the year, across all practices.
public enum DemoScale: String, Sendable, CaseIterable, Codable {
    /// About 1,500 sessions: tests and a quick look.
    case small
    /// About 40,000 sessions: the demo.
    case medium
    /// About 200,000 sessions: load tests.
    case large
    /// About 1,150,000 sessions (about a million claims): the benchmark's full scale.
    case huge

    /// The target number of sessions.
    public var sessions: Int {
        switch self {
        case .small: 1_500
        case .medium: 40_000
        case .large: 200_000
        case .huge: 1_150_000
        }
    }
}

/// What to seed.
public struct DemoOptions: Sendable, Equatable {
    /// The seed: the same seed builds the same business data.
    public var seed: UInt64
    /// The volume.
    public var scale: DemoScale
    /// Number of practices (at least 3): solo, group, telehealth, then the same mix again.
    public var tenants: Int
    /// The first day of the twelve months of sessions.
    public var start: LocalDate
    /// Prefix of the practices' slugs (`demo-solo`, `demo-group`, …).
    public var slugPrefix: String
    /// A staff login to create (idempotently) and assign to the practices; nil for none.
    public var staffLogin: String?
    /// Whether the front desk checks eligibility: a 270 for each day's new patients before their first session and
    /// one for each month's scheduled patients, answered by the payer simulator (`DemoEligibilityDesk`), carve-outs
    /// routed and billed to the carve-out payer. Off, claims go to the card's payer as planned (the benchmarks).
    public var checksEligibility: Bool
    /// At most this many sessions per patient (nil: as the patient's track plans them). The 271 benchmark's roster
    /// (`eligibility-load`) uses 1: many patients, each with a claim, for a fraction of the full claims load.
    public var maxSessionsPerPatient: Int?

    /// Options; the defaults build the small demo starting 2025-12-01.
    public init(
        seed: UInt64 = 1, scale: DemoScale = .small, tenants: Int = 3, start: LocalDate = LocalDate(year: 2025, month: 12, day: 1)!,
        slugPrefix: String = "demo", staffLogin: String? = "rcm_demo_staff", checksEligibility: Bool = false, maxSessionsPerPatient: Int? = nil
    ) {
        self.seed = seed
        self.scale = scale
        self.tenants = max(1, tenants)
        self.start = start
        self.slugPrefix = slugPrefix
        self.staffLogin = staffLogin
        self.checksEligibility = checksEligibility
        self.maxSessionsPerPatient = maxSessionsPerPatient.map { max(1, $0) }
    }

    /// The last day of the twelve months.
    public var end: LocalDate { start.adding(days: 364) }
}

/// One planned session: the EHR's record and what happens to it.
public struct PlannedSession: Sendable, Hashable {
    /// The session as logged.
    public var record: SessionRecord
    /// The payer its claim goes to (the primary), or nil for a self-pay session.
    public var payer: PayerID?
    /// The authorization number to put on the claim, when the payer requires one for its codes.
    public var authorization: String?
    /// The claim number, for insured sessions.
    public var claimNumber: ClaimNumber?
    /// For self-pay sessions: how the client paid at the visit (nil: left a balance).
    public var paidWith: PaymentMethod?
}

/// One planned patient: identity (fictional), coverages, authorizations and sessions.
public struct PlannedPatient: Sendable {
    /// The pseudonymous key.
    public var key: PatientKey
    /// The fictional identity that goes to the PHI store.
    public var identity: PatientIdentity
    /// Self-pay or out-of-network.
    public var selfPay: Bool
    /// Out of network (pays and gets superbills) rather than uninsured.
    public var outOfNetwork: Bool
    /// The day the patient is registered.
    public var registeredOn: LocalDate
    /// Coverages, primary first.
    public var coverages: [Coverage]
    /// The primary (commercial) plan carves the behavioral-health benefit out to the carve-out payer: its 271 says
    /// so (the payers' roster), and once routed the claims go to `DemoCatalog.carveOut`.
    public var carvedOut: Bool
    /// Authorizations.
    public var authorizations: [Authorization]
    /// The Good Faith Estimate given at registration (self-pay and out-of-network clients).
    public var estimate: [EstimateItem]
    /// Sessions in date order.
    public var sessions: [PlannedSession]
}

/// One planned practice.
public struct PlannedPractice: Sendable {
    /// Its kind.
    public var archetype: DemoArchetype
    /// The practice as onboarded (tenant id, slug, billing NPI, address).
    public var profile: PracticeProfile
    /// Providers and their names.
    public var providers: [(provider: Provider, profile: ProviderProfile)]
    /// Payers enrolled, with the providers credentialed with each.
    public var enrollments: [(payer: PayerID, providers: Set<ProviderID>)]
    /// Patients.
    public var patients: [PlannedPatient]

    /// Number of sessions planned.
    public var sessionCount: Int { patients.reduce(0) { $0 + $1.sessions.count } }
}

/// The whole demo, computed from the options alone (no database, no clock): the seeder writes it.
public struct DemoPlan: Sendable {
    /// The options it was made from.
    public var options: DemoOptions
    /// Practices in order.
    public var practices: [PlannedPractice]

    /// Sessions planned over all practices.
    public var sessionCount: Int { practices.reduce(0) { $0 + $1.sessionCount } }
    /// Patients planned over all practices.
    public var patientCount: Int { practices.reduce(0) { $0 + $1.patients.count } }

    /// What the simulated payers know of the plan's members: each insured patient's coverages answer active, except
    /// the primary of a carved-out plan, which names the carve-out payer.
    public var roster: EligibilityRoster {
        let x12IDs = Dictionary(uniqueKeysWithValues: DemoCatalog.payers.map { ($0.payerID, $0.x12PayerID) })
        var roster = EligibilityRoster()
        for patient in practices.flatMap(\.patients) where !patient.identity.memberID.isEmpty {
            for coverage in patient.coverages {
                guard let payer = x12IDs[coverage.payerID.rawValue] else { continue }
                let scenario: EligibilityScenario = patient.carvedOut && coverage.order == .primary ? .carveOut : .active
                roster.set(scenario, payerID: payer, memberID: patient.identity.memberID)
            }
        }
        return roster
    }

    /// Plans the demo.
    public static func make(_ options: DemoOptions) -> DemoPlan {
        var random = DemoRandom(seed: options.seed, stream: "plan")
        let archetypes = (0..<options.tenants).map { DemoArchetype.allCases[$0 % 3] }
        // Targets: share by weight; a solo therapist sees at most about 1,200 sessions a year.
        let totalWeight = archetypes.map(\.weight).reduce(0, +)
        var targets = archetypes.map { options.scale.sessions * $0.weight / totalWeight }
        let soloCap = 1_200
        var spare = 0
        for index in targets.indices where archetypes[index] == .solo && targets[index] > soloCap {
            spare += targets[index] - soloCap
            targets[index] = soloCap
        }
        let othersWeight = archetypes.filter { $0 != .solo }.map(\.weight).reduce(0, +)
        if spare > 0, othersWeight > 0 {
            for index in targets.indices where archetypes[index] != .solo { targets[index] += spare * archetypes[index].weight / othersWeight }
        }
        var usedNPIs = Set<String>()
        var practices: [PlannedPractice] = []
        for (index, archetype) in archetypes.enumerated() {
            var builder = PracticeBuilder(
                archetype: archetype, ordinal: index / 3 + 1, target: targets[index], options: options, random: random, usedNPIs: usedNPIs)
            practices.append(builder.build())
            random = builder.random
            usedNPIs = builder.usedNPIs
        }
        return DemoPlan(options: options, practices: practices)
    }
}

/// Builds one practice's plan.
struct PracticeBuilder {
    let archetype: DemoArchetype
    let ordinal: Int
    let target: Int
    let options: DemoOptions
    var random: DemoRandom
    var usedNPIs: Set<String>

    enum Track { case individual, family, group, medication, testing }

    mutating func npi(type: Int) -> String {
        while true {
            let candidate = random.npi(type: type)
            if usedNPIs.insert(candidate).inserted { return candidate }
        }
    }

    mutating func build() -> PracticePlanResult {
        let slug = ordinal == 1 ? "\(options.slugPrefix)-\(archetype.rawValue)" : "\(options.slugPrefix)-\(archetype.rawValue)-\(ordinal)"
        let tenantID = random.uuid()
        // Providers.
        var providers: [(Provider, ProviderProfile)] = []
        var number = 0
        func add(_ licence: LicenceLevel, _ taxonomy: String, _ credentials: String, supervisor: ProviderID? = nil, into list: inout [(Provider, ProviderProfile)], builder: inout PracticeBuilder) -> ProviderID {
            number += 1
            let id = ProviderID("\(credentials.lowercased())-\(number)")
            let first = builder.random.pick(["Avery", "Blair", "Casey", "Devon", "Emerson", "Finley", "Harper", "Jordan", "Morgan", "Quinn", "Reese", "Sage"])
            let last = builder.random.pick(["Demoworth", "Samplestone", "Trialsen", "Mockley", "Testmore", "Proxington", "Stagehand", "Drybrook"])
            list.append((Provider(id: id, npi: builder.npi(type: 1), taxonomy: taxonomy, licence: licence, supervisor: supervisor),
                         ProviderProfile(providerID: id.rawValue, firstName: first, lastName: last, credentials: credentials)))
            return id
        }
        var therapists: [ProviderID] = []
        var associates: [ProviderID] = []
        var prescribers: [ProviderID] = []
        var psychologists: [ProviderID] = []
        let therapistTitles = [("LCSW", "1041C0700X"), ("LPC", "101YP2500X"), ("LMFT", "106H00000X")]
        switch archetype {
        case .solo:
            therapists.append(add(.licensedTherapist, "1041C0700X", "LCSW", into: &providers, builder: &self))
        case .group:
            psychologists.append(add(.psychologist, "103T00000X", "PhD", into: &providers, builder: &self))
            prescribers.append(add(.physician, "2084P0800X", "MD", into: &providers, builder: &self))
            for i in 0..<max(2, target / 1_400) {
                let (title, taxonomy) = therapistTitles[i % 3]
                therapists.append(add(.licensedTherapist, taxonomy, title, into: &providers, builder: &self))
            }
            for i in 0..<max(2, target / 2_500) {
                let supervisor = i % 2 == 0 ? psychologists[0] : therapists[i % therapists.count]
                associates.append(add(.preLicensed, "101YM0800X", "Assoc", supervisor: supervisor, into: &providers, builder: &self))
            }
        case .telehealth:
            prescribers.append(add(.nursePractitioner, "363LP0808X", "PMHNP", into: &providers, builder: &self))
            for i in 0..<max(3, target / 1_200) {
                let (title, taxonomy) = therapistTitles[i % 3]
                therapists.append(add(.licensedTherapist, taxonomy, title, into: &providers, builder: &self))
            }
        }
        let billingNPI = archetype == .solo ? providers[0].0.npi : npi(type: 2)
        let profile = PracticeProfile(
            tenantID: tenantID.uuidString.lowercased(), slug: slug,
            name: archetype.displayName + (ordinal == 1 ? "" : " \(ordinal)"), timeZone: archetype.timeZone, npi: billingNPI,
            taxID: "84" + random.digits(7), taxonomy: archetype == .solo ? "1041C0700X" : "261QM0801X",
            street: "\(random.int(100...999)) Demo Plaza Suite \(random.int(1...40))", city: "Demoville", state: "IL",
            zip: "62701" + random.digits(4))
        let byID = Dictionary(uniqueKeysWithValues: providers.map { ($0.0.id, $0.0) })
        var enrollments: [(PayerID, Set<ProviderID>)] = []
        for (payer, _) in archetype.payerMix {
            let credentialed = Set(providers.map(\.0).filter { payer != DemoCatalog.medicare || !$0.licence.requiresSupervisor }.map(\.id))
            enrollments.append((payer, credentialed))
        }
        // Patients until the target is reached.
        var patients: [PlannedPatient] = []
        var planned = 0
        var rotation = 0
        while planned < target {
            rotation += 1
            let track: Track
            switch archetype {
            case .solo: track = random.weighted([(.individual, 85), (.family, 15)])
            case .group: track = random.weighted([(.individual, 58), (.family, 8), (.group, 12), (.medication, 17), (.testing, 5)])
            case .telehealth: track = random.weighted([(.individual, 75), (.family, 8), (.medication, 17)])
            }
            let pool: [ProviderID] =
                switch track {
                case .individual, .group: therapists + associates
                case .family: therapists
                case .medication: prescribers
                case .testing: psychologists
                }
            let rendering = pool[rotation % pool.count]
            let patient = makePatient(track: track, rendering: byID[rendering]!, remaining: target - planned)
            planned += patient.sessions.count
            patients.append(patient)
        }
        return PlannedPractice(
            archetype: archetype, profile: profile, providers: providers,
            enrollments: enrollments, patients: patients)
    }

    typealias PracticePlanResult = PlannedPractice

    mutating func makePatient(track: Track, rendering: Provider, remaining: Int) -> PlannedPatient {
        let start = options.start, end = options.end
        let key = PatientKey("pk-" + random.hex(16))
        // Who pays.
        let roll = random.int(0...99)
        let selfPay = roll < archetype.selfPayPercent + archetype.outOfNetworkPercent && track != .group
        let outOfNetwork = selfPay && roll >= archetype.selfPayPercent
        var payer: PayerID? = selfPay ? nil : random.weighted(archetype.payerMix)
        if payer == DemoCatalog.medicare && rendering.licence.requiresSupervisor { payer = DemoCatalog.commercial }
        let child = track == .individual && payer != DemoCatalog.medicare && random.chance(0.12)
        // Dates.
        let continuing = random.chance(0.25)
        var first = continuing ? start.adding(days: random.int(0...13)) : start.adding(days: random.int(0...330))
        while first.weekday >= 5 { first = first.adding(days: 1) }
        let (interval, count): (Int, Int) =
            switch track {
            case .individual:
                payer == DemoCatalog.eap ? (7, random.int(3...6)) : (random.chance(0.6) ? 7 : 14, random.weighted([(random.int(4...10), 3), (random.int(11...24), 5), (random.int(25...44), 2)]))
            case .family: (14, random.int(4...14))
            case .group: (7, random.int(6...24))
            case .medication: (28, random.int(3...12))
            case .testing: (7, 3)
            }
        var dates: [LocalDate] = []
        var day = first
        let wanted = min(count, max(1, remaining), options.maxSessionsPerPatient ?? Int.max)
        while dates.count < wanted && day <= end {
            if dates.isEmpty || !random.chance(0.08) { dates.append(day) }
            day = day.adding(days: interval)
        }
        let registeredOn = continuing ? start.adding(days: -random.int(20...200)) : first.adding(days: -random.int(1...10))
        // Identity: fictional.
        let age =
            child ? random.int(7...17) : payer == DemoCatalog.medicare ? random.int(66...86) : random.int(19...63)
        let birth = LocalDate(year: start.year - age, month: random.int(1...12), day: random.int(1...28))!
        let identity = PatientIdentity(
            firstName: random.pick(DemoCatalog.firstNames), lastName: random.pick(DemoCatalog.lastNames), dateOfBirth: birth,
            address: "\(random.int(10...9999)) \(random.pick(DemoCatalog.streets)), Demoville, IL 62701", phone: "217-555-01\(random.digits(2))",
            memberID: selfPay ? "" : "DEMO" + random.digits(9))
        // Diagnoses.
        var diagnoses: [ICD10Code] = []
        let principal: String =
            track == .family ? random.weighted(DemoCatalog.familyDiagnoses) : child ? random.weighted(DemoCatalog.childDiagnoses) : random.weighted(DemoCatalog.adultDiagnoses)
        diagnoses.append(ICD10Code(principal)!)
        if track == .family && principal != "Z63.0" && random.chance(0.5) { diagnoses.append(ICD10Code("Z63.0")!) }
        else if random.chance(0.3) {
            let second = random.weighted(DemoCatalog.adultDiagnoses)
            if second != principal { diagnoses.append(ICD10Code(second)!) }
        }
        // Sessions.
        var sessions: [PlannedSession] = []
        for (index, date) in dates.enumerated() {
            let intake = index == 0 && !continuing
            var lines: [(String, Int)] = []
            var minutes: Int
            var inPerson = false
            switch track {
            case _ where intake:
                lines = [("90791", 1)]
                minutes = random.int(55...75)
                if child { lines.append(("90785", 1)) }
            case .testing:
                if index == 1 {
                    let extra = random.int(1...3)
                    lines = [("96130", 1), ("96131", extra)]
                    minutes = 60 * (1 + extra) + random.int(0...20)
                    inPerson = true
                } else {
                    lines = [("90834", 1)]
                    minutes = random.int(40...50)
                }
            case .individual where random.chance(0.015), .family where random.chance(0.015):
                if random.chance(0.3) {
                    lines = [("90839", 1), ("90840", 1)]
                    minutes = random.int(80...100)
                } else {
                    lines = [("90839", 1)]
                    minutes = random.int(45...70)
                }
            case .individual:
                let code = random.weighted([("90837", 52), ("90834", 43), ("90832", 5)])
                lines = [(code, 1)]
                minutes = code == "90837" ? random.int(53...60) : code == "90834" ? random.int(40...50) : random.int(25...35)
                if child && random.chance(0.4) { lines.append(("90785", 1)) }
            case .family:
                lines = [("90847", 1)]
                minutes = random.int(50...60)
            case .group:
                lines = [("90853", 1)]
                minutes = random.int(60...90)
                inPerson = true
            case .medication:
                lines = [("99214", 1), ("90833", 1)]
                minutes = random.int(20...30)
            }
            let telehealth = !inPerson && random.int(0...99) < archetype.telehealthPercent
            let place = telehealth ? (random.chance(0.7) ? "10" : "02") : "11"
            let pointers = diagnoses.count > 1 ? [1, 2] : [1]
            let serviceLines = lines.map { code, units in
                ServiceLine(
                    code: code, modifiers: telehealth ? ["95"] : [], units: Quantity(units: units),
                    charge: Money(cents: DemoCatalog.fees[code]! * Int64(units)), diagnosisPointers: pointers)
            }
            let record = SessionRecord(
                sessionID: SessionID("s-" + random.hex(12)), patientKey: key, dateOfService: date, rendering: rendering.id,
                supervising: rendering.supervisor, placeOfService: place, telehealth: telehealth ? .audioVideo : nil, minutes: minutes,
                diagnoses: diagnoses, lines: serviceLines)
            var planned = PlannedSession(record: record, payer: payer, authorization: nil, claimNumber: nil, paidWith: nil)
            if payer != nil {
                planned.claimNumber = ClaimNumber("C" + random.hex(12).uppercased())
            } else if random.chance(outOfNetwork ? 0.95 : 0.8) {
                planned.paidWith = random.weighted([(.card, 6), (.hsa, outOfNetwork ? 2 : 0), (.cash, 1), (.check, 1)])
            }
            sessions.append(planned)
        }
        // Coverages and authorizations.
        var coverages: [Coverage] = []
        var authorizations: [Authorization] = []
        if let payer {
            let covered = EffectivePeriod(from: min(registeredOn, start).adding(days: -random.int(30...300)))
            let (copay, coinsurance, deductible): (Int64, Int, Int64) =
                switch payer {
                case DemoCatalog.medicare: (0, 20, 257_00)
                case DemoCatalog.medicaid, DemoCatalog.eap: (0, 0, 0)
                case DemoCatalog.carveOut: (30_00, 0, 500_00)
                default: (25_00, random.chance(0.3) ? 20 : 0, 1_000_00)
                }
            coverages.append(
                Coverage(
                    id: CoverageID("cov-\(key.rawValue.dropFirst(3))-1"), payerID: payer, order: .primary, copay: Money(cents: copay),
                    coinsurancePercent: coinsurance, deductible: Money(cents: deductible), effective: covered))
            // COB, the two common behavioral-health cases: dual eligibles (Medicare, then the Medicaid plan, which
            // Medicare crosses claims over to) and a commercial plan with the behavioral-health carve-out as secondary
            // (billed with its own 837P carrying the primary's adjudication).
            let secondary: PayerID? =
                switch payer {
                case DemoCatalog.medicare: random.chance(0.3) ? DemoCatalog.medicaid : nil
                case DemoCatalog.commercial, DemoCatalog.commercial2: random.chance(0.12) ? DemoCatalog.carveOut : nil
                default: nil
                }
            if let secondary {
                coverages.append(
                    Coverage(
                        id: CoverageID("cov-\(key.rawValue.dropFirst(3))-2"), payerID: secondary, order: .secondary,
                        copay: secondary == DemoCatalog.carveOut ? Money(cents: 10_00) : .zero, effective: covered))
            }
            let (rule, _) = DemoCatalog.rule(for: payer, from: start)
            if rule.authorizationRequired {
                let needing = sessions.filter { $0.record.lines.contains { rule.requiresAuthorization(for: $0.code) } }
                if let firstNeed = needing.first {
                    let units = needing.flatMap(\.record.lines).filter { rule.requiresAuthorization(for: $0.code) }.reduce(Quantity.zero) { $0 + $1.units }
                    let prefix = payer == DemoCatalog.medicaid ? "RMC" : payer == DemoCatalog.eap ? "LEAP" : "PT"
                    let number = prefix + random.digits(8)
                    let window = EffectivePeriod(from: firstNeed.record.dateOfService.adding(days: -7), through: end.adding(days: 30))
                    authorizations.append(
                        Authorization(number: number, payerID: payer, codes: rule.authorizationCodes, units: units + Quantity(units: 4), window: window))
                    for index in sessions.indices where sessions[index].record.lines.contains(where: { rule.requiresAuthorization(for: $0.code) }) {
                        sessions[index].authorization = number
                    }
                }
            }
        }
        // A Good Faith Estimate for clients who pay themselves: the intake and about twelve sessions.
        var estimate: [EstimateItem] = []
        if selfPay {
            let main = sessions.last?.record.lines.first?.code ?? "90834"
            if !continuing { estimate.append(EstimateItem(code: "90791", quantity: 1, unitCharge: Money(cents: DemoCatalog.fees["90791"]!))) }
            if main != "90791" { estimate.append(EstimateItem(code: main, quantity: 12, unitCharge: Money(cents: DemoCatalog.fees[main]!))) }
        }
        // A commercial plan without a secondary that carves behavioral health out (psychotherapy patients only: no
        // testing or medication visits, whose codes and authorizations stay with the card's payer). Its own draw, so
        // the rest of the plan is the same with or without it.
        var carveOutDraw = DemoRandom(seed: options.seed, stream: "carve-out|\(key.rawValue)")
        let carvedOut =
            (payer == DemoCatalog.commercial || payer == DemoCatalog.commercial2) && coverages.count == 1 && authorizations.isEmpty
            && [Track.individual, .family, .group].contains(track) && carveOutDraw.chance(0.15)
        return PlannedPatient(
            key: key, identity: identity, selfPay: selfPay, outOfNetwork: outOfNetwork, registeredOn: registeredOn, coverages: coverages,
            carvedOut: carvedOut, authorizations: authorizations, estimate: estimate, sessions: sessions)
    }
}

extension LocalDate {
    /// 0 Monday … 6 Sunday.
    var weekday: Int {
        // 1970-01-01 was a Thursday (3).
        ((daysSinceEpoch % 7) + 7 + 3) % 7
    }
}
