import Foundation
import Synchronization

/// Prints rebuild progress to standard error: a redrawn bar on a terminal (events done, rate, time left),
/// plain lines at most every few seconds otherwise.
public final class ProgressPrinter: Sendable {
    private let isTerminal: Bool
    private let lastPrint = Mutex<Double>(-1)
    private let interval: Double

    /// A printer; `isTerminal` defaults to whether standard error is a terminal.
    public init(isTerminal: Bool = isatty(STDERR_FILENO) == 1, interval: Double? = nil) {
        self.isTerminal = isTerminal
        self.interval = interval ?? (isTerminal ? 0.2 : 5)
    }

    /// Prints one update (throttled).
    public func update(_ progress: RebuildProgress, label: String = "rebuild") {
        let due = lastPrint.withLock { last in
            guard progress.elapsed - last >= interval || progress.done >= progress.total else { return false }
            last = progress.elapsed
            return true
        }
        if due { FileHandle.standardError.write(Data(line(progress, label: label).utf8)) }
    }

    /// Ends the bar's line.
    public func finish() {
        if isTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    /// The text of one update.
    public func line(_ progress: RebuildProgress, label: String) -> String {
        let fraction = progress.total > 0 ? min(1, Double(progress.done) / Double(progress.total)) : 1
        let rate = Int(progress.rate.rounded())
        let left = progress.remaining.map { Self.duration($0) } ?? "?"
        let counts = "\(progress.done)/\(progress.total) events, \(rate) events/s, \(left) left"
        if isTerminal {
            let width = 30
            let filled = Int((fraction * Double(width)).rounded(.down))
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            return "\r\(label) \(bar) \(Int((fraction * 100).rounded(.down)))% \(counts)\u{1B}[K"
        }
        return "\(label): \(Int((fraction * 100).rounded(.down)))% \(counts)\n"
    }

    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        return whole >= 3600 ? "\(whole / 3600)h\(whole % 3600 / 60)m" : whole >= 60 ? "\(whole / 60)m\(whole % 60)s" : "\(whole)s"
    }
}
