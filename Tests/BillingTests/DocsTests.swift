import Billing
import Foundation
import Testing

/// Keeps docs/domain.md in step with the code: events, commands and scrubber rules.
@Suite("docs/domain.md")
struct DocsTests {
    static let text: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent("docs/domain.md"), encoding: .utf8)) ?? ""
    }()

    func matches(_ pattern: String, in text: String) -> [[String]] {
        let regex = try! NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            (0..<match.numberOfRanges).map { String(text[Range(match.range(at: $0), in: text)!]) }
        }
    }

    @Test("lists exactly the event types of the code")
    func events() {
        let listed = Set(
            matches(
                #"`((?:practice|patient|session|claim|denial|account|company|remittance|directory|x12|tenant|access|identity|eligibility|status)\.[a-z_]+)`"#,
                in: Self.text
            ).map { $0[1] })
        #expect(listed == Set(BillingEvent.allEventTypes))
    }

    @Test("lists exactly the commands of the code")
    func commands() {
        let paragraphs = Self.text.components(separatedBy: "\n\n").filter { $0.hasPrefix("Commands:") }
        let listed = Set(paragraphs.flatMap { matches(#"`(\w+)\.(\w+)`"#, in: $0).map { "\($0[1]).\($0[2])" } })
        let code =
            Practice.Command.names.map { "Practice.\($0)" } + Patient.Command.names.map { "Patient.\($0)" }
            + Session.Command.names.map { "Session.\($0)" } + Claim.Command.names.map { "Claim.\($0)" }
            + PatientAccount.Command.names.map { "PatientAccount.\($0)" }
        #expect(listed == Set(code))
    }

    @Test("lists exactly the scrubber rules, with their severity and summary")
    func rules() {
        let listed = matches(#"^\| (MH\d{3}) \| (error|warning) \| (.*) \|$"#, in: Self.text).map {
            "\($0[1]) \($0[2]) \($0[3])"
        }
        #expect(listed == Scrubber.rules.map { "\($0.id) \($0.severity.rawValue) \($0.summary)" })
    }
}

/// Command names cover every case; checked against sample commands so `names` cannot miss one.
@Suite("Command names")
struct CommandNameTests {
    @Test("every sample command's name is listed, and every listed name is sampled")
    func claimNames() throws {
        let samples: [Claim.Command] = [
            .create(
                claimID: "c", claimNumber: Fx.claimNumber, payerID: "p", sessions: [], authorizationNumber: nil,
                on: day("2026-01-01"), period: Fx.may),
            .scrub(Fx.context(), on: day("2026-01-01")), .submit(on: day("2026-01-01")),
            .acknowledge(payerClaimNumber: nil, on: day("2026-01-01")),
            .reject(category: "", statusCode: "", message: "", on: day("2026-01-01")),
            .adjudicate(Fx.paidRemit(), context: .init(denialID: "d"), on: day("2026-01-01"), period: Fx.may),
            .reverseAdjudication(payerClaimNumber: "", on: day("2026-01-01"), period: Fx.may),
            .assignDenial("d", owner: "s", dueDate: nil, on: day("2026-01-01")),
            .appeal("d", reference: "", on: day("2026-01-01")),
            .correct(sessions: [], reason: "", on: day("2026-01-01"), period: Fx.may),
            .void(reason: "", on: day("2026-01-01"), period: Fx.may),
            .writeOff(
                amount: .zero, reason: .courtesy, side: .patient, denialID: nil, on: day("2026-01-01"), period: Fx.may),
            .transferToPatient(amount: .zero, reason: "", on: day("2026-01-01"), period: Fx.may),
            .applyPatientPayment("p", amount: .zero, on: day("2026-01-01"), period: Fx.may),
            .refundPatient("p", amount: .zero, on: day("2026-01-01"), period: Fx.may),
            .close(on: day("2026-01-01")), .reopen(reason: "", on: day("2026-01-01")),
        ]
        #expect(samples.map(\.name) == Claim.Command.names)
        #expect(Set(Claim.Command.names).count == Claim.Command.names.count)
        #expect(Set(Practice.Command.names).count == 8 && Set(Patient.Command.names).count == 7)
        #expect(Set(Session.Command.names).count == 3 && Set(PatientAccount.Command.names).count == 10)
    }
}
