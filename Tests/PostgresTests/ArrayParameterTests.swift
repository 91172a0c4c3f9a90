import Foundation
import Postgres
import TestSupport
import Testing

@Suite("Array parameters, encoded once in Postgres")
struct ArrayParameterTests {
    static let unnest = SQL(
        "unnest_text", "SELECT u.v, u.n FROM unnest($1::text[]) WITH ORDINALITY AS u(v, n) ORDER BY u.n")

    static func roundTrip(_ elements: [String?], in session: DatabaseSession) throws -> [String?] {
        try session.query(unnest, [SQLParameter.textArray(elements)]).rows.map {
            try $0.decodeIfPresent("v", as: String.self)
        }
    }

    @Test("quotes, backslashes, NULL, empty strings, commas, braces, spaces and Unicode come back unchanged")
    func hostileElementsRoundTrip() async throws {
        let database = try await TestDatabase.create("arrays", migrated: false)
        let connection = try await database.connect()
        let elements: [String?] = [
            #"O'Brien "quoted""#, #"back\slash\"#, #"\""#, nil, "", "NULL", "null", "a,b", "{x}", "}", "{",
            " padded ", "tab\tnew\nline", "Zoë 漢字 🧠", #"\\"#, #""""#, "plain",
        ]
        let echoed = try await connection.run { session in try Self.roundTrip(elements, in: session) }
        #expect(echoed == elements)
        await database.drop()
    }

    @Test("an empty list is an empty array, and a list of one NULL is one NULL")
    func emptyAndNull() async throws {
        let database = try await TestDatabase.create("arrays_empty", migrated: false)
        let connection = try await database.connect()
        let (empty, null) = try await connection.run { session in
            (try Self.roundTrip([], in: session), try Self.roundTrip([nil], in: session))
        }
        #expect(empty.isEmpty)
        #expect(null == [nil])
        await database.drop()
    }

    @Test("an array of ids casts to uuid[] and matches with = ANY")
    func uuidArray() async throws {
        let database = try await TestDatabase.create("arrays_uuid", migrated: false)
        let connection = try await database.connect()
        let ids = [UUID(), UUID()]
        let row = try await connection.query(
            SQL("any_uuid", "SELECT $2::uuid = ANY($1::uuid[]) AS hit, cardinality($1::uuid[]) AS n"),
            [SQLParameter.textArray(ids.map { $0.uuidString.lowercased() }), ids[1]]
        ).first!
        #expect(try row.decode("hit", as: Bool.self))
        #expect(try row.decode("n", as: Int32.self) == 2)
        await database.drop()
    }
}
