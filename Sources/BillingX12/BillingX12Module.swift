/// Mapping between the billing domain and X12 5010, and the payer simulator.
public enum BillingX12Module {}
