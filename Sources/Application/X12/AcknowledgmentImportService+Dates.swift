import Billing
import BillingX12
import X12

extension AcknowledgmentImportService {
    /// Refuses a 277CA dated (BHT04) before a claim it answers was first submitted: a payer cannot acknowledge a
    /// claim it has not received, so the file belongs to another claim or its date is wrong. Nothing is imported.
    static func checkDated(
        _ ack: ClaimAcknowledgment, answering commands: [AcknowledgmentCommand], fileName: String,
        claim lookup: (ClaimNumber) -> Claim.State?
    ) throws {
        guard let x12Date = ack.date else { return }
        let dated = LocalDate(x12Date)
        for command in commands {
            guard let submitted = lookup(command.claimNumber)?.firstSubmittedOn, dated < submitted else { continue }
            throw CommandRejected(
                "\(fileName): the 277CA \(ack.controlNumber) is dated \(dated) but claim \(command.claimNumber) was submitted on \(submitted); an acknowledgment cannot come before the claim it answers. Nothing was imported"
            )
        }
    }
}
