import Foundation

/// One delivery to send: a signed POST of one event to a subscriber.
public struct WebhookRequest: Sendable {
    public let url: URL
    /// `Content-Type`, the signature, the event's id and position, the delivery's attempt number.
    public let headers: [String: String]
    public let body: Data
}

/// What a subscriber answered: a status (2xx is delivered), or why there was none (timeout, refused).
public struct WebhookResponse: Sendable {
    public let statusCode: Int?
    public let error: String?

    public init(statusCode: Int?, error: String?) {
        self.statusCode = statusCode
        self.error = error
    }

    public var delivered: Bool { statusCode.map { (200..<300).contains($0) } ?? false }
}

/// What one pass of the delivery worker did.
public struct WebhookPass: Sendable, Equatable {
    public var delivered = 0
    public var failed = 0
    public var parked = 0
    /// Whether a subscription had more to deliver at once (the worker goes on without waiting).
    public var more = false

    public init() {}
}
