import Application
import ArgumentParser
import Foundation

/// How patient documents are written.
enum DocumentFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case html, text

    var fileExtension: String { self == .html ? "html" : "txt" }
}

/// Writes rendered documents to a directory.
enum DocumentOutput {
    /// Writes the pages to `directory/name.(html|txt)`; returns the path.
    static func write(_ pages: [DocumentPage], name: String, title: String, format: DocumentFormat, to directory: String) throws -> String {
        let url = URL(fileURLWithPath: directory, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw CommandError("cannot create the directory \(directory)")
        }
        let file = url.appendingPathComponent("\(name).\(format.fileExtension)")
        let text = format == .html ? DocumentRenderer.html(pages, title: title) : DocumentRenderer.text(pages)
        do {
            try text.write(to: file, atomically: true, encoding: .utf8)
        } catch {
            throw CommandError("cannot write \(file.path)")
        }
        return file.path
    }
}
