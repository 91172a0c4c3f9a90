import Billing

/// A billing decider the repository can load, run and store: the five aggregates of `Billing`.
public protocol Aggregate {
    /// The folded state.
    associatedtype State: Sendable
    /// What may be asked.
    associatedtype Command: Sendable
    /// What happened.
    associatedtype Event: StoredEvent
    /// Why a command was refused (a closed enum with clerk-readable messages).
    associatedtype Rejection: Error & CustomStringConvertible

    /// The state before any event.
    static var initial: State { get }
    /// Decides a command against a state.
    static func decide(_ command: Command, _ state: State) throws(Rejection) -> [Event]
    /// Applies an event.
    static func evolve(_ state: State, _ event: Event) -> State
    /// Wraps an event of this family as a `BillingEvent`.
    static func wrap(_ event: Event) -> BillingEvent
    /// Unwraps a `BillingEvent` of this family.
    static func unwrap(_ event: BillingEvent) -> Event?
}

extension Practice: Aggregate {
    public static func wrap(_ event: Event) -> BillingEvent { .practice(event) }
    public static func unwrap(_ event: BillingEvent) -> Event? { if case .practice(let e) = event { e } else { nil } }
}

extension Patient: Aggregate {
    public static func wrap(_ event: Event) -> BillingEvent { .patient(event) }
    public static func unwrap(_ event: BillingEvent) -> Event? { if case .patient(let e) = event { e } else { nil } }
}

extension Billing.Session: Aggregate {
    public static func wrap(_ event: Event) -> BillingEvent { .session(event) }
    public static func unwrap(_ event: BillingEvent) -> Event? { if case .session(let e) = event { e } else { nil } }
}

extension Claim: Aggregate {
    public static func wrap(_ event: Event) -> BillingEvent { .claim(event) }
    public static func unwrap(_ event: BillingEvent) -> Event? { if case .claim(let e) = event { e } else { nil } }
}

extension PatientAccount: Aggregate {
    public static func wrap(_ event: Event) -> BillingEvent { .account(event) }
    public static func unwrap(_ event: BillingEvent) -> Event? { if case .account(let e) = event { e } else { nil } }
}

/// A command the domain refused; its description is the domain's clerk-readable sentence.
public struct CommandRejected: Error, Sendable, CustomStringConvertible {
    /// The sentence.
    public let description: String
    /// Wraps a message.
    public init(_ description: String) { self.description = description }
}
