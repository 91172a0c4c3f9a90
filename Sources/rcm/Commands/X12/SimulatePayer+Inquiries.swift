import ArgumentParser
import BillingX12
import Foundation
import X12

extension EligibilityScenario: ExpressibleByArgument {}

extension SimulateCommand.Payer {
    /// Answers the 270s among `inputs` with 271s written to `directory` (paths printed), and returns the other files.
    func answerInquiries(_ inputs: [(bytes: [UInt8], name: String?)], into directory: URL) throws -> [(bytes: [UInt8], name: String?)] {
        var rest: [(bytes: [UInt8], name: String?)] = []
        for (index, input) in inputs.enumerated() {
            let file: X12File
            do { file = try X12File(bytes: input.bytes, fileName: input.name) } catch {
                throw CommandError("\(input.name ?? "a file") is not readable X12: \(error.description)")
            }
            guard file.transactionSets.contains(where: { $0.id == "270" }) else {
                rest.append(input)
                continue
            }
            let answered: (bytes: [UInt8], scenarios: [String: EligibilityScenario])
            do {
                let sets = try file.eligibilityInquiries().sets
                answered = try PayerSimulator.answerEligibility(
                    sets, seed: seed, date: day ?? Self.today(), controlNumber: Int(seed % 1000) * 1000 + 900 + index, forced: eligibilityScenario)
            } catch {
                throw CommandError("\(input.name ?? "a 270"): \(error.description)")
            }
            let stem = (input.name ?? "inquiry").replacingOccurrences(of: ".270", with: "")
            let path = directory.appendingPathComponent("\(stem).271")
            try Data(answered.bytes).write(to: path)
            print(path.path)
        }
        return rest
    }
}
