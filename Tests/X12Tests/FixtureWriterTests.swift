import Foundation
import Testing
import TestSupport
@testable import X12

/// Regenerates the fixtures built in code when `X12_WRITE_FIXTURES` names a directory; otherwise does nothing.
/// `X12_WRITE_FIXTURES=$PWD/Tests/X12Tests/Fixtures swift test --filter FixtureWriterTests`
@Suite("fixture writer")
struct FixtureWriterTests {
    static let generated: [(String, @Sendable () throws -> [UInt8])] = [
        ("837p-behavioral-health.x12", { try BehavioralHealthSample.interchange.x12() }),
    ]

    @Test("writes generated fixtures only when asked")
    func write() throws {
        guard let directory = ProcessInfo.processInfo.environment["X12_WRITE_FIXTURES"] else { return }
        for (name, make) in Self.generated {
            try Data(try make()).write(to: URL(fileURLWithPath: directory).appendingPathComponent(name))
        }
    }

    @Test("every generated fixture, as written now, passes pyx12")
    func validated() throws {
        for (name, make) in Self.generated {
            try X12Validator.validate(bytes: try make(), name: name)
        }
    }
}
