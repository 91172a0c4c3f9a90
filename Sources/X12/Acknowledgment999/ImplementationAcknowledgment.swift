/// One 999 transaction set (005010X231A1): the receiver's syntax answer to one functional group.
public struct ImplementationAcknowledgment: Sendable, Hashable, Codable {
    /// ST02.
    public var controlNumber: String
    /// AK101: the acknowledged GS01 (`HC`).
    public var groupFunctionalID: String
    /// AK102: the acknowledged GS06.
    public var groupControlNumber: String
    /// AK103: the acknowledged GS08.
    public var groupVersion: String?
    /// One entry per AK2: the acknowledged transaction sets.
    public var transactionSets: [SetResponse]
    /// AK9: the group's result.
    public var groupResult: GroupResult
    /// The segment number of the ST (0 for values built in memory).
    public var segmentNumber: Int

    /// A 999.
    public init(controlNumber: String, groupFunctionalID: String, groupControlNumber: String, groupVersion: String? = nil,
                transactionSets: [SetResponse], groupResult: GroupResult, segmentNumber: Int = 0) {
        self.controlNumber = controlNumber
        self.groupFunctionalID = groupFunctionalID
        self.groupControlNumber = groupControlNumber
        self.groupVersion = groupVersion
        self.transactionSets = transactionSets
        self.groupResult = groupResult
        self.segmentNumber = segmentNumber
    }

    /// AK2 … IK5: the answer for one transaction set.
    public struct SetResponse: Sendable, Hashable, Codable {
        /// AK201: `837`.
        public var setID: String
        /// AK202: the acknowledged ST02.
        public var controlNumber: String
        /// AK203: the acknowledged implementation reference.
        public var implementation: String?
        /// IK3 loops.
        public var segmentErrors: [SegmentError]
        /// IK501: `A` accepted, `E` accepted with errors, `R` rejected, `M`, `W`, `X`.
        public var result: String
        /// IK502–IK506: set-level syntax error codes.
        public var errorCodes: [String]

        /// A set response.
        public init(setID: String, controlNumber: String, implementation: String? = nil, segmentErrors: [SegmentError] = [],
                    result: String, errorCodes: [String] = []) {
            self.setID = setID
            self.controlNumber = controlNumber
            self.implementation = implementation
            self.segmentErrors = segmentErrors
            self.result = result
            self.errorCodes = errorCodes
        }

        /// Accepted, with or without errors (`A` or `E`).
        public var isAccepted: Bool { result == "A" || result == "E" }
    }

    /// IK3 with its CTX and IK4: one segment in error.
    public struct SegmentError: Sendable, Hashable, Codable {
        /// IK301: the segment id in error.
        public var segmentID: String
        /// IK302: its position in the transaction set (ST = 1).
        public var position: Int
        /// IK303: the loop id.
        public var loopID: String?
        /// IK304: `1` unrecognized, `2` unexpected, `3` required missing, `8` has element errors, `I4`…
        public var code: String
        /// CTX: business context (`CLM01:claim number`, situational trigger).
        public var contexts: [Context]
        /// IK4: element errors.
        public var elementErrors: [ElementError]

        /// A segment error.
        public init(segmentID: String, position: Int, loopID: String? = nil, code: String, contexts: [Context] = [],
                    elementErrors: [ElementError] = []) {
            self.segmentID = segmentID
            self.position = position
            self.loopID = loopID
            self.code = code
            self.contexts = contexts
            self.elementErrors = elementErrors
        }
    }

    /// IK4: one element in error.
    public struct ElementError: Sendable, Hashable, Codable {
        /// IK401-1: the element position.
        public var position: Int
        /// IK401-2: the component position.
        public var componentPosition: Int?
        /// IK402: the data element reference number.
        public var elementReference: String?
        /// IK403: `1` missing, `4` too short, `5` too long, `6` invalid character, `7` invalid code, `8` invalid date, `I…`.
        public var code: String
        /// IK404: a copy of the bad value; may hold PHI.
        public var badValue: PHI<String>?

        /// An element error.
        public init(position: Int, componentPosition: Int? = nil, elementReference: String? = nil, code: String, badValue: String? = nil) {
            self.position = position
            self.componentPosition = componentPosition
            self.elementReference = elementReference
            self.code = code
            self.badValue = badValue.map(PHI.init)
        }
    }

    /// CTX: business unit context (`CLM01` and the claim number) or situational trigger.
    public struct Context: Sendable, Hashable, Codable {
        /// CTX01-1: `CLM01`, `SITUATIONAL TRIGGER`…
        public var name: String
        /// CTX01-2: the reference (a claim number).
        public var reference: String?
        /// CTX02: segment id of a trigger.
        public var segmentID: String?
        /// CTX03: its position.
        public var segmentPosition: Int?

        /// A context.
        public init(name: String, reference: String? = nil, segmentID: String? = nil, segmentPosition: Int? = nil) {
            self.name = name
            self.reference = reference
            self.segmentID = segmentID
            self.segmentPosition = segmentPosition
        }
    }

    /// AK9: the functional group's result.
    public struct GroupResult: Sendable, Hashable, Codable {
        /// AK901: `A` accepted, `E` accepted with errors, `P` partially accepted, `R` rejected.
        public var code: String
        /// AK902: transaction sets included.
        public var includedCount: Int
        /// AK903: transaction sets received.
        public var receivedCount: Int
        /// AK904: transaction sets accepted.
        public var acceptedCount: Int
        /// AK905–AK909: group-level error codes.
        public var errorCodes: [String]

        /// A group result.
        public init(code: String, includedCount: Int, receivedCount: Int, acceptedCount: Int, errorCodes: [String] = []) {
            self.code = code
            self.includedCount = includedCount
            self.receivedCount = receivedCount
            self.acceptedCount = acceptedCount
            self.errorCodes = errorCodes
        }
    }
}
