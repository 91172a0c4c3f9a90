import Application
import ArgumentParser
import BillingX12
import Foundation
import X12

extension SimulateCommand {
    struct Payer: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read 837P files and write the 999, 277CA and 835 files payers would send back.",
            discussion: """
                Most claims are paid with contractual adjustments and patient responsibility; some are rejected \
                (277CA A7), some denied (CO-197, CO-50, CO-97, CO-29, PR-204, CO-4), a few reversed and re-adjudicated; \
                some payments carry PLB interest or a recoupment. Deterministic for a seed. The files hold patient \
                names (they echo the 837P): keep them as you keep PHI.

                Example:
                  rcm simulate payer out/837/*.837 --out out/payer --seed 7
                """)
        @Argument(help: "837P files.") var files: [String]
        @Option(help: "Where to write the answers.") var out: String
        @Option var seed: UInt64 = 1
        @Option(help: "Business date of the answers, YYYY-MM-DD (default today).") var date: String?
        @Option(help: "Percent of claims rejected by the 277CA.") var rejectPercent: Int?
        @Option(help: "Percent of claims denied.") var denyPercent: Int?
        @Option(help: "Days from the answer date to the 835.") var remittanceDays: Int = 14
        @Option(help: "Days from the answer date to follow-up 835s (re-adjudications, recoupments).") var followUpDays: Int = 28

        func run() async throws {
            try await reportingFailures {
                let directory = URL(fileURLWithPath: out)
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                var settings = SimulatorSettings()
                if let rejectPercent { settings.rejectPercent = rejectPercent }
                if let denyPercent { settings.denyPercent = denyPercent }
                var simulator = PayerSimulator(seed: seed, settings: settings)
                let day = date.flatMap { X12Date(x12: $0.replacingOccurrences(of: "-", with: "")) } ?? Self.today()
                var controls = SimulatorControls(
                    senderID: "PAYERSIM", date: day, time: X12Time(hour: 9, minute: 0)!, firstControlNumber: Int(seed % 1000) * 1000 + 1,
                    remittanceDays: remittanceDays, followUpDays: followUpDays)
                for file in files {
                    guard let data = FileManager.default.contents(atPath: file) else { throw CommandError("cannot read \(file)") }
                    let responses: [PayerResponse]
                    do {
                        responses = try simulator.respond(toFile: [UInt8](data), fileName: URL(fileURLWithPath: file).lastPathComponent, controls: controls)
                    } catch {
                        throw CommandError(String(describing: error))
                    }
                    for response in responses {
                        controls.firstControlNumber = response.nextControlNumber
                        for (index, answer) in response.files.enumerated() {
                            let name = String(format: "%03d-", index) + answer.name
                            try Data(answer.bytes).write(to: directory.appendingPathComponent(name))
                            print(directory.appendingPathComponent(name).path)
                        }
                    }
                }
            }
        }

        static func today() -> X12Date {
            let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
            return X12Date(year: parts.year!, month: parts.month!, day: parts.day!)!
        }
    }
}
