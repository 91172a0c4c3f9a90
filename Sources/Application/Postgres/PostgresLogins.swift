import EventStore
import Foundation
import Postgres

/// Logins, assignments and tenant status: the product's SQL functions that manage them.
enum PostgresLogins {
    static let createLoginSQL = SQL("staff_create_login", "SELECT rcm.create_login($1, $2, $3) AS created")
    static let assignSQL = SQL("staff_assign", "SELECT rcm.assign_staff($1, $2) AS assigned")
    static let statusSQL = SQL("tenant_set_status", "SELECT rcm.set_tenant_status($1, 'offboarded')")
    static let restoreSQL = SQL("restore_derived", "SELECT rcm.rebuild_derived_state() AS tenants")

    static func create(_ login: String, password: String?, role: String, in session: DatabaseSession) throws -> Bool {
        try session.query(createLoginSQL, [login, password, role]).first!.decode("created")
    }

    static func assign(_ login: String, to tenant: TenantID, in session: DatabaseSession) throws -> Bool {
        try session.query(assignSQL, [tenant.sqlParameter, login.sqlParameter]).first?.decodeIfPresent("assigned") ?? false
    }

    static func markOffboarded(_ tenant: TenantID, in session: DatabaseSession) throws {
        try session.query(statusSQL, [tenant])
    }

    static func restoreDerived(in session: DatabaseSession) throws -> Int {
        try session.query(restoreSQL).first!.decode("tenants", as: Int.self)
    }
}
