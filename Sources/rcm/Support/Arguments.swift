import Application
import ArgumentParser
import Billing
import Demo
import Foundation

// Typed command-line values: an amount, a date or a code that does not parse is a usage error naming the
// option, before anything runs.

extension Money: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}

extension LocalDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

extension Claim.Status: ExpressibleByArgument {
    /// Only the states a claim can be in (never `none`); the help lists them.
    public init?(argument: String) {
        guard let status = Claim.Status(rawValue: argument), status != .none else { return nil }
        self = status
    }

    public static var allValueStrings: [String] { Claim.Status.allCases.filter { $0 != .none }.map(\.rawValue) }
}
extension WriteOffReason: ExpressibleByArgument {}
extension DenialStatus: ExpressibleByArgument {}
extension BalanceSide: ExpressibleByArgument {}
extension PayerOrder: ExpressibleByArgument {}
extension SubscriberRelation: ExpressibleByArgument {}
extension LicenceLevel: ExpressibleByArgument {}
extension PaymentMethod: ExpressibleByArgument {}
extension DemoScale: ExpressibleByArgument {}

/// `allowed` or `not-allowed`.
enum Permission: String, ExpressibleByArgument, CaseIterable {
    case allowed
    case notAllowed = "not-allowed"
}

/// `yes` or `no`.
enum YesNo: String, ExpressibleByArgument, CaseIterable {
    case yes
    case no
}

/// A point in time given in ISO 8601 with a zone (`2026-07-05T17:00:00Z`, fractional seconds allowed).
struct Instant: ExpressibleByArgument, Sendable {
    let date: Date

    init?(argument: String) {
        let plain = ISO8601DateFormatter()
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        guard let date = plain.date(from: argument) ?? fractional.date(from: argument) else { return nil }
        // The formatter rolls impossible days over (02-30 → 03-02) and reads year 0000; the calendar date must be
        // one that exists, with a four-digit year (the database encodes timestamps so).
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard LocalDate(String(argument.prefix(10))) != nil, calendar.component(.era, from: date) == 1,
            (1000...9999).contains(calendar.component(.year, from: date))
        else { return nil }
        self.date = date
    }
}

/// A comma-separated list (`--sessions s-1,s-2`).
struct CommaList: ExpressibleByArgument, Sendable {
    let items: [String]

    init?(argument: String) { items = list(argument) }
}

/// Splits comma-separated text, trimming blanks and dropping empty items.
func list(_ text: String) -> [String] {
    text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
}

/// Reads a file a person named, or refuses naming it.
func readFile(_ path: String) throws -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else { throw CommandError("cannot read \(path)") }
    return [UInt8](data)
}

/// A file's name without its directories.
func fileName(_ path: String) -> String { URL(fileURLWithPath: path).lastPathComponent }

/// Writes a file a person named, or refuses naming the option (never the path, which may be typed PHI).
func writeFile(_ bytes: Data, to path: String, option: String) throws {
    do { try bytes.write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
        throw CommandError("cannot write the file of \(option) (a directory, a missing folder or no permission)")
    }
}
