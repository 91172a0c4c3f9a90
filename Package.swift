// swift-tools-version: 6.0
import PackageDescription

/// RevenueCycle: an event-sourced revenue-cycle engine for mental-health billing companies.
///
/// Layers point down only (docs/decisions/0001-layers-and-modules.md):
/// `rcm` → Demo → Application (core over ports; PostgreSQL and in-memory adapters)
///   → Projections / BillingX12 / Schema → Billing, X12, EventStore → Postgres → CLibPQ.
let package = Package(
    name: "RevenueCycle",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "rcm", targets: ["rcm"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // C: libpq through pkg-config, visible to the Postgres module only.
        .systemLibrary(
            name: "CLibPQ",
            path: "Sources/CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .target(name: "Postgres", dependencies: ["CLibPQ"]),
        // SQL migrations, embedded in the binary.
        .target(
            name: "Schema",
            dependencies: ["Postgres", .product(name: "Crypto", package: "swift-crypto")],
            path: "Schema",
            exclude: ["README.md"],
            resources: (Migrations.files + ["bootstrap.sql"]).map { .embedInCode($0) }
        ),
        .target(
            name: "EventStore",
            dependencies: ["Postgres", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Pure domain: no SQL, no I/O, no clock.
        .target(name: "Billing"),
        // Pure X12 5010 reader and writer: no SQL, no billing types.
        .target(name: "X12"),
        // Bank files (BAI2 cash-management reports): pure reader, amounts as Money.
        .target(name: "BankFiles", dependencies: ["Billing"]),
        // Mapping between the billing domain and X12 (837P out; 835, 999, 277CA in) and the payer simulator. Pure.
        .target(name: "BillingX12", dependencies: ["Billing", "X12"]),
        // Projections: analyst tables, reports, the audit trail; exactly-once and rebuildable.
        .target(name: "Projections", dependencies: ["EventStore", "Billing", "Postgres"]),
        // The application layer: commands that run the billing deciders against the event store and the PHI store.
        .target(
            name: "Application",
            dependencies: [
                "EventStore", "Billing", "Postgres", "X12", "BillingX12", "Projections", "Schema", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        // The HTTP front door (`rcm serve`): routes, authentication, problem documents, metrics; thin over Application.
        .target(
            name: "Server",
            dependencies: [
                "Application", "Billing", "Projections",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            resources: [.embedInCode("openapi.yaml")]
        ),
        // The deterministic demo billing company, written through the application core.
        .target(name: "Demo", dependencies: ["Application", "Billing", "BillingX12", "EventStore", "X12"]),
        .executableTarget(
            name: "rcm",
            dependencies: [
                "Application", "Demo", "Billing", "X12", "BillingX12", "Projections", "Server",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Shared helpers of the integration tests: a fresh migrated database per suite, the rcm binary.
        .target(name: "TestSupport", dependencies: ["Postgres", "Schema"]),
        // The benchmark harness (Scripts/bench): the product's speed beside PostgreSQL's own limit.
        .executableTarget(
            name: "rcm-bench",
            dependencies: ["Postgres", "Schema", "EventStore", "Billing", "X12", "BillingX12", "Projections", "Application", "Demo"],
            path: "Sources/Bench"
        ),
        .testTarget(name: "PostgresTests", dependencies: ["Postgres", "Schema", "TestSupport"]),
        .testTarget(name: "EventStoreTests", dependencies: ["EventStore", "Postgres", "Schema", "TestSupport"]),
        .testTarget(
            name: "BillingTests",
            dependencies: ["Billing", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "ProjectionsTests",
            dependencies: ["Projections", "EventStore", "Billing", "Postgres", "Schema", "TestSupport"]
        ),
        .testTarget(
            name: "ApplicationTests",
            dependencies: ["Application", "Demo", "EventStore", "Billing", "BillingX12", "X12", "Postgres", "Schema", "TestSupport"]
        ),
        // The rcm binary, run as a user would: help, happy paths, bad input, exit codes.
        .testTarget(
            name: "CLITests",
            dependencies: [
                "TestSupport", "Postgres", "EventStore", "Schema",
                // A webhook receiver on loopback and an independent check of its signatures.
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The server's routes against docs/openapi.yaml (no database).
        .testTarget(name: "ServerTests", dependencies: ["Server"]),
        .testTarget(name: "BillingX12Tests", dependencies: ["BillingX12", "Billing", "X12", "TestSupport"]),
        .testTarget(name: "BankFilesTests", dependencies: ["BankFiles", "Billing", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "X12Tests", dependencies: ["X12", "TestSupport"], resources: [.copy("Fixtures")]),
    ],
    swiftLanguageModes: [.v6]
)

/// The migration files, in order. A test checks that every `Schema/*.sql` file is listed here.
enum Migrations {
    static let files: [String] = [
        "V0001__foundation.sql",
        "V0002__event_store.sql",
        "V0003__phi_store_and_access.sql",
        "V0004__projections.sql",
        "V0005__event_key_style.sql",
        "V0006__index_and_remittance_projections.sql",
        "V0007__phi_redaction_and_duplicates.sql",
        "V0008__acting_role.sql",
        "V0009__server_credentials.sql",
        "V0010__phi_sealed.sql",
        "V0011__alerts_table.sql",
        "V0012__api_idempotency.sql",
        "V0013__webhooks.sql",
        "V0014__second_factor.sql",
        "V0015__write_path_closed.sql",
        "V0016__citus_ready.sql",
        "V0017__console_sessions_and_idle_policy.sql",
        "V0018__passkeys.sql",
        "V0019__totp_sealed.sql",
        "V0020__ar_open_rollup.sql",
        "V0021__aging_history.sql",
        "V0022__citus_plannable_functions.sql",
        "V0023__bulk_import.sql",
    ]
}
