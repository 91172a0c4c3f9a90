import Application
import ArgumentParser
import Billing
import Foundation

/// `rcm session log|import`.
struct SessionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "session", abstract: "Therapy sessions from the practice's EHR.", subcommands: [Log.self, Correct.self, Import.self])

    struct Log: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Log one session: date, providers, place of service, minutes, diagnoses, services.",
            discussion: """
                Services are CODE[:MOD[:MOD…]]=CHARGE[xUNITS], repeatable; diagnoses are ICD-10-CM codes, comma-separated. \
                Each service points at the first diagnoses (at most 4).

                Example:
                  rcm session log --tenant acme-counseling --patient pk-4f1c0a9e2b7d8c61 --date 2026-06-02 \\
                    --provider dr-lee --minutes 55 --dx F33.1,F41.1 --service 90837=150.00 --service 90785=25.00
                  rcm session log --tenant acme-counseling --patient pk-… --date 2026-06-09 --provider dr-lee \\
                    --pos 10 --telehealth audioVideo --minutes 45 --dx F33.1 --service 90834:95=120.00
                """)
        @Option var tenant: String
        @Option var patient: String
        @Option(help: "Date of service, YYYY-MM-DD.") var date: String
        @Option(help: "Rendering provider id.") var provider: String
        @Option(help: "Supervising provider id.") var supervisor: String?
        @Option(help: "Place of service.") var pos: String = "11"
        @Option(help: "audioVideo or audioOnly.") var telehealth: String?
        @Option var minutes: Int
        @Option(help: "Comma-separated ICD-10-CM codes.") var dx: String
        @Option(help: "CODE[:MOD…]=CHARGE[xUNITS]; repeatable.") var service: [String]
        @Option(help: "A session id (default: a new one).") var id: String?

        func run() async throws {
            try await reportingFailures {
                let row = SessionRow(
                    line: 0, sessionID: id ?? "s-" + UUID().uuidString.lowercased().prefix(12), patientKey: patient, date: date, rendering: provider,
                    supervising: supervisor, placeOfService: pos, telehealth: telehealth, minutes: String(minutes), diagnoses: dx, services: service)
                let record = try row.record()
                try await Workspace.inTenant(tenant) { session, context in
                    let practice = try PracticeService().state(context, in: session)
                    try SessionService().log(record, context: context, practice: practice, in: session)
                }
                print(record.sessionID.rawValue)
            }
        }
    }

    struct Correct: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Correct a logged session (an amended note): the whole record again, with a reason.",
            discussion: """
                Example:
                  rcm session correct --tenant acme-counseling --id s-1a2b --patient pk-4f1c0a9e2b7d8c61 --date 2026-06-02 \\
                    --provider dr-lee --minutes 55 --dx F33.1 --service 90837=150.00 --reason "note amended"
                """)
        @Option var tenant: String
        @Option(help: "The session id.") var id: String
        @Option var patient: String
        @Option(help: "Date of service, YYYY-MM-DD.") var date: String
        @Option(help: "Rendering provider id.") var provider: String
        @Option(help: "Supervising provider id.") var supervisor: String?
        @Option(help: "Place of service.") var pos: String = "11"
        @Option(help: "audioVideo or audioOnly.") var telehealth: String?
        @Option var minutes: Int
        @Option(help: "Comma-separated ICD-10-CM codes.") var dx: String
        @Option(help: "CODE[:MOD…]=CHARGE[xUNITS]; repeatable.") var service: [String]
        @Option(help: "Why (recorded).") var reason: String

        func run() async throws {
            try await reportingFailures {
                let row = SessionRow(
                    line: 0, sessionID: id, patientKey: patient, date: date, rendering: provider, supervising: supervisor, placeOfService: pos,
                    telehealth: telehealth, minutes: String(minutes), diagnoses: dx, services: service)
                let record = try row.record(), reason = reason
                try await Workspace.inTenant(tenant, reason: reason) { session, context in
                    let practice = try PracticeService().state(context, in: session)
                    try SessionService().correct(record, reason: reason, context: context, practice: practice, in: session)
                }
                print("session \(record.sessionID) corrected")
            }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import sessions from an EHR's CSV export (layout in docs/session-import.md).",
            discussion: """
                Each bad row is reported with its line number. Nothing is written unless every row is valid, or with \
                --skip-invalid the valid sessions are written and the invalid rows listed.

                Example:
                  rcm session import june.csv --tenant acme-counseling
                """)
        @Argument var file: String
        @Option var tenant: String
        @Flag(help: "Write the valid sessions and list the invalid rows.") var skipInvalid = false

        func run() async throws {
            try await reportingFailures {
                guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { throw CommandRejected("cannot read \(file)") }
                let parsed = SessionCSV.parse(text)
                let skip = skipInvalid, name = file
                let outcome = try await Workspace.inTenant(tenant, source: "csv:\(URL(fileURLWithPath: file).lastPathComponent)") { session, context in
                    let practice = try PracticeService().state(context, in: session)
                    var problems = parsed.problems
                    var good: [SessionRecord] = []
                    for (line, record) in parsed.records {
                        do {
                            try session.withTransaction { session in try SessionService().log(record, context: context, practice: practice, in: session) }
                            good.append(record)
                        } catch {
                            problems.append("line \(line): \(error)")
                        }
                    }
                    if !problems.isEmpty && !skip {
                        throw CommandRejected("\(name): nothing imported; \(problems.count) invalid row(s):\n  " + problems.sorted(by: lineOrder).joined(separator: "\n  "))
                    }
                    return (good.count, problems.sorted(by: lineOrder))
                }
                print("imported \(outcome.0) session(s)")
                if !outcome.1.isEmpty {
                    print("skipped \(outcome.1.count) invalid row(s):")
                    outcome.1.forEach { print("  \($0)") }
                }
            }
        }
    }
}

/// Orders "line N: …" messages by N.
func lineOrder(_ a: String, _ b: String) -> Bool {
    func number(_ s: String) -> Int { Int(s.dropFirst(5).prefix { $0.isNumber }) ?? 0 }
    return number(a) < number(b)
}
