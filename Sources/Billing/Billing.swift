/// The billing domain: pure deciders, code sets and the claim scrubber. No SQL, no I/O, no clock.
public enum BillingDomain {}
