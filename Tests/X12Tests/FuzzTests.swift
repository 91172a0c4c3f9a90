import Foundation
import Testing
@testable import X12

/// SplitMix64: a small deterministic generator, so every run mutates the same way.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("fuzz")
struct FuzzTests {
    /// Splits a file into segments by its terminator, keeping the terminator.
    static func segments(_ bytes: [UInt8]) -> [[UInt8]] {
        let position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 108 : 105
        guard bytes.count > position else { return [bytes] }
        let terminator = bytes[position]
        return bytes.split(separator: terminator, omittingEmptySubsequences: false).map { $0 + [terminator] }
    }

    static func mutate(_ bytes: [UInt8], _ rng: inout SeededGenerator) -> [UInt8] {
        var parts = segments(bytes)
        let mutations = Int.random(in: 1...3, using: &rng)
        var result = bytes
        for _ in 0..<mutations {
            switch Int.random(in: 0..<8, using: &rng) {
            case 0 where parts.count > 1:
                parts.remove(at: Int.random(in: 0..<parts.count, using: &rng))
                result = parts.flatMap { $0 }
            case 1 where !parts.isEmpty:
                let index = Int.random(in: 0..<parts.count, using: &rng)
                parts.insert(parts[index], at: Int.random(in: 0...parts.count, using: &rng))
                result = parts.flatMap { $0 }
            case 2 where parts.count > 1:
                let a = Int.random(in: 0..<parts.count, using: &rng), b = Int.random(in: 0..<parts.count, using: &rng)
                parts.swapAt(a, b)
                result = parts.flatMap { $0 }
            case 3 where !result.isEmpty:
                result = Array(result.prefix(Int.random(in: 0..<result.count, using: &rng)))
                parts = segments(result)
            case 4 where !parts.isEmpty:
                let index = Int.random(in: 0..<parts.count, using: &rng)
                parts[index] = Array(parts[index].prefix(Int.random(in: 0...parts[index].count, using: &rng)))
                result = parts.flatMap { $0 }
            case 5 where !result.isEmpty:
                let interesting: [UInt8] = [0x2A, 0x3A, 0x7E, 0x5E, 0x3E, 0x7C, 0x0A, 0x0D, 0x00, 0xFF, 0x2D, 0x2E, 0x30, 0x39, 0x41]
                result[Int.random(in: 0..<result.count, using: &rng)] = interesting.randomElement(using: &rng) ?? 0
                parts = segments(result)
            case 6 where !result.isEmpty:
                result[Int.random(in: 0..<result.count, using: &rng)] ^= UInt8(1 << Int.random(in: 0..<8, using: &rng))
                parts = segments(result)
            default:
                let junk = (0..<Int.random(in: 1...8, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
                result.insert(contentsOf: junk, at: Int.random(in: 0...result.count, using: &rng))
                parts = segments(result)
            }
        }
        return result
    }

    @Test("10,000 mutants of the fixtures never crash or hang: each reads cleanly or fails with a located error")
    func mutants() throws {
        // The eligibility fixtures and a 270 we write join the top-level fixtures.
        let eligibility = ["271-behavioral-health.x12", "271-lfh-dependent.x12", "271-lfh-subscriber.x12"].map { EligibilitySample.folder + $0 }
        var originals = try (Fixture.all() + eligibility).map { try Fixture.bytes($0) }
        originals.append(try EligibilitySample.batch(12, perSet: 5).x12())
        // More rounds or another seed by hand: X12_FUZZ_ROUNDS=500000 X12_FUZZ_SEED=7 swift test --filter FuzzTests
        let environment = ProcessInfo.processInfo.environment
        let rounds = environment["X12_FUZZ_ROUNDS"].flatMap(Int.init) ?? 10_000
        var rng = SeededGenerator(seed: environment["X12_FUZZ_SEED"].flatMap(UInt64.init) ?? 0x5EED_0835)
        var clean = 0
        var failed = 0
        let start = Date()
        for round in 0..<rounds {
            let mutant = Self.mutate(originals[round % originals.count], &rng)
            do {
                let summary = try X12Summary(bytes: mutant, fileName: "mutant")
                _ = summary.text
                clean += 1
            } catch {
                failed += 1
                #expect(!error.message.isEmpty)
                #expect(error.description.hasPrefix("mutant"))
            }
        }
        #expect(clean + failed == rounds)
        #expect(failed > rounds / 10)
        #expect(Date().timeIntervalSince(start) < Double(rounds) / 100)
    }
}
