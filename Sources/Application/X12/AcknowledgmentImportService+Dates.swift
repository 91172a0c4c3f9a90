import Billing
import BillingX12
import X12

extension AcknowledgmentImportService {
    /// A warning per claim a 277CA answers though it is dated (BHT04) before the claim was first submitted: a payer
    /// cannot acknowledge a claim it has not received, so the file may answer another submission or carry a wrong
    /// date. The statuses still post (the payer's word is what the claim has); the clerk is told to check.
    static func datedBeforeSubmission(
        _ ack: ClaimAcknowledgment, answering commands: [AcknowledgmentCommand], fileName: String, claim lookup: (ClaimNumber) -> Claim.State?
    ) -> [String] {
        guard let x12Date = ack.date else { return [] }
        let dated = LocalDate(x12Date)
        return commands.compactMap { command in
            guard let submitted = lookup(command.claimNumber)?.firstSubmittedOn, dated < submitted else { return nil }
            return
                "\(fileName): the 277CA \(ack.controlNumber) is dated \(dated) but claim \(command.claimNumber) was submitted on \(submitted): an acknowledgment cannot come before the claim it answers; check that the file answers this submission"
        }
    }
}
