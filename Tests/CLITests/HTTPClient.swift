import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A small HTTP client for the server tests: no cookie jar, no redirects followed, bodies as bytes.
struct HTTPClient: Sendable {
    struct Reply: Sendable {
        let status: Int
        let headers: [String: String]
        let body: Data

        var text: String { String(decoding: body, as: UTF8.self) }
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
        func header(_ name: String) -> String? { headers.first { $0.key.lowercased() == name.lowercased() }?.value }
    }

    let baseURL: URL
    var headers: [String: String] = [:]

    func with(_ name: String, _ value: String) -> HTTPClient {
        var copy = self
        copy.headers[name] = value
        return copy
    }

    func bearer(_ token: String) -> HTTPClient { with("Authorization", "Bearer \(token)") }

    func get(_ path: String, headers: [String: String] = [:]) async throws -> Reply {
        try await send("GET", path, body: nil, headers: headers)
    }

    func post(_ path: String, json: Any? = nil, raw: Data? = nil, headers: [String: String] = [:]) async throws -> Reply {
        let body = try json.map { try JSONSerialization.data(withJSONObject: $0) } ?? raw
        return try await send("POST", path, body: body, headers: headers)
    }

    func delete(_ path: String, headers: [String: String] = [:]) async throws -> Reply {
        try await send("DELETE", path, body: nil, headers: headers)
    }

    func send(_ method: String, _ path: String, body: Data?, headers extra: [String: String]) async throws -> Reply {
        var request = URLRequest(url: URL(string: baseURL.absoluteString + path)!)
        request.httpMethod = method
        request.httpBody = body
        request.httpShouldHandleCookies = false
        if body != nil { request.setValue("application/json", forHTTPHeaderField: "Content-Type") }
        for (name, value) in headers.merging(extra, uniquingKeysWith: { $1 }) { request.setValue(value, forHTTPHeaderField: name) }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        let session = URLSession(configuration: configuration)
        let (data, response) = try await session.data(for: request)
        let http = response as! HTTPURLResponse
        var fields: [String: String] = [:]
        for (key, value) in http.allHeaderFields { fields["\(key)"] = "\(value)" }
        return Reply(status: http.statusCode, headers: fields, body: data)
    }
}
