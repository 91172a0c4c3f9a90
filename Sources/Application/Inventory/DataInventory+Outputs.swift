extension DataInventory {
    /// Every place outside the database the product writes or sends PHI, declared beside the code that does it.
    public static let outputs: [Output] = [
        Output(
            kind: "X12 file", source: "rcm claims submit --out (SubmissionService)",
            carries: "837P: patient and subscriber names, birth dates, addresses, member ids, diagnoses, in clear X12 as the standard requires; "
                + "the operator keeps the --out directory on an encrypted volume and sends it to the clearinghouse over SFTP/TLS; "
                + "the PHI store keeps the same bytes sealed"),
        Output(
            kind: "document file", source: "rcm statement run / superbill / estimate create / denials letter (DocumentOutput)",
            carries: "patient name and address, dates of service, amounts; written to the --out directory for mailing or the portal: "
                + "the operator keeps it on an encrypted volume and deletes it after delivery"),
        Output(
            kind: "standard output", source: "rcm patient show (and --format json)",
            carries: "the identity of one patient, after the read is recorded as access.phi_viewed"),
        Output(
            kind: "X12 file", source: "rcm simulate payer --out (PayerSimulator; tests and the demo only)",
            carries: "999, 277CA and 835 answers naming the demo's invented patients"),
        Output(
            kind: "log", source: "rcm's standard error (printError, InputRedaction)",
            carries: "no PHI: values typed on the command line are replaced by their option's name; errors name records by key"),
        Output(
            kind: "log", source: "PostgreSQL's server log (log_statement = all for analyst logins, pgaudit)",
            carries: "statements and bound parameters; PHI crosses the wire only sealed or as keyed hashes, so none in clear text"),
        Output(
            kind: "webhook / HTTP", source: "rcm serve: GET …/events, …/events/stream and webhook deliveries (IntegratorView)",
            carries: "the log's events as integrators may see them: patient keys, codes, dates of service, amounts; access.*, identity.* "
                + "and Part 2 events withheld, diagnoses, notes and file names removed at any depth; no direct identifier"),
        Output(
            kind: "HTTP response", source: "rcm serve: GET …/patients/{key}/identity and the submission download",
            carries: "one patient's identity, or an 837P's bytes, after the read is recorded as access.phi_viewed; Cache-Control: no-store"),
        Output(
            kind: "log", source: "rcm serve's request log (swift-log, LogRequestsMiddleware)",
            carries: "no PHI: method, route, status, request id; identity routes carry keys in the path, never names"),
    ]
}
