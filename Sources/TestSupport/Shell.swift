import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a program and collects what it printed, for tests of scripts and of the `rcm` binary.
///
/// Uses `posix_spawn` and `waitpid` directly: Foundation's `Process.waitUntilExit` can miss a child's
/// exit when called off the main thread, which hangs a test.
public enum Shell {
    /// The outcome of a run.
    public struct Output: Sendable {
        /// The exit status (128 + signal when killed by a signal).
        public let status: Int32
        /// Standard output, as text.
        public let standardOutput: String
        /// Standard error, as text.
        public let standardError: String
    }

    /// A program that exited non-zero, when `run` was asked to require success.
    public struct Failure: Error, CustomStringConvertible {
        /// The output.
        public let output: Output
        /// The command.
        public let command: [String]
        /// Makes a failure.
        public init(output: Output, command: [String]) {
            self.output = output
            self.command = command
        }
        /// What happened.
        public var description: String {
            "\(command.joined(separator: " ")) exited \(output.status): \(output.standardError)"
        }
    }

    /// Runs `arguments[0]` with the rest as arguments; throws when it exits non-zero and `check` is true.
    @discardableResult
    public static func run(
        _ arguments: [String], environment: [String: String] = [:], input: Data? = nil,
        currentDirectory: URL? = nil, check: Bool = true
    ) throws -> Output {
        if let currentDirectory {
            let wrapped = ["/bin/sh", "-c", "cd \"$1\" && shift && exec \"$@\"", "sh", currentDirectory.path] + arguments
            return try run(wrapped, environment: environment, input: input, check: check)
        }
        var outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0], inPipe: [Int32] = [0, 0]
        guard pipe(&outPipe) == 0, pipe(&errPipe) == 0, pipe(&inPipe) == 0 else {
            throw Failure(output: Output(status: -1, standardOutput: "", standardError: "pipe failed"), command: arguments)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        for fd in inPipe + outPipe + errPipe { posix_spawn_file_actions_addclose(&actions, fd) }
        let merged = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let envStrings = merged.map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let status = withCStrings(arguments) { argv in
            withCStrings(envStrings) { envp in
                posix_spawn(&pid, arguments[0], &actions, nil, argv, envp)
            }
        }
        close(inPipe[0])
        close(outPipe[1])
        close(errPipe[1])
        guard status == 0 else {
            close(inPipe[1])
            close(outPipe[0])
            close(errPipe[0])
            throw Failure(
                output: Output(status: -1, standardOutput: "", standardError: "spawn failed: \(status)"), command: arguments)
        }
        if let input {
            input.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = write(inPipe[1], buffer.baseAddress! + offset, buffer.count - offset)
                    if written <= 0 { break }
                    offset += written
                }
            }
        }
        close(inPipe[1])
        let (out, err) = drain(outPipe[0], errPipe[0])
        var waitStatus: Int32 = 0
        while waitpid(pid, &waitStatus, 0) == -1 && errno == EINTR {}
        let exitCode = (waitStatus & 0x7f) == 0 ? (waitStatus >> 8) & 0xff : 128 + (waitStatus & 0x7f)
        let output = Output(
            status: exitCode, standardOutput: String(decoding: out, as: UTF8.self),
            standardError: String(decoding: err, as: UTF8.self))
        if check, output.status != 0 { throw Failure(output: output, command: arguments) }
        return output
    }

    private static func drain(_ outFD: Int32, _ errFD: Int32) -> ([UInt8], [UInt8]) {
        var out: [UInt8] = [], err: [UInt8] = []
        var fds = [pollfd(fd: outFD, events: Int16(POLLIN), revents: 0), pollfd(fd: errFD, events: Int16(POLLIN), revents: 0)]
        var open = 2
        var buffer = [UInt8](repeating: 0, count: 65536)
        while open > 0 {
            if poll(&fds, 2, -1) < 0 {
                if errno == EINTR { continue }
                break
            }
            for index in 0..<2 where fds[index].fd >= 0 && fds[index].revents != 0 {
                let count = read(fds[index].fd, &buffer, buffer.count)
                if count > 0 {
                    if index == 0 { out.append(contentsOf: buffer[0..<count]) } else { err.append(contentsOf: buffer[0..<count]) }
                } else {
                    close(fds[index].fd)
                    fds[index].fd = -1
                    open -= 1
                }
            }
        }
        return (out, err)
    }

    private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        let pointers = strings.map { strdup($0) } + [nil]
        defer { pointers.forEach { free($0) } }
        return body(pointers)
    }
}
