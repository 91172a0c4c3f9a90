import Demo
import Foundation
import Synchronization

/// Progress on standard error: a redrawn bar on a terminal, else a line every few seconds.
final class ProgressReporter: Sendable {
    private let last = Mutex<UInt64>(0)
    private let terminal = isatty(2) != 0

    func report(_ progress: DemoProgress) {
        let now = DispatchTime.now().uptimeNanoseconds
        let interval: UInt64 = terminal ? 100_000_000 : 3_000_000_000
        let due = last.withLock { last in
            guard now - last >= interval || progress.phase == "done" else { return false }
            last = now
            return true
        }
        guard due else { return }
        let fraction = progress.total == 0 ? 1 : Double(progress.done) / Double(progress.total)
        if terminal {
            let width = 30
            let filled = Int(fraction * Double(width))
            let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
            FileHandle.standardError.write(Data("\r[\(bar)] \(progress.done)/\(progress.total) sessions  \(progress.phase)        ".utf8))
        } else {
            FileHandle.standardError.write(
                Data("demo: \(progress.phase): \(progress.done)/\(progress.total) sessions (\(Int(fraction * 100))%)\n".utf8))
        }
    }

    func finish() {
        if terminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
