extension DataInventory {
    /// Every table's columns that can hold text, bytes, JSON or dates, classified. A migration that adds such a
    /// column adds it here too, or `rcm admin inventory --check` (and its test) fails.
    public static let tables: [Table] = [
        Table("rcm_phi.patient_identities", [
            "sealed": .sealed, "member_index": .keyedHash, "name_index": .keyedHash, "digest": .keyedHash, "patient_key": .pseudonymous,
            "salt": .notPHI, "first_name": .clearUntilRotated, "last_name": .clearUntilRotated, "date_of_birth": .clearUntilRotated,
            "address": .clearUntilRotated, "phone": .clearUntilRotated, "member_id": .clearUntilRotated, "subscriber_id": .clearUntilRotated,
        ]),
        Table("rcm_phi.x12_files", [
            "bytes": .sealed, "mentions": .keyedHash, "sha256": .notPHI, "direction": .notPHI, "kind": .notPHI, "file_name": .notPHI,
        ]),
        Table("rcm_phi.data_keys", ["wrapped_key": .wrappedKey, "kek_id": .notPHI]),
        Table("rcm.events", [
            "payload": .pseudonymous, "metadata": .freeText, "effective_date": .pseudonymous, "stream_id": .pseudonymous, "event_type": .notPHI,
            "db_user": .notPHI, "prev_hash": .notPHI, "hash": .notPHI,
        ]),
        Table("rcm_auth.credentials", ["login": .notPHI, "algorithm": .notPHI, "salt": .credentialHash, "verifier": .credentialHash]),
        Table("rcm_auth.sessions", ["login": .notPHI, "token_hash": .credentialHash, "stage": .notPHI]),
        Table("rcm_auth.totp_factors", ["login": .notPHI, "sealed": .sealedSecret, "secret": .credentialSecret]),
        Table("rcm_auth.passkeys", [
            "login": .notPHI, "credential_id": .notPHI, "public_key": .notPHI, "attestation_format": .notPHI,  // a public key, not a secret
        ]),
        Table("rcm_auth.webauthn_challenges", ["token_hash": .credentialHash, "purpose": .notPHI, "challenge": .notPHI]),
        Table("rcm_auth.recovery_codes", ["login": .notPHI, "code_hash": .credentialHash]),
        Table("rcm_auth.second_factor_policy", ["required_for": .notPHI]),
        Table("rcm_auth.session_policy", [:]),  // idle_timeout (interval), set_at: nothing that can hold PHI
        Table("rcm_auth.api_keys", [
            "key_id": .notPHI, "label": .freeText, "role": .notPHI, "actions": .notPHI, "created_by": .notPHI, "secret_hash": .credentialHash,
        ]),
        Table("rcm_auth.decoy_key", ["key": .credentialHash]),
        Table("rcm.checkpoints", ["consumer": .notPHI]),
        Table("rcm.api_idempotency", [
            "idem_key": .notPHI, "role": .notPHI, "request_sha256": .notPHI, "content_type": .notPHI,
            "body": .pseudonymous,  // a POST's answer: keys, statuses, amounts (identity routes answer the key alone)
        ]),
        Table("rcm.webhook_subscriptions", ["url": .notPHI, "event_types": .notPHI, "owner_role": .notPHI, "secret": .credentialSecret]),
        Table("rcm.webhook_attempts", ["outcome": .notPHI, "error": .notPHI]),
        Table("rcm.webhook_dead_letters", ["state": .notPHI, "replayed_by": .notPHI]),
        Table("rcm_analytics_store.alerts", pseudonymous(["patient_key", "subject", "deadline", "detail"]).merging(notPHI(["as_of", "kind", "resolve_with"])) { $1 }),
        Table("rcm.idempotency_keys", ["key": .notPHI]),
        Table("rcm.interchange_counters", ["sender_id": .notPHI]),
        Table("rcm.log_heads", ["head_hash": .notPHI]),
        Table("rcm.staff_assignments", ["login": .notPHI]),
        Table("rcm.tenants", ["slug": .notPHI, "kind": .notPHI, "time_zone": .notPHI, "status": .notPHI]),
        Table("rcm_schema.migrations", ["file_name": .notPHI, "checksum": .notPHI, "applied_by": .notPHI]),
        Table("rcm_schema.placement", ["table_name": .notPHI, "placement": .notPHI]),
        Table("rcm_schema.delegated_functions", ["signature": .notPHI]),
        Table("rcm_analytics_store.account_index", ["patient_key": .pseudonymous, "opened_on": .pseudonymous]),
        Table("rcm_analytics_store.ar_activity", ["activity_date": .pseudonymous, "service_date": .pseudonymous]),
        Table("rcm_analytics_store.aging_history", pseudonymous([
            "claim_id", "valid_from", "valid_until", "service_date", "created_on", "payer_submitted_on", "patient_billed_on", "last_activity_on",
        ]).merging(notPHI(["payer_id", "rendering_provider"])) { $1 }),
        Table("rcm_analytics_store.ar_open", ["side": .notPHI, "payer_id": .notPHI, "rendering_provider": .notPHI, "service_date": .pseudonymous]),
        Table("rcm_analytics_store.ar_open_rollup", [
            "anchor": .notPHI, "side": .notPHI, "payer_id": .notPHI, "rendering_provider": .notPHI, "period_start": .pseudonymous,
        ]),
        Table("rcm_analytics_store.claim_index", [
            "claim_id": .pseudonymous, "claim_number": .pseudonymous, "patient_key": .pseudonymous, "payer_id": .notPHI, "created_on": .pseudonymous,
        ]),
        Table("rcm_analytics_store.claim_status", pseudonymous([
            "claim_id", "claim_number", "patient_key", "service_date", "service_date_last", "created_on", "first_submitted_on", "payer_submitted_on",
            "last_submitted_on", "acknowledged_on", "first_adjudicated_on", "last_adjudicated_on", "patient_billed_on", "last_activity_on", "line_codes",
        ]).merging(notPHI(["payer_id", "payer_order", "primary_payer_id", "rendering_provider", "status"])) { $1 }),
        Table("rcm_analytics_store.denials", pseudonymous([
            "claim_id", "denial_id", "procedure_codes", "opened_on", "due_date", "appealed_on", "resolved_on",
        ]).merging(notPHI(["payer_id", "rendering_provider", "group_code", "carc", "carc_all", "rarc", "owner", "status", "outcome"])) { $1 }),
        Table("rcm_analytics_store.remittance_plb", notPHI([
            "stream_id", "payer_id", "trace_number", "provider_id", "fiscal_period_date", "reason", "reference", "kind", "claim_number",
        ])),
        Table("rcm_analytics_store.remittance_unapplied", pseudonymous([
            "patient_control_number", "payer_claim_number", "line_control_number", "procedure_code", "last_activity_on",
        ]).merging(notPHI(["stream_id", "item_id", "payer_id", "trace_number", "status_code", "reason", "state"])) { $1 }.merging(["note": .freeText]) { $1 }),
        Table("rcm_analytics_store.remittances", notPHI([
            "stream_id", "payer_id", "trace_number", "payment_date", "received_on", "method", "payee", "state", "transaction_control_number",
            "last_activity_on", "received",
        ])),
        Table("rcm_analytics_store.session_index", [
            "session_id": .pseudonymous, "patient_key": .pseudonymous, "date_of_service": .pseudonymous, "logged_on": .pseudonymous,
            "claim_id": .pseudonymous, "rendering": .notPHI,
        ]),
    ]

    static func pseudonymous(_ columns: [String]) -> [String: Holding] { Dictionary(uniqueKeysWithValues: columns.map { ($0, .pseudonymous) }) }
    static func notPHI(_ columns: [String]) -> [String: Holding] { Dictionary(uniqueKeysWithValues: columns.map { ($0, .notPHI) }) }
}
