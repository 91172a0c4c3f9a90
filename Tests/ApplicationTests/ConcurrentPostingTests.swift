import Application
import Billing
import Foundation
import Testing
import TestSupport

/// Against PostgreSQL, in one process so that transactions overlap closely: many cores (one connection each)
/// post to one patient account at once. Appends lose races for the account's stream all the time; the core
/// decides them again, so every payment posts.
@Suite("Concurrent payments on one account against PostgreSQL")
struct ConcurrentPostingTests {
    @Test("8 connections × 25 payments on one account, at once: 200 posted, none refused, the total is their sum")
    func everyPaymentPosts() async throws {
        let database = try await TestDatabase.create("concurrent_posting")
        let setup = try await RevenueCycle.connect(settings: database.settings)
        try await setup.configureSubmitter(InMemoryWorld.submitter)
        try await setup.addPayer(InMemoryWorld.aetna)
        let practice = try await setup.onboardPractice(InMemoryWorld.profile())
        let key = try await setup.addPatient(InMemoryWorld.identity("Perpetua", "Racecourse"), selfPay: true, tenant: practice.slug)
        let (writers, each) = (8, 25)
        let failures = try await withThrowingTaskGroup(of: [String].self) { group in
            for _ in 0..<writers {
                group.addTask {
                    let core = try await RevenueCycle.connect(settings: database.settings)
                    var failed: [String] = []
                    for _ in 0..<each {
                        do {
                            _ = try await core.postPatientPayment(Money(cents: 1_00), method: .cash, patient: key, claim: nil, paymentID: nil, tenant: practice.slug)
                        } catch {
                            failed.append("\(error)")
                        }
                    }
                    return failed
                }
            }
            return try await group.reduce(into: [String]()) { $0 += $1 }
        }
        #expect(failures.isEmpty, "\(failures.count) refused: \(failures.prefix(3))")
        let last = try await setup.postPatientPayment(Money(cents: 1), method: .cash, patient: key, claim: nil, paymentID: nil, tenant: practice.slug)
        #expect(last.patientPaid == Money(cents: Int64(writers * each) * 1_00 + 1), "every payment is on the account once")
        await database.drop()
    }
}
