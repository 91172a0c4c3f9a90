extension CompanyEvent {
    /// Payload of `company.practice_offboarded` (version 2).
    public struct PracticeOffboarded: Codable, Sendable, Equatable {
        /// The practice's tenant id (a UUID, lower case).
        public var tenantID: String
        /// Why it left (the business-associate agreement ended, …).
        public var reason: String

        /// A payload with every field.
        public init(tenantID: String, reason: String) {
            self.tenantID = tenantID
            self.reason = reason
        }
    }

    /// Payload of `company.staff_added`.
    public struct StaffAdded: Codable, Sendable, Equatable {
        /// The person's database login.
        public var login: String
        /// Its group: `staff`, `auditor`, `analyst` or `owner`.
        public var group: String

        /// A payload with every field.
        public init(login: String, group: String) {
            self.login = login
            self.group = group
        }
    }

    /// Payload of `company.staff_assigned` (version 2).
    public struct StaffAssigned: Codable, Sendable, Equatable {
        /// The staff login.
        public var login: String
        /// The practice's tenant id (a UUID, lower case).
        public var tenantID: String

        /// A payload with every field.
        public init(login: String, tenantID: String) {
            self.login = login
            self.tenantID = tenantID
        }
    }
}
