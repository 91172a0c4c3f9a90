import ArgumentParser

/// Which unapplied item of which payment: shared by era apply, hold, release and refund.
struct UnappliedItemOptions: ParsableArguments {
    @Argument(help: "The payment's trace number (TRN02).") var trace: String
    @Option(help: "The unapplied item (U1, U2…, as rcm era show lists them).") var item: String
    @Option(help: "The payer's catalog id, when several payers used the trace.") var payer: String?
    @OptionGroup var practice: TenantOption
}
