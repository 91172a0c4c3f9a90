/// One 835 transaction set (005010X221A1): one payment or notification from a payer to a payee.
public struct Remittance: Sendable, Hashable, Codable {
    /// ST02.
    public var controlNumber: String
    /// BPR: the money.
    public var payment: Payment
    /// TRN: the reassociation trace.
    public var trace: Trace
    /// REF*EV: the receiver id, when present.
    public var receiverID: String?
    /// DTM*405: the production date.
    public var productionDate: X12Date?
    /// Loop 1000A: the payer.
    public var payer: Payer
    /// Loop 1000B: the payee.
    public var payee: Payee
    /// Loop 2100: the claims, in file order (LX headers are not kept).
    public var claims: [ClaimPayment]
    /// PLB: provider-level adjustments.
    public var providerAdjustments: [ProviderAdjustment]
    /// The segment number of the ST (0 for values built in memory).
    public var segmentNumber: Int

    /// A remittance.
    public init(controlNumber: String, payment: Payment, trace: Trace, receiverID: String? = nil,
                productionDate: X12Date? = nil, payer: Payer, payee: Payee, claims: [ClaimPayment],
                providerAdjustments: [ProviderAdjustment] = [], segmentNumber: Int = 0) {
        self.controlNumber = controlNumber
        self.payment = payment
        self.trace = trace
        self.receiverID = receiverID
        self.productionDate = productionDate
        self.payer = payer
        self.payee = payee
        self.claims = claims
        self.providerAdjustments = providerAdjustments
        self.segmentNumber = segmentNumber
    }

    /// The payer's identifier for matching and idempotency: REF*2U when present, else TRN03.
    public var payerIdentifier: String? { payer.identifier ?? trace.originatorID }

    /// BPR: financial information.
    public struct Payment: Sendable, Hashable, Codable {
        /// BPR01: `C` payment and remittance, `D` payment only, `H` notification only, `I` remittance only, `P`, `U`, `X`.
        public var handlingCode: String
        /// BPR02: total actual provider payment.
        public var amount: X12Amount
        /// BPR03: `C` credit or `D` debit.
        public var creditDebit: String
        /// BPR04: `ACH`, `CHK`, `FWT`, `BOP`, `NON`.
        public var method: String?
        /// BPR05: `CCP` or `CTX`, for ACH.
        public var format: String?
        /// BPR06–BPR15: the banks and accounts of an electronic transfer (ACH, BOP, FWT); nil for a check or no payment.
        public var transfer: Transfer?
        /// BPR16: payment effective or check issue date.
        public var date: X12Date?

        /// A payment.
        public init(handlingCode: String, amount: X12Amount, creditDebit: String = "C", method: String? = nil,
                    format: String? = nil, transfer: Transfer? = nil, date: X12Date? = nil) {
            self.handlingCode = handlingCode
            self.amount = amount
            self.creditDebit = creditDebit
            self.method = method
            self.format = format
            self.transfer = transfer
            self.date = date
        }

        /// BPR02 with its sign: negative for a debit (`BPR03 = D`).
        public var signedAmount: X12Amount { creditDebit == "D" ? -amount : amount }

        /// BPR06–BPR15 of an electronic funds transfer: the payer's bank and account, the payer's company id,
        /// and the payee's bank and account.
        public struct Transfer: Sendable, Hashable, Codable {
            /// BPR06 and BPR07: the sending bank (`01` ABA routing number, `04` Canadian).
            public var senderBank: Account
            /// BPR10: the originating company (payer) identifier, `1` + EIN, the same as TRN03.
            public var originatingCompanyID: String
            /// BPR11: the originating company supplemental code, the same as TRN04 when both are sent.
            public var originatingCompanySupplementalCode: String?
            /// BPR12–BPR15: the receiving bank and account.
            public var receiverBank: Account

            /// A transfer.
            public init(senderBank: Account, originatingCompanyID: String, originatingCompanySupplementalCode: String? = nil,
                        receiverBank: Account) {
                self.senderBank = senderBank
                self.originatingCompanyID = originatingCompanyID
                self.originatingCompanySupplementalCode = originatingCompanySupplementalCode
                self.receiverBank = receiverBank
            }

            /// A depository financial institution and an account in it.
            public struct Account: Sendable, Hashable, Codable {
                /// DFI id qualifier: `01` ABA transit routing number, `04` Canadian bank branch and institution.
                public var bankQualifier: String
                /// DFI id: the routing number.
                public var bank: String
                /// Account number qualifier: `DA` demand deposit, `SG` savings (`CK` and others occur).
                public var accountQualifier: String
                /// The account number.
                public var account: String

                /// An account.
                public init(bankQualifier: String = "01", bank: String, accountQualifier: String = "DA", account: String) {
                    self.bankQualifier = bankQualifier
                    self.bank = bank
                    self.accountQualifier = accountQualifier
                    self.account = account
                }
            }
        }
    }

    /// TRN: reassociation trace.
    public struct Trace: Sendable, Hashable, Codable {
        /// TRN02: check or EFT trace number.
        public var number: String
        /// TRN03: payer identifier (`1` + EIN).
        public var originatorID: String?
        /// TRN04: originating company supplemental code.
        public var supplementalCode: String?

        /// A trace.
        public init(number: String, originatorID: String? = nil, supplementalCode: String? = nil) {
            self.number = number
            self.originatorID = originatorID
            self.supplementalCode = supplementalCode
        }
    }

    /// Loop 1000A.
    public struct Payer: Sendable, Hashable, Codable {
        /// N102.
        public var name: String
        /// REF*2U: payer identification.
        public var identifier: String?
        /// N3/N4.
        public var address: Address?

        /// A payer.
        public init(name: String, identifier: String? = nil, address: Address? = nil) {
            self.name = name
            self.identifier = identifier
            self.address = address
        }
    }

    /// Loop 1000B.
    public struct Payee: Sendable, Hashable, Codable {
        /// N102.
        public var name: String
        /// N103: `XX` NPI, `FI` tax id, `XV` CMS plan id.
        public var idQualifier: String
        /// N104.
        public var id: String
        /// N3/N4.
        public var address: Address?
        /// REF (TJ tax id, PQ payee id…).
        public var references: [Reference]

        /// A payee.
        public init(name: String, idQualifier: String, id: String, address: Address? = nil, references: [Reference] = []) {
            self.name = name
            self.idQualifier = idQualifier
            self.id = id
            self.address = address
            self.references = references
        }

        /// The NPI: N104 when N103 is `XX`.
        public var npi: String? { idQualifier == "XX" ? id : nil }
        /// The tax id: N104 when N103 is `FI`, else REF*TJ.
        public var taxID: String? {
            idQualifier == "FI" ? id : references.first { $0.qualifier == "TJ" }?.value
        }
    }
}
