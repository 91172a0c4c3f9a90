import Application
import ArgumentParser
import BillingX12
import Foundation
import X12

extension SimulateCommand {
    struct Payer: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read 837P, 270 and 276 files and write the 999, 277CA, 835, 271 and 277 files payers would send back.",
            discussion: """
                The files of one run are answered together, each payer in its own identity (its 835 payer id, \
                TRN03, claim control numbers, check or EFT numbers; see `rcm simulate payers`): a 999 per \
                interchange, a 277CA per interchange and payer (some claims rejected A6/A7/A8), and 835s per payer \
                and cycle with one transaction set per payee. Claims are paid with contractual adjustments and \
                patient responsibility, some denied (CO-197, CO-50, CO-97, CO-29, PR-204, CO-4), some paid in two \
                parts (the rest in the follow-up 835), some crossed over (CLP02 19, NM1*TT); some payments carry \
                interest (PLB L6) or an adjustment (CS). With --state the payers remember what they paid: later runs \
                reverse some payments (CLP02 22) and adjudicate them again, recoup overpayments (PLB WO), give back \
                refunds (72) and carry negative balances forward (FB). A run with no files only sends what the payers \
                owe. A 270 is answered with a 271 (active, inactive, ended last month, deductible not met, \
                behavioral health carved out to another payer, authorization required, out of network) and a 276 \
                with a 277 (pending, finalized, not found), drawn per inquiry. Deterministic for a seed and a state. The files and the state hold patient names (they echo the \
                837P): keep them as you keep PHI.

                Example:
                  rcm simulate payer out/837/*.837 --out out/payer --seed 7 --state out/payer-state.json
                  rcm simulate payer --out out/payer --state out/payer-state.json --appeals out/appeals.csv
                """)
        @Argument(help: "837P files (none: a run that only sends what the payers owe; needs --state).") var files: [String] = []
        @Option(help: "Where to write the answers.") var out: String
        @Option var seed: UInt64 = 1
        @Option(help: "Business date of the answers, YYYY-MM-DD (default today).") var date: String?
        @Option(help: "What the payers remember between runs (JSON; read when present, written atomically after the run).")
        var state: String?
        @Option(help: "Percent of claims rejected by the 277CA.") var rejectPercent: Int?
        @Option(help: "Percent of claims denied.") var denyPercent: Int?
        @Option(help: "Percent of paid claims reversed and adjudicated again in a later run (needs --state).") var reversePercent: Int?
        @Option(help: "Percent of payments to a payee carrying PLB L6 interest.") var interestPercent: Int?
        @Option(help: "Percent of claims of two lines or more paid in two parts across two 835s.") var splitPercent: Int?
        @Option(help: "Percent of a crossover payer's members whose claims are forwarded (CLP02 19).") var crossoverPercent: Int?
        @Option(help: "Percent of paid claims recouped in a later run with PLB WO (needs --state).") var recoupPercent: Int?
        @Option(help: "Percent of reversals whose overpayment the provider had refunded (PLB 72).") var refundPercent: Int?
        @Option(help: "Percent of reversals adjudicated again in the follow-up 835, not the reversal's.")
        var laterReadjudicationPercent: Int?
        @Option(help: "Percent of payments to a payee carrying a PLB CS adjustment.") var adjustmentPercent: Int?
        @Option(help: "Answer every 270 inquiry this way (\(EligibilityScenario.allCases.map(\.rawValue).joined(separator: ", "))); default: drawn per inquiry.")
        var eligibilityScenario: EligibilityScenario?
        @Option(help: "Answer every 276 claim this way (pending, finalized, notFound); default: drawn per claim.")
        var statusScenario: ClaimStatusScenario?
        @Option(
            help: """
                Appeals sent through the payers' portals since the last run (CSV: claim_number,payer_claim_number,reference; \
                needs --state): each payer looks at the denial again and overturns a share per reason (CO-4 and CO-97 80 %, \
                CO-197 70 %, CO-50 60 %, CO-29 10 %), paying the denied lines in an 835 under the same CLP07; the rest it upholds.
                """)
        var appeals: String?
        @Option(help: "Days from the answer date to the 835.") var remittanceDays: Int = 14
        @Option(help: "Days from the answer date to follow-up 835s (second parts, later re-adjudications, balances).")
        var followUpDays: Int = 28

        func validate() throws {
            if files.isEmpty && state == nil {
                throw ValidationError("Give 837P files, or --state for a run that only sends what the payers owe.")
            }
            for (name, value) in percentages where !(0...100).contains(value ?? 0) {
                throw ValidationError("--\(name) must be between 0 and 100.")
            }
            if date != nil && day == nil { throw ValidationError("--date must be YYYY-MM-DD.") }
            if appeals != nil && state == nil { throw ValidationError("--appeals needs --state: payers answer appeals of the denials they remember.") }
        }

        var percentages: [(String, Int?)] {
            [
                ("reject-percent", rejectPercent), ("deny-percent", denyPercent), ("reverse-percent", reversePercent),
                ("interest-percent", interestPercent), ("split-percent", splitPercent), ("crossover-percent", crossoverPercent),
                ("recoup-percent", recoupPercent), ("refund-percent", refundPercent),
                ("later-readjudication-percent", laterReadjudicationPercent), ("adjustment-percent", adjustmentPercent),
            ]
        }

        var day: X12Date? { date.flatMap { X12Date(x12: $0.replacingOccurrences(of: "-", with: "")) } }

        var settings: SimulatorSettings {
            var settings = SimulatorSettings()
            if let rejectPercent { settings.rejectPercent = rejectPercent }
            if let denyPercent { settings.denyPercent = denyPercent }
            if let reversePercent { settings.reversePercent = reversePercent }
            if let interestPercent { settings.interestPercent = interestPercent }
            if let splitPercent { settings.splitPercent = splitPercent }
            if let crossoverPercent { settings.crossoverPercent = crossoverPercent }
            if let recoupPercent { settings.recoupPercent = recoupPercent }
            if let refundPercent { settings.refundPercent = refundPercent }
            if let laterReadjudicationPercent { settings.laterReadjudicationPercent = laterReadjudicationPercent }
            if let adjustmentPercent { settings.adjustmentPercent = adjustmentPercent }
            return settings
        }

        func run() async throws {
            try await reportingFailures {
                let directory = URL(fileURLWithPath: out)
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                var remembered = SimulatorState()
                if let state, let data = FileManager.default.contents(atPath: state) {
                    do {
                        remembered = try SimulatorState(json: [UInt8](data))
                    } catch {
                        throw CommandError("\(state) is not a payer simulator state: \(error)")
                    }
                }
                var inputs: [(bytes: [UInt8], name: String?)] = []
                for file in files {
                    guard let data = FileManager.default.contents(atPath: file) else { throw CommandError("cannot read \(file)") }
                    inputs.append(([UInt8](data), URL(fileURLWithPath: file).lastPathComponent))
                }
                inputs = try answerInquiries(inputs, into: directory)
                guard !inputs.isEmpty || (files.isEmpty && state != nil) else { return }
                var appealed: [SimulatedAppeal] = []
                if let appeals {
                    guard let data = FileManager.default.contents(atPath: appeals) else { throw CommandError("cannot read \(appeals)") }
                    do {
                        appealed = try SimulatedAppeal.parse(csv: String(decoding: data, as: UTF8.self))
                    } catch {
                        throw CommandError("\(appeals): \(error)")
                    }
                }
                var simulator = PayerSimulator(seed: seed, settings: settings, state: remembered)
                let controls = SimulatorControls(
                    senderID: "PAYERSIM", date: day ?? Self.today(), time: X12Time(hour: 9, minute: 0)!,
                    firstControlNumber: Int(seed % 1000) * 1000 + 1, remittanceDays: remittanceDays, followUpDays: followUpDays)
                let response: PayerResponse
                do {
                    response = try simulator.respond(toFiles: inputs, controls: controls, appeals: appealed)
                } catch {
                    throw CommandError(String(describing: error))
                }
                for (index, answer) in response.files.enumerated() {
                    let name = String(format: "%03d-", index) + answer.name
                    try Data(answer.bytes).write(to: directory.appendingPathComponent(name))
                    print(directory.appendingPathComponent(name).path)
                }
                if let state {
                    try Data(try simulator.state.json()).write(to: URL(fileURLWithPath: state), options: .atomic)
                }
            }
        }

        static func today() -> X12Date {
            let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
            return X12Date(year: parts.year!, month: parts.month!, day: parts.day!)!
        }
    }

    struct Payers: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The simulated payers' identities and the aliases a catalog registers for them.",
            discussion: """
                Without ids: the built-in directory (the demo's payers). With ids: the payer each id reaches, \
                synthesized when the directory does not know it. The aliases column is what `rcm payer add --alias` \
                needs so that the payer's 835s (TRN03, REF*2U) and 277CAs match the catalog payer.

                Example:
                  rcm simulate payers DEMO01 60054 --format csv
                """)
        @Argument(help: "Payer ids claims are sent to (837P 2010BB NM109).") var ids: [String] = []
        @OptionGroup var output: FormatOption

        func run() async throws {
            let directory = SimulatedPayerDirectory.builtIn
            let payers = ids.isEmpty ? directory.payers.keys.sorted().map { directory.payers[$0]! } : ids.map { directory.payer(for: $0) }
            let rows = payers.map { payer -> [String] in
                let method: String
                switch payer.payment {
                case .check: method = payer.consolidatesPayees ? "check for all payees" : "check per payee"
                case .eft: method = payer.consolidatesPayees ? "EFT for all payees" : "EFT per payee"
                }
                return [
                    payer.claimPayerID, payer.name, payer.originatorID, payer.remittancePayerID ?? "", payer.acknowledgmentPayerID,
                    method, payer.crossover.map { "\($0.payerID) \($0.name)" } ?? "", payer.aliases.joined(separator: " "),
                ]
            }
            print(
                TableOutput(
                    headers: ["payer_id", "name", "trn03", "ref_2u", "ack_payer_id", "pays_by", "crossover_to", "aliases"], rows: rows
                ).render(output.format))
        }
    }
}
