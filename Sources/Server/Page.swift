import Foundation
import Hummingbird

/// Cursor pagination of a list in a stable order: `limit` (1–500, default 50) and `cursor` (the `nextCursor` of
/// the page before). Items are sorted by a unique key; a page holds the items after the cursor's key.
struct Page<Item> {
    /// This page's items.
    let items: [Item]
    /// The cursor of the next page, or nil on the last.
    let nextCursor: String?

    /// What a request asks of a list: at most `limit` items (`limit`, 1 to 500, 50 by default) after the key
    /// its `cursor` names.
    struct Asked {
        let limit: Int
        let after: String?

        init(_ request: Request) throws {
            let query = request.uri.queryParameters
            limit = try query.get("limit").map { text in
                guard let limit = Int(text), (1...500).contains(limit) else { throw Problem.invalid("limit", "range", "limit is 1 to 500") }
                return limit
            } ?? 50
            after = try query.get("cursor").map { try Cursor.decode(String($0)) }
        }
    }

    /// The page of `items` (sorted by `key`, unique) that the request's `limit` and `cursor` ask for.
    init(_ items: [Item], key: (Item) -> String, request: Request) throws {
        let asked = try Asked(request)
        let sorted = items.sorted { key($0) < key($1) }
        let rest = asked.after.map { after in sorted.filter { key($0) > after } } ?? sorted
        self.items = Array(rest.prefix(asked.limit))
        self.nextCursor = rest.count > asked.limit ? self.items.last.map { Cursor.encode(key($0)) } : nil
    }

    /// A page the store already cut (`items` in `key` order after the cursor, at most the limit), and whether
    /// another follows.
    init(cut items: [Item], more: Bool, key: (Item) -> String) {
        self.items = items
        self.nextCursor = more ? items.last.map { Cursor.encode(key($0)) } : nil
    }

    /// `{"<name>": [...], "nextCursor": … | null}`.
    func json(_ name: String, _ render: (Item) -> Any) -> [String: Any] {
        [name: items.map(render), "nextCursor": nextCursor ?? NSNull()]
    }
}
