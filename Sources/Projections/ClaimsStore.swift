import Billing
import Postgres

/// Reads and writes the claims projection's rows in one set of tables.
struct ClaimsStore {
    let tables: ProjectionTables

    private var claimColumns: String { ClaimRow.columns.map(\.name).joined(separator: ", ") }

    /// Loads the rows of the given claims (and their denials) of one tenant into a fold.
    func load(tenant: String, claims ids: [String], into fold: inout ClaimsFold, in session: DatabaseSession) throws {
        guard !ids.isEmpty else { return }
        let claimsSQL = SQL(
            "proj_load_claims_\(tables.claimStatus)",
            "SELECT \(claimColumns) FROM \(tables.claimStatus) WHERE tenant_id = $1 AND claim_id = ANY($2::text[])",
            prepared: false)
        let idArray = SQLParameter.textArray(ids)
        for row in try session.query(claimsSQL, [SQLParameter(text: tenant), idArray]).rows {
            let claim = try Self.claim(row)
            fold.claims[claim.claimID] = claim
            fold.loaded[claim.claimID] = claim
        }
        let denialColumns = DenialRow.columns.map(\.name).joined(separator: ", ")
        let denialsSQL = SQL(
            "proj_load_denials_\(tables.denials)",
            "SELECT \(denialColumns) FROM \(tables.denials) WHERE tenant_id = $1 AND claim_id = ANY($2::text[])",
            prepared: false)
        for row in try session.query(denialsSQL, [SQLParameter(text: tenant), idArray]).rows {
            let denial = try Self.denial(row)
            fold.denials[denial.claimID, default: [:]][denial.denialID] = denial
        }
    }

    /// Writes the fold's dirty rows and adds its activity, as a few multi-row statements.
    func write(_ fold: ClaimsFold, in session: DatabaseSession) throws {
        let claims = fold.dirtyClaims.sorted().compactMap { fold.claims[$0] }
        try TableWriter.upsert(
            table: tables.claimStatus, columns: ClaimRow.columns, key: ["tenant_id", "claim_id"],
            rows: claims.map(\.values), in: session)
        let denials = fold.dirtyDenials.sorted { ($0.claimID, $0.denialID) < ($1.claimID, $1.denialID) }
            .compactMap { fold.denials[$0.claimID]?[$0.denialID] }
        try TableWriter.upsert(
            table: tables.denials, columns: DenialRow.columns, key: ["tenant_id", "claim_id", "denial_id"],
            rows: denials.map(\.values), in: session)
        try writeOpen(fold.openBalanceChanges(), in: session)
        let activity = fold.activity.sorted {
            ($0.key.tenantID, $0.key.activityDate, $0.key.serviceDate) < ($1.key.tenantID, $1.key.activityDate, $1.key.serviceDate)
        }
        guard !activity.isEmpty else { return }
        var columns: [(name: String, type: String)] = [("tenant_id", "uuid"), ("activity_date", "date"), ("service_date", "date")]
        columns += ActivityAmounts.columns.map { ($0, "bigint") }
        let rows: [[String?]] = activity.map { key, amounts in
            [key.tenantID, key.activityDate, key.serviceDate] + amounts.values.map { String($0) }
        }
        let names = columns.map(\.name)
        let sets = ActivityAmounts.columns.map { "\($0) = t.\($0) + excluded.\($0)" }.joined(separator: ", ")
        let sql = SQL(
            "proj_add_activity",
            "INSERT INTO \(tables.activity) AS t (\(names.joined(separator: ", "))) SELECT * FROM unnest("
                + columns.enumerated().map { "$\($0.offset + 1)::\($0.element.type)[]" }.joined(separator: ", ")
                + ") ON CONFLICT (tenant_id, activity_date, service_date) DO UPDATE SET \(sets)",
            prepared: false)
        try session.query(sql, TableWriter.arrays(rows, count: columns.count))
    }

    /// Adds the open-balance changes to `ar_open`, then deletes the touched rows that no claim is open in
    /// (so that a rebuild, which never sees those rows, gives the same table).
    private func writeOpen(_ changes: [ClaimsFold.OpenKey: ClaimsFold.OpenAmounts], in session: DatabaseSession) throws {
        guard !changes.isEmpty else { return }
        let sorted = changes.sorted {
            ($0.key.side, $0.key.payerID, $0.key.provider, $0.key.serviceDate)
                < ($1.key.side, $1.key.payerID, $1.key.provider, $1.key.serviceDate)
        }
        let columns: [(name: String, type: String)] = [
            ("tenant_id", "uuid"), ("side", "text"), ("payer_id", "text"), ("rendering_provider", "text"),
            ("service_date", "date"), ("open_amount", "bigint"), ("credit_amount", "bigint"), ("claims", "bigint"),
        ]
        let rows: [[String?]] = sorted.map { key, amounts in
            [key.tenantID, key.side, key.payerID, key.provider, key.serviceDate, String(amounts.open),
             String(amounts.credit), String(amounts.claims)]
        }
        let sql = SQL(
            "proj_add_open",
            "INSERT INTO \(tables.open) AS t (\(columns.map(\.name).joined(separator: ", "))) SELECT * FROM unnest("
                + columns.enumerated().map { "$\($0.offset + 1)::\($0.element.type)[]" }.joined(separator: ", ")
                + ") ON CONFLICT (tenant_id, side, payer_id, rendering_provider, service_date) DO UPDATE SET "
                + "open_amount = t.open_amount + excluded.open_amount, "
                + "credit_amount = t.credit_amount + excluded.credit_amount, claims = t.claims + excluded.claims",
            prepared: false)
        let parameters = TableWriter.arrays(rows, count: columns.count)
        try session.query(sql, parameters)
        guard tables.open == ProjectionTables.live.open else {
            let prune = SQL(
                "proj_prune_open",
                "DELETE FROM \(tables.open) WHERE (tenant_id, side, payer_id, rendering_provider, service_date) IN "
                    + "(SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::date[])) AND claims = 0",
                prepared: false)
            try session.query(prune, Array(parameters.prefix(5)))
            return
        }
        // The live table is pruned through a definer function (staff hold no DELETE on shared tables, V0015), one
        // tenant per call: on Citus the call runs on the tenant's worker inside this connection (V0016).
        let prune = SQL(
            "proj_prune_open_live", "SELECT rcm_analytics_store.prune_ar_open($1::uuid, $2::text[], $3::text[], $4::text[], $5::date[])")
        for tenant in Set(rows.map { $0[0] ?? "" }).sorted() {
            let keys = rows.filter { $0[0] == tenant }.map { Array($0[1...4]) }
            try session.query(prune, [SQLParameter(text: tenant)] + TableWriter.arrays(keys, count: 4))
        }
    }

    static func claim(_ row: Row) throws -> ClaimRow {
        var c = ClaimRow(tenantID: try row.decode("tenant_id"), claimID: try row.decode("claim_id"))
        c.claimNumber = try row.decode("claim_number")
        c.patientKey = try row.decode("patient_key")
        c.payerID = try row.decode("payer_id")
        c.payerOrder = try Self.stored("payer_order", row, PayerOrder.init(rawValue:))
        c.primaryPayerID = try row.decode("primary_payer_id")
        c.renderingProvider = try row.decodeIfPresent("rendering_provider")
        c.serviceDate = try row.decode("service_date")
        c.serviceDateLast = try row.decode("service_date_last")
        c.createdOn = try row.decode("created_on")
        c.firstSubmittedOn = try row.decodeIfPresent("first_submitted_on")
        c.payerSubmittedOn = try row.decodeIfPresent("payer_submitted_on")
        c.lastSubmittedOn = try row.decodeIfPresent("last_submitted_on")
        c.acknowledgedOn = try row.decodeIfPresent("acknowledged_on")
        c.firstAdjudicatedOn = try row.decodeIfPresent("first_adjudicated_on")
        c.lastAdjudicatedOn = try row.decodeIfPresent("last_adjudicated_on")
        c.patientBilledOn = try row.decodeIfPresent("patient_billed_on")
        c.lastActivityOn = try row.decode("last_activity_on")
        c.status = try Self.stored("status", row, Claim.Status.init(columnText:))
        c.charges = try row.decode("charges")
        c.insurancePaid = try row.decode("insurance_paid")
        c.patientPaid = try row.decode("patient_paid")
        c.adjustments = try row.decode("adjustments")
        c.writeOffs = try row.decode("write_offs")
        c.refunds = try row.decode("refunds")
        c.patientResponsibility = try row.decode("patient_responsibility")
        c.insuranceBalance = try row.decode("insurance_balance")
        c.patientBalance = try row.decode("patient_balance")
        c.openDenials = try row.decode("open_denials")
        c.denialCount = try row.decode("denial_count")
        c.submissionCount = try row.decode("submission_count")
        c.resubmissionCount = try row.decode("resubmission_count")
        c.rejectionCount = try row.decode("rejection_count")
        c.scrubFailed = try row.decode("scrub_failed")
        c.lastScrubFailed = try row.decode("last_scrub_failed")
        c.firstAdjudicationCharges = try row.decodeIfPresent("first_adjudication_charges")
        c.firstAdjudicationPaid = try row.decodeIfPresent("first_adjudication_paid")
        c.firstAdjudicationDenied = try row.decodeIfPresent("first_adjudication_denied")
        c.firstPassDenied = try row.decodeIfPresent("first_pass_denied")
        c.cleanClaim = try row.decodeIfPresent("clean_claim")
        c.firstPassPaid = try row.decodeIfPresent("first_pass_paid")
        c.sensitive = try row.decode("sensitive")
        c.lastPosition = try row.decode("last_position")
        c.lineCodes = ClaimRow.decodeLineCodes(try row.decode("line_codes"))
        return c
    }

    static func denial(_ row: Row) throws -> DenialRow {
        var d = DenialRow(
            tenantID: try row.decode("tenant_id"), claimID: try row.decode("claim_id"),
            denialID: try row.decode("denial_id"))
        d.payerID = try row.decode("payer_id")
        d.renderingProvider = try row.decodeIfPresent("rendering_provider")
        d.procedureCodes = try row.decode("procedure_codes")
        d.groupCode = try row.decodeIfPresent("group_code")
        d.carc = try row.decodeIfPresent("carc")
        d.carcAll = try row.decode("carc_all")
        d.rarc = try row.decode("rarc")
        d.amount = try row.decode("amount")
        d.owner = try row.decodeIfPresent("owner")
        d.status = try Self.stored("status", row, DenialStatus.init(rawValue:))
        d.outcome = try row.decodeIfPresent("outcome", as: String.self).map { text in
            guard let outcome = DenialOutcome(rawValue: text) else { throw ProjectionError.malformedRow("denials.outcome") }
            return outcome
        }
        d.openedOn = try row.decode("opened_on")
        d.dueDate = try row.decode("due_date")
        d.appealedOn = try row.decodeIfPresent("appealed_on")
        d.resolvedOn = try row.decodeIfPresent("resolved_on")
        d.sensitive = try row.decode("sensitive")
        d.lastPosition = try row.decode("last_position")
        return d
    }

    /// A text column read as one of the values the fold writes.
    static func stored<T>(_ column: String, _ row: Row, _ make: (String) -> T?) throws -> T {
        guard let value = make(try row.decode(column)) else { throw ProjectionError.malformedRow(column) }
        return value
    }
}
