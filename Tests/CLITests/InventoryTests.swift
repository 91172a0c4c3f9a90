import Foundation
import Postgres
import Schema
import Testing
import TestSupport

/// `rcm admin inventory`: generated from the code's declarations and the catalog; its check fails on a
/// column that can hold PHI and that nobody declared.
@Suite("The PHI inventory")
struct InventoryTests {
    @Test("every column of the product's schema is declared, and the inventory lists the sealed stores and the outputs")
    func declared() async throws {
        let cli = try await CLI.make("inventory_ok")
        let listing = try cli.ok(["admin", "inventory", "--check"])
        #expect(listing.contains("rcm_phi.patient_identities.sealed (bytea): sealed"))
        #expect(listing.contains("rcm_phi.x12_files.bytes (bytea): sealed"))
        #expect(listing.contains("rcm claims submit --out"))
        #expect(listing.contains("rcm_phi.x12_files.mentions (text[]): keyed hash") && listing.contains("rcm.events.payload (jsonb): pseudonymous"))
        #expect(!listing.contains("rcm.tenants.slug"), "not-PHI columns only with --all")
        #expect(try cli.ok(["admin", "inventory", "--all"]).contains("rcm.tenants.slug (text): not PHI"))
        await cli.database.drop()
    }

    @Test("a test migration that adds an undeclared column that can hold PHI makes the check fail, naming it")
    func undeclaredColumnFails() async throws {
        let cli = try await CLI.make("inventory_new_column")
        let migration = Migration(
            fileName: "V9001__test_nickname.sql", bytes: Array("ALTER TABLE rcm_phi.patient_identities ADD COLUMN nickname text;".utf8))
        let connection = try await cli.database.connect()
        let report = try await connection.run { try Migrator(migrations: Migration.all + [migration]).migrate($0) }
        #expect(report.applied.count == 1)
        let checked = try cli.run(["admin", "inventory", "--check"])
        #expect(checked.status == 1, "\(checked.standardOutput)")
        #expect(checked.standardError.contains("rcm_phi.patient_identities.nickname"), "\(checked.standardError)")
        #expect(checked.standardOutput.contains("rcm_phi.patient_identities.nickname (text): UNDECLARED"))
        await cli.database.drop()
    }
}
