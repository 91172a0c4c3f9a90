import Foundation
import Testing
import TestSupport
@testable import X12

/// `Scripts/x12-validate`, the independent check of every 837P the tests and the demo write: clean files pass,
/// broken ones fail naming segment and element, and the ways of pyx12's x12valid that the script works around
/// are shown to be real.
@Suite("x12-validate (pyx12)")
struct X12ValidatorTests {
    static let clean: String = {
        String(decoding: (try? BehavioralHealthSample.interchange.x12()) ?? [], as: UTF8.self)
    }()

    /// A scratch folder with `files` written into it.
    static func folder(_ files: [String: [UInt8]]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("x12-validator-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, bytes) in files { try Data(bytes).write(to: url.appendingPathComponent(name)) }
        return url
    }

    /// The clean sample with one segment replaced.
    static func replacing(_ segment: String, with replacement: String) -> String {
        precondition(clean.contains(segment + "~"), "the sample has no \(segment)")
        return clean.replacingOccurrences(of: segment + "~", with: replacement + "~")
    }

    @Test("a clean 837P passes: exit 0, one line saying so, and nothing written beside the file")
    func cleanFile() throws {
        let folder = try Self.folder(["clean.837": Array(Self.clean.utf8)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("clean.837").path
        let output = try X12Validator.run(paths: [path])
        #expect(output.status == 0, "\(output.standardOutput)\(output.standardError)")
        #expect(output.standardOutput == "\(path): clean\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["clean.837"], "no .997 or .json left beside it")
        try X12Validator.validate(path: path)
    }

    @Test("a broken 837P fails with exit 1, naming the file, segment, element and pyx12's message; the clean one beside it still passes")
    func brokenFile() throws {
        // 2010BA without NM108/NM109 (required by 005010X222A1), and a DMG with an impossible date and gender.
        let subscriber = "NM1*IL*1*SMITH*PAT****MI*MCD998877"
        let text = Self.replacing(subscriber, with: "NM1*IL*1*SMITH*PAT")
            .replacingOccurrences(of: "DMG*D8*20140905*M~", with: "DMG*D8*20140931*Q~")
        let folder = try Self.folder(["broken.837": Array(text.utf8), "clean.837": Array(Self.clean.utf8)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let broken = folder.appendingPathComponent("broken.837").path
        let clean = folder.appendingPathComponent("clean.837").path
        let output = try X12Validator.run(paths: [broken, clean])
        #expect(output.status == 1)
        let lines = output.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("\(broken): segment ") && $0.contains(" NM1 element NM109: ") && $0.contains("is missing") }, "\(lines)")
        #expect(lines.contains { $0.contains(" DMG element DMG02: ") && $0.contains("invalid date") }, "\(lines)")
        #expect(lines.contains { $0.contains(" DMG element DMG03: ") && $0.contains("not a valid code") }, "\(lines)")
        #expect(lines.contains("\(clean): clean"))
        #expect(throws: X12Validator.Failure.self) { try X12Validator.validate(path: broken) }
    }

    @Test("a byte outside ASCII is reported with its segment (pyx12 would die on it), and the file fails")
    func notASCII() throws {
        let text = Self.clean.replacingOccurrences(of: "NM1*IL*1*SMITH*PAT", with: "NM1*IL*1*SMÏTH*PAT")
        let folder = try Self.folder(["accent.837": Array(text.utf8)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("accent.837").path
        let output = try X12Validator.run(paths: [path])
        #expect(output.status == 1)
        #expect(output.standardOutput.contains("\(path): segment "))
        #expect(output.standardOutput.contains(" NM1: byte 0xC3 is outside the X12 basic and extended character sets"))
    }

    @Test("a file pyx12 cannot read at all (not X12, an implementation it has no map for) fails, never passes")
    func unreadable() throws {
        let folder = try Self.folder([
            "note.txt": Array("not an interchange".utf8),
            "a2.837": Array(Self.clean.replacingOccurrences(of: "005010X222A1", with: "005010X222A9").utf8),
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let note = folder.appendingPathComponent("note.txt").path
        let a2 = folder.appendingPathComponent("a2.837").path
        let output = try X12Validator.run(paths: [note, a2])
        #expect(output.status == 1)
        #expect(output.standardOutput.contains("\(note): \"\(note)\" does not look like an X12 data file"), "\(output.standardOutput)")
        #expect(output.standardOutput.contains("\(a2): pyx12 could not read the file: ") && output.standardOutput.contains("Map not found"))
    }

    @Test("pyx12's own x12valid exits 1 for a clean file as for a broken one and writes a 999 beside it: the script reads its verdict lines instead")
    func x12validQuirks() throws {
        _ = try Shell.run([X12Validator.script.path, "--install"])
        let x12valid = X12Validator.script.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".venv-x12/bin/x12valid")
        let broken = Self.replacing("NM1*IL*1*SMITH*PAT****MI*MCD998877", with: "NM1*IL*1*SMITH*PAT")
        let folder = try Self.folder(["clean.837": Array(Self.clean.utf8), "broken.837": Array(broken.utf8)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let clean = try Shell.run([x12valid.path, folder.appendingPathComponent("clean.837").path], check: false)
        let failed = try Shell.run([x12valid.path, folder.appendingPathComponent("broken.837").path], check: false)
        #expect(clean.status == 1 && failed.status == 1, "exit status says nothing")
        #expect(clean.standardError.hasSuffix("clean.837: OK\n"))
        #expect(failed.standardError.hasSuffix("broken.837: Failure\n"))
        #expect(failed.standardError.contains(" ERROR Line:"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("clean.837.997").path))
    }

    @Test("x12valid ignores its --charset option; the character set comes from a config file, as the script passes it")
    func charsetOption() throws {
        _ = try Shell.run([X12Validator.script.path, "--install"])
        let x12valid = X12Validator.script.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".venv-x12/bin/x12valid")
        // Lower-case letters are in the extended character set only.
        let lower = Self.clean.replacingOccurrences(of: "NM1*IL*1*SMITH*PAT", with: "NM1*IL*1*Smith*PAT")
        let basic = #"<?xml version="1.0" encoding="utf-8"?><params><param name="charset"><value>B</value></param></params>"#
        let folder = try Self.folder(["lower.837": Array(lower.utf8), "basic.xml": Array(basic.utf8)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("lower.837").path
        let option = try Shell.run([x12valid.path, "--charset", "b", file], environment: ["HOME": folder.path], check: false)
        #expect(option.standardError.hasSuffix("lower.837: OK\n"), "--charset b changes nothing")
        let config = try Shell.run([x12valid.path, "-c", folder.appendingPathComponent("basic.xml").path, file], environment: ["HOME": folder.path], check: false)
        #expect(config.standardError.contains("contains an invalid character") && config.standardError.hasSuffix("lower.837: Failure\n"))
        #expect(try X12Validator.run(paths: [file]).status == 0, "the script validates with the extended set our files use")
    }
}
