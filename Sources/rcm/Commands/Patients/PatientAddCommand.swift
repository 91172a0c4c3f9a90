import Application
import ArgumentParser
import Billing
import Foundation

extension PatientCommand {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register a patient; prints the pseudonymous patient key that every other command uses.",
            discussion: """
                Names, date of birth, address, phone and member id go to the destroyable PHI store only; the log \
                holds the key and a salted digest. Names are at most 35 (first) and 60 (last) characters of letters, \
                spaces, apostrophes, hyphens and periods; a phone has 10 digits; a member id 2 to 80 letters, digits or \
                hyphens. A patient already registered with the same name, date of birth and member id is refused with \
                the existing key; --allow-duplicate with --reason registers a second record on purpose.

                Example:
                  rcm patient add --tenant acme-counseling --first Alex --last Rivera --dob 1988-04-12 \\
                    --address "12 Oak St, Springfield IL 62701" --phone 2175550142 --member-id W123456789
                """)
        @OptionGroup var practice: TenantOption
        @Option var first: String
        @Option var last: String
        @Option(help: "Date of birth, YYYY-MM-DD.") var dob: LocalDate
        @Option var address: String = ""
        @Option var phone: String = ""
        @Option(help: "Member id on the insurance card.") var memberID: String = ""
        @Option(help: "Subscriber id, when the patient is a dependant.") var subscriberID: String?
        @Flag(help: "A self-pay client (no insurance billed).") var selfPay = false
        @OptionGroup var duplicate: DuplicateOptions

        func run() async throws {
            try await reportingFailures {
                let identity = PatientIdentity(
                    firstName: first, lastName: last, dateOfBirth: dob, address: address, phone: phone, memberID: memberID, subscriberID: subscriberID)
                let key = try await Core.connect().addPatient(identity, selfPay: selfPay, tenant: practice.tenant, duplicateReason: duplicate.duplicateReason)
                print(key.rawValue)
            }
        }
    }
}
