import EventStore
import Projections
import Schema

// The value types front ends render, under the core's name for them: a front end imports Application (and
// the domain's value types), never the event store or PostgreSQL.

/// A tenant: a client practice or the billing company.
public typealias Tenant = EventStoreNames.TenantType
/// A tenant's id.
public typealias TenantID = EventStoreNames.TenantIDType
/// What `audit verify` found in one tenant's chain.
public typealias ChainReport = ChainVerifier.Report
/// What `migrate` applied.
public typealias MigrationReport = Migrator.Report
