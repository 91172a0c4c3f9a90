extension CompanyEvent {
    /// Version 1 to 2 of the types whose `tenant_id` became `tenantID`.
    public static let upcasters: [Upcaster] = [
        .typed("company.practice_offboarded", from: 1, reading: PracticeOffboardedV1.self) {
            PracticeOffboarded(tenantID: $0.tenantID, reason: $0.reason)
        },
        .typed("company.staff_assigned", from: 1, reading: StaffAssignedV1.self) {
            StaffAssigned(login: $0.login, tenantID: $0.tenantID)
        },
    ]

    /// `company.practice_offboarded` version 1: `{"reason":…,"tenant_id":…}` (a missing key read as `""`).
    struct PracticeOffboardedV1: Decodable {
        var tenantID: String
        var reason: String

        enum CodingKeys: String, CodingKey {
            case tenantID = "tenant_id"
            case reason
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            tenantID = try container.text(.tenantID)
            reason = try container.text(.reason)
        }
    }

    /// `company.staff_assigned` version 1: `{"login":…,"tenant_id":…}` (a missing key read as `""`).
    struct StaffAssignedV1: Decodable {
        var login: String
        var tenantID: String

        enum CodingKeys: String, CodingKey {
            case login
            case tenantID = "tenant_id"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            login = try container.text(.login)
            tenantID = try container.text(.tenantID)
        }
    }
}
