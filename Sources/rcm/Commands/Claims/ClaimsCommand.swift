import Application
import ArgumentParser
import Billing
import Foundation

/// `rcm claims …`.
struct ClaimsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claims", abstract: "Claims: create, scrub, submit, show, correct, void, appeal, write off.",
        subcommands: [Create.self, Scrub.self, SubmitCommand.self, Show.self, List.self, Correct.self, Void.self, Appeal.self, WriteOff.self, AssignDenial.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a claim from one patient's sessions for one payer; prints the claim number (CLM01).",
            discussion: """
                Example:
                  rcm claims create --tenant acme-counseling --patient pk-4f1c0a9e2b7d8c61 --payer aetna --sessions s-1a2b,s-3c4d
                """)
        @Option var tenant: String
        @Option var patient: String
        @Option var payer: String
        @Option(help: "Comma-separated session ids.") var sessions: String
        @Option(help: "The prior authorization number, if any.") var authorization: String?

        func run() async throws {
            try await reportingFailures {
                let key = PatientKey(patient), payer = PayerID(payer), ids = list(sessions).map { SessionID($0) }, auth = authorization
                let claim = try await Workspace.inTenant(tenant) { session, context in
                    let practice = try PracticeService().state(context, in: session)
                    return try ClaimService().create(
                        patient: key, payer: payer, sessionIDs: ids, authorizationNumber: auth, practice: practice, context: context, in: session)
                }
                print(claim.claimNumber?.description ?? "")
            }
        }
    }

    struct Scrub: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the scrubber's rules on claims; errors block submission, warnings are recorded.",
            discussion: "Example:\n  rcm claims scrub C4F1C0A9E2B7D --tenant acme-counseling")
        @Argument(help: "Claim numbers.") var claims: [String]
        @Option var tenant: String
        @Option(help: "table, csv or json.") var format: OutputFormat = .table

        func run() async throws {
            try await reportingFailures {
                let ids = claims.map { ClaimID($0) }
                let results = try await Workspace.inTenant(tenant) { session, context in
                    let practice = try PracticeService().state(context, in: session)
                    return try ids.map { id in (id, try ClaimService().scrub(id, practice: practice, context: context, in: session)) }
                }
                var rows: [[String]] = []
                for (id, claim) in results {
                    if claim.findings.isEmpty { rows.append([id.rawValue, "pass", "", ""]) }
                    for finding in claim.findings { rows.append([id.rawValue, finding.severity.rawValue, finding.ruleID, finding.message]) }
                }
                print(TableOutput(headers: ["claim", "severity", "rule", "message"], rows: rows).render(format))
                if results.contains(where: { !$0.1.readyToSubmit }) { throw ExitCode(1) }
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a claim's lines, balances, adjudications and denials (the read is recorded in the access log).",
            discussion: "Example:\n  rcm claims show C4F1C0A9E2B7D --tenant acme-counseling --reason \"payer call\"")
        @Argument var claim: String
        @Option var tenant: String
        @Option(help: "Why (recorded).") var reason: String = "billing"
        @Option(help: "table, csv or json.") var format: OutputFormat = .table

        func run() async throws {
            try await reportingFailures {
                let id = ClaimID(claim), reason = reason
                let state = try await Workspace.inTenant(tenant, reason: reason) { session, context in
                    try ClaimService().show(id, purpose: reason, context: context, in: session)
                }
                var rows: [[String]] = [
                    ["claim", state.claimNumber?.description ?? ""], ["status", state.status.rawValue], ["patient_key", state.patientKey?.rawValue ?? ""],
                    ["payer", state.payerID?.rawValue ?? ""], ["frequency", state.frequency.rawValue],
                    ["diagnoses", state.diagnoses.map(\.description).joined(separator: " ")], ["charges", state.charges.description],
                    ["insurance_paid", state.insurancePaid.description], ["patient_paid", state.patientPaid.description],
                    ["adjustments", state.adjustments.description], ["write_offs", state.writeOffs.description],
                    ["insurance_balance", state.insuranceBalance.description], ["patient_balance", state.patientBalance.description],
                ]
                for line in state.lines {
                    rows.append(["line \(line.lineID)", "\(line.dateOfService) \(line.code) \(line.modifiers.joined(separator: ",")) \(line.units) units \(line.charge)"])
                }
                for denial in state.denials.values.sorted(by: { $0.denialID < $1.denialID }) {
                    rows.append(["denial \(denial.denialID)", "\(denial.status) \(denial.amount) \(denial.reasons.map { "\($0.group)-\($0.reason)" }.joined(separator: " "))"])
                }
                for finding in state.findings { rows.append(["finding \(finding.ruleID)", "\(finding.severity.rawValue): \(finding.message)"]) }
                print(TableOutput(headers: ["field", "value"], rows: rows).render(format))
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List a practice's claims with status and balances.", discussion: "Example:\n  rcm claims list --tenant acme-counseling --status draft")
        @Option var tenant: String
        @Option(help: "Only claims in this status.") var status: String?
        @Option(help: "table, csv or json.") var format: OutputFormat = .table

        func run() async throws {
            try await reportingFailures {
                let wanted = status
                let claims = try await Workspace.inTenant(tenant) { session, context in
                    let service = ClaimService()
                    return try service.allClaimIDs(context: context, in: session).map { try service.state($0, context: context, in: session) }
                        .filter { wanted == nil || $0.status.rawValue == wanted }
                }
                let rows = claims.sorted { ($0.claimNumber?.description ?? "") < ($1.claimNumber?.description ?? "") }.map {
                    [
                        $0.claimNumber?.description ?? "", $0.status.rawValue, $0.payerID?.rawValue ?? "", $0.firstDateOfService?.description ?? "",
                        $0.charges.description, $0.insuranceBalance.description, $0.patientBalance.description,
                    ]
                }
                print(TableOutput(headers: ["claim", "status", "payer", "first_dos", "charges", "insurance_balance", "patient_balance"], rows: rows).render(format))
            }
        }
    }

    struct Correct: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Correct a claim from its sessions' amended records (sent as a replacement, frequency 7, once adjudicated).",
            discussion: """
                Amend the session first with rcm session correct; then correct the claim, scrub it and submit it again.

                Example:
                  rcm session correct --tenant acme-counseling --id s-1a2b --patient pk-… --date 2026-06-02 --provider dr-lee \\
                    --minutes 55 --dx F33.1 --service 90837=150.00 --reason "note amended: 55 minutes"
                  rcm claims correct C4F1C0A9E2B7D --tenant acme-counseling --reason "units corrected"
                """)
        @Argument var claim: String
        @Option var tenant: String
        @Option var reason: String

        func run() async throws {
            try await reportingFailures {
                let id = ClaimID(claim), reason = reason
                let state = try await Workspace.inTenant(tenant, reason: reason) { session, context in
                    let practice = try PracticeService().state(context, in: session)
                    return try ClaimService().correct(id, reason: reason, practice: practice, context: context, in: session)
                }
                print("claim \(claim) corrected: frequency \(state.frequency.rawValue), charges \(state.charges)")
            }
        }
    }

    struct Void: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "void", abstract: "Void a claim (sent as frequency 8 once submitted); authorization units are released.",
            discussion: "Example:\n  rcm claims void C4F1C0A9E2B7D --tenant acme-counseling --reason \"wrong patient\"")
        @Argument var claim: String
        @Option var tenant: String
        @Option var reason: String

        func run() async throws {
            try await reportingFailures {
                let id = ClaimID(claim), reason = reason
                try await Workspace.inTenant(tenant, reason: reason) { session, context in
                    let practice = try PracticeService().state(context, in: session)
                    try ClaimService().run(id, .void(reason: reason, on: context.today, period: practice.postingPeriod(for: context.today)), patient: nil, on: context.today, context: context, in: session)
                }
                print("claim \(claim) voided")
            }
        }
    }

    struct Appeal: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record an appeal of a denial.", discussion: "Example:\n  rcm claims appeal C4F1C0A9E2B7D --tenant acme-counseling --denial D1 --reference APL-2026-0042")
        @Argument var claim: String
        @Option var tenant: String
        @Option var denial: String
        @Option(help: "The appeal's reference (letter, portal case).") var reference: String

        func run() async throws {
            try await reportingFailures {
                let id = ClaimID(claim), denial = DenialID(denial), reference = reference
                try await Workspace.inTenant(tenant) { session, context in
                    try ClaimService().run(id, .appeal(denial, reference: reference, on: context.today), patient: nil, on: context.today, context: context, in: session)
                }
                print("appeal of \(denial) recorded")
            }
        }
    }

    struct AssignDenial: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "assign", abstract: "Assign a denial to an owner (due date from the payer's appeal window unless given).",
            discussion: "Example:\n  rcm claims assign C4F1C0A9E2B7D --tenant acme-counseling --denial D1 --owner jdoe")
        @Argument var claim: String
        @Option var tenant: String
        @Option var denial: String
        @Option var owner: String
        @Option var due: String?

        func run() async throws {
            try await reportingFailures {
                let id = ClaimID(claim), denial = DenialID(denial), owner = StaffID(owner), due = due.flatMap(LocalDate.init)
                try await Workspace.inTenant(tenant) { session, context in
                    try ClaimService().run(id, .assignDenial(denial, owner: owner, dueDate: due, on: context.today), patient: nil, on: context.today, context: context, in: session)
                }
                print("denial \(denial) assigned to \(owner)")
            }
        }
    }

    struct WriteOff: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "write-off", abstract: "Write off part of a claim's balance with a reason.",
            discussion: """
                Reasons: \(WriteOffReason.allCases.map(\.rawValue).joined(separator: ", ")).

                Example:
                  rcm claims write-off C4F1C0A9E2B7D --tenant acme-counseling --amount 12.50 --reason smallBalance --side patient
                """)
        @Argument var claim: String
        @Option var tenant: String
        @Option var amount: String
        @Option var reason: String
        @Option(help: "insurance or patient.") var side: String = "insurance"
        @Option(help: "The denial this resolves, if any.") var denial: String?

        func run() async throws {
            try await reportingFailures {
                guard let money = Money(parsing: amount), let why = WriteOffReason(rawValue: reason), let side = BalanceSide(rawValue: side) else {
                    throw CommandRejected("--amount is an amount, --reason one of \(WriteOffReason.allCases.map(\.rawValue).joined(separator: ", ")), --side insurance or patient")
                }
                let id = ClaimID(claim), denial = denial.map { DenialID($0) }
                try await Workspace.inTenant(tenant, reason: reason) { session, context in
                    let practice = try PracticeService().state(context, in: session)
                    try ClaimService().run(
                        id, .writeOff(amount: money, reason: why, side: side, denialID: denial, on: context.today, period: practice.postingPeriod(for: context.today)),
                        patient: nil, on: context.today, context: context, in: session)
                }
                print("wrote off \(money) on \(claim)")
            }
        }
    }
}
