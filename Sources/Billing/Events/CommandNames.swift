// Command names for documentation. Each `name` is an exhaustive switch, so a new command case
// does not compile until it is named; `names` lists them and a test keeps docs/domain.md in step.

extension Practice.Command {
    /// The command's name as documented.
    public var name: String {
        switch self {
        case .configure: "configure"
        case .addProvider: "addProvider"
        case .enrollPayer: "enrollPayer"
        case .enrollProvider: "enrollProvider"
        case .setPayerRule: "setPayerRule"
        case .setContractRates: "setContractRates"
        case .setFeeSchedule: "setFeeSchedule"
        case .closePeriod: "closePeriod"
        }
    }

    /// Every command name.
    public static let names = [
        "configure", "addProvider", "enrollPayer", "enrollProvider", "setPayerRule", "setContractRates",
        "setFeeSchedule", "closePeriod",
    ]
}

extension Patient.Command {
    /// The command's name as documented.
    public var name: String {
        switch self {
        case .register: "register"
        case .recordCoverage: "recordCoverage"
        case .recordAuthorization: "recordAuthorization"
        case .consumeAuthorizationUnits: "consumeAuthorizationUnits"
        case .releaseAuthorizationUnits: "releaseAuthorizationUnits"
        case .flagSubstanceUseRecords: "flagSubstanceUseRecords"
        case .forgetIdentity: "forgetIdentity"
        }
    }

    /// Every command name.
    public static let names = [
        "register", "recordCoverage", "recordAuthorization", "consumeAuthorizationUnits", "releaseAuthorizationUnits",
        "flagSubstanceUseRecords", "forgetIdentity",
    ]
}

extension Session.Command {
    /// The command's name as documented.
    public var name: String {
        switch self {
        case .log: "log"
        case .correct: "correct"
        case .void: "void"
        }
    }

    /// Every command name.
    public static let names = ["log", "correct", "void"]
}

extension Claim.Command {
    /// The command's name as documented.
    public var name: String {
        switch self {
        case .create: "create"
        case .scrub: "scrub"
        case .submit: "submit"
        case .acknowledge: "acknowledge"
        case .reject: "reject"
        case .adjudicate: "adjudicate"
        case .reverseAdjudication: "reverseAdjudication"
        case .assignDenial: "assignDenial"
        case .appeal: "appeal"
        case .correct: "correct"
        case .void: "void"
        case .writeOff: "writeOff"
        case .transferToPatient: "transferToPatient"
        case .applyPatientPayment: "applyPatientPayment"
        case .refundPatient: "refundPatient"
        case .close: "close"
        case .reopen: "reopen"
        }
    }

    /// Every command name.
    public static let names = [
        "create", "scrub", "submit", "acknowledge", "reject", "adjudicate", "reverseAdjudication", "assignDenial",
        "appeal", "correct", "void", "writeOff", "transferToPatient", "applyPatientPayment", "refundPatient", "close",
        "reopen",
    ]
}

extension PatientAccount.Command {
    /// The command's name as documented.
    public var name: String {
        switch self {
        case .open: "open"
        case .postCharge: "postCharge"
        case .reverseCharge: "reverseCharge"
        case .receivePayment: "receivePayment"
        case .issueRefund: "issueRefund"
        case .adjust: "adjust"
        case .writeOff: "writeOff"
        case .generateStatement: "generateStatement"
        case .createEstimate: "createEstimate"
        case .issueSuperbill: "issueSuperbill"
        }
    }

    /// Every command name.
    public static let names = [
        "open", "postCharge", "reverseCharge", "receivePayment", "issueRefund", "adjust", "writeOff",
        "generateStatement", "createEstimate", "issueSuperbill",
    ]
}
