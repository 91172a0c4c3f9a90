import ArgumentParser
import BillingX12
import Foundation
import X12

extension EligibilityScenario: ExpressibleByArgument {}
extension ClaimStatusScenario: ExpressibleByArgument {}

extension SimulateCommand.Payer {
    /// Answers the 270s among `inputs` with 271s and the 276s with 277s (005010X212) written to `directory` (paths printed), and returns the other files.
    func answerInquiries(_ inputs: [(bytes: [UInt8], name: String?)], into directory: URL) throws -> [(bytes: [UInt8], name: String?)] {
        var rest: [(bytes: [UInt8], name: String?)] = []
        for (index, input) in inputs.enumerated() {
            let file: X12File
            do { file = try X12File(bytes: input.bytes, fileName: input.name) } catch {
                throw CommandError("\(input.name ?? "a file") is not readable X12: \(error.description)")
            }
            if file.transactionSets.contains(where: { $0.id == "276" }) {
                let bytes: [UInt8]
                do {
                    bytes = try PayerSimulator.answerClaimStatus(
                        try file.claimStatusInquiries().sets, seed: seed, date: day ?? Self.today(), controlNumber: Int(seed % 1000) * 1000 + 950 + index,
                        forced: statusScenario)
                } catch {
                    throw CommandError("\(input.name ?? "a 276"): \(error.description)")
                }
                let path = directory.appendingPathComponent("\((input.name ?? "status").replacingOccurrences(of: ".276", with: "")).277")
                try Data(bytes).write(to: path)
                print(path.path)
                continue
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
