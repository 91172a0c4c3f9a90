/// What an implementation guide allows in one loop's NM1: the entity codes (NM101), entity types (NM102, `1` person,
/// `2` organisation) and id qualifiers (NM108). Values from the guides' tables as pyx12 carries them
/// (github.com/azoner/pyx12, pyx12/map/835.5010.X221.A1.xml, 277.5010.X214.xml and 837.5010.X222.A1.xml).
struct NameRule: Sendable {
    /// The loop and what it names: `2100 patient (NM1*QC)`.
    let loop: String
    /// NM101 values.
    let entities: [String]
    /// NM102 values.
    let entityTypes: [String]
    /// NM108 values; nil where the guide does not use NM108.
    let idQualifiers: [String]?

    init(_ loop: String, _ entities: [String], types: [String], qualifiers: [String]?) {
        self.loop = loop
        self.entities = entities
        self.entityTypes = types
        self.idQualifiers = qualifiers
    }
}

extension NameRule {
    /// 005010X221A1 loop 2100: the NM1 segments of a claim payment.
    static let remittanceClaim: [NameRule] = [
        NameRule("2100 patient (NM1*QC)", ["QC"], types: ["1"], qualifiers: ["34", "HN", "II", "MI", "MR"]),
        NameRule("2100 insured (NM1*IL)", ["IL"], types: ["1", "2"], qualifiers: ["FI", "II", "MI"]),
        NameRule("2100 corrected patient/insured (NM1*74)", ["74"], types: ["1", "2"], qualifiers: ["C"]),
        NameRule("2100 service provider (NM1*82)", ["82"], types: ["1", "2"], qualifiers: ["BD", "BS", "FI", "MC", "PC", "SL", "UP", "XX"]),
        NameRule("2100 crossover carrier (NM1*TT)", ["TT"], types: ["2"], qualifiers: ["AD", "FI", "NI", "PI", "PP", "XV"]),
        NameRule("2100 corrected priority payer (NM1*PR)", ["PR"], types: ["2"], qualifiers: ["AD", "FI", "NI", "PI", "PP", "XV"]),
        NameRule("2100 other subscriber (NM1*GB)", ["GB"], types: ["1", "2"], qualifiers: ["FI", "II", "MI"]),
    ]

    /// 005010X214 loops 2100A–2100D, by HL level code (20, 21, 19, PT).
    static let claimAcknowledgment: [String: NameRule] = [
        "20": NameRule("2100A information source (NM1*PR or AY)", ["PR", "AY"], types: ["2"], qualifiers: ["46", "FI", "PI", "XV"]),
        "21": NameRule("2100B information receiver (NM1*41)", ["41"], types: ["1", "2"], qualifiers: ["46"]),
        "19": NameRule("2100C billing provider (NM1*85)", ["85"], types: ["1", "2"], qualifiers: ["FI", "SV", "XX"]),
        "PT": NameRule("2100D patient (NM1*QC)", ["QC"], types: ["1"], qualifiers: ["II", "MI"]),
    ]

    /// 005010X222A1 header and loop 2010 (before any CLM).
    static let professionalHeader: [NameRule] = [
        NameRule("1000A submitter (NM1*41)", ["41"], types: ["1", "2"], qualifiers: ["46"]),
        NameRule("1000B receiver (NM1*40)", ["40"], types: ["2"], qualifiers: ["46"]),
        NameRule("2010AA billing provider (NM1*85)", ["85"], types: ["1", "2"], qualifiers: ["XX"]),
        NameRule("2010AB pay-to address (NM1*87)", ["87"], types: ["1", "2"], qualifiers: nil),
        NameRule("2010AC pay-to plan (NM1*PE)", ["PE"], types: ["2"], qualifiers: ["PI", "XV"]),
        NameRule("2010BA subscriber (NM1*IL)", ["IL"], types: ["1", "2"], qualifiers: ["II", "MI"]),
        NameRule("2010BB payer (NM1*PR)", ["PR"], types: ["2"], qualifiers: ["PI", "XV"]),
        NameRule("2010CA patient (NM1*QC)", ["QC"], types: ["1"], qualifiers: nil),
    ]

    /// 005010X222A1 loop 2310 (claim level, before any other payer or line).
    static let professionalClaim: [NameRule] = [
        NameRule("2310A referring provider (NM1*DN or P3)", ["DN", "P3"], types: ["1"], qualifiers: ["XX"]),
        NameRule("2310B rendering provider (NM1*82)", ["82"], types: ["1", "2"], qualifiers: ["XX"]),
        NameRule("2310C service facility (NM1*77)", ["77"], types: ["2"], qualifiers: ["XX"]),
        NameRule("2310D supervising provider (NM1*DQ)", ["DQ"], types: ["1"], qualifiers: ["XX"]),
        NameRule("2310E ambulance pick-up (NM1*PW)", ["PW"], types: ["2"], qualifiers: nil),
        NameRule("2310F ambulance drop-off (NM1*45)", ["45"], types: ["2"], qualifiers: nil),
    ]

    /// 005010X222A1 loop 2330 (after a loop 2320 SBR).
    static let professionalOtherPayer: [NameRule] = [
        NameRule("2330A other subscriber (NM1*IL)", ["IL"], types: ["1", "2"], qualifiers: ["II", "MI"]),
        NameRule("2330B other payer (NM1*PR)", ["PR"], types: ["2"], qualifiers: ["PI", "XV"]),
        NameRule("2330C other payer referring provider (NM1*DN or P3)", ["DN", "P3"], types: ["1"], qualifiers: nil),
        NameRule("2330D other payer rendering provider (NM1*82)", ["82"], types: ["1", "2"], qualifiers: nil),
        NameRule("2330E other payer service facility (NM1*77)", ["77"], types: ["2"], qualifiers: nil),
        NameRule("2330F other payer supervising provider (NM1*DQ)", ["DQ"], types: ["1"], qualifiers: nil),
        NameRule("2330G other payer billing provider (NM1*85)", ["85"], types: ["1", "2"], qualifiers: nil),
    ]

    /// 005010X222A1 loop 2420 (after an SV1).
    static let professionalLine: [NameRule] = [
        NameRule("2420A rendering provider (NM1*82)", ["82"], types: ["1", "2"], qualifiers: ["XX"]),
        NameRule("2420B purchased service provider (NM1*QB)", ["QB"], types: ["1", "2"], qualifiers: ["XX"]),
        NameRule("2420C service facility (NM1*77)", ["77"], types: ["2"], qualifiers: ["XX"]),
        NameRule("2420D supervising provider (NM1*DQ)", ["DQ"], types: ["1"], qualifiers: ["XX"]),
        NameRule("2420E ordering provider (NM1*DK)", ["DK"], types: ["1"], qualifiers: ["XX"]),
        NameRule("2420F referring provider (NM1*DN or P3)", ["DN", "P3"], types: ["1"], qualifiers: ["XX"]),
        NameRule("2420G ambulance pick-up (NM1*PW)", ["PW"], types: ["2"], qualifiers: nil),
        NameRule("2420H ambulance drop-off (NM1*45)", ["45"], types: ["2"], qualifiers: nil),
    ]
}
