import Application
import ArgumentParser
import Billing
import Foundation

extension SessionCommand {
    struct Log: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Log one session: date, providers, place of service, minutes, diagnoses, services.",
            discussion: """
                Services are CODE[:MOD[:MOD…]]=CHARGE[xUNITS], repeatable; diagnoses are ICD-10-CM codes, comma-separated. \
                Each service points at the first diagnoses (at most 4), or at those --pointers names: one --pointers per \
                --service, in order (1,3 = the first and third --dx codes); a pointer past the diagnoses is refused.

                Example:
                  rcm session log --tenant acme-counseling --patient pk-4f1c0a9e2b7d8c61 --date 2026-06-02 \\
                    --provider dr-lee --minutes 55 --dx F33.1,F41.1 --service 90837=150.00 --service 90785=25.00
                  rcm session log --tenant acme-counseling --patient pk-… --date 2026-06-09 --provider dr-lee \\
                    --pos 10 --telehealth audioVideo --minutes 45 --dx F33.1 --service 90834:95=120.00
                  rcm session log --tenant acme-counseling --patient pk-… --date 2026-06-16 --provider dr-lee \\
                    --minutes 55 --dx F33.1,F41.1,Z63.0 --service 90837=150.00 --pointers 1,2 --service 90785=25.00 --pointers 3
                """)
        @OptionGroup var practice: TenantOption
        @Option(help: "A session id (default: a new one).") var id: String?
        @OptionGroup var fields: SessionFields

        func run() async throws {
            try await reportingFailures {
                let record = try fields.row(sessionID: id ?? "s-" + UUID().uuidString.lowercased().prefix(12)).record()
                try await Core.connect().logSession(record, tenant: practice.tenant)
                print(record.sessionID.rawValue)
            }
        }
    }
}
