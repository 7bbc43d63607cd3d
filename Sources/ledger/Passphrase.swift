import Foundation
import LedgerPresentation
import Locking
import PropertyLedger

#if canImport(Glibc)
    import Glibc
#endif

/// A passphrase for a key file: read from a file descriptor a script opened (`--passphrase-fd N`), or asked on
/// the terminal with echo off. Never taken from the command line, where `ps` would show it.
///
/// Reading blocks, so it runs on a thread of its own, never on Swift's cooperative pool.
enum Passphrase {
    /// The longest passphrase read; the rest of a longer line is an error, not silently cut.
    static let maximumLength = 1024

    /// The passphrase from `fd` if given, else from the terminal after `prompt` (asked twice when `confirm`).
    ///
    /// - Throws: ``CommandFailure``-free reasons: `passphrase-needed` (usage) with no descriptor and no terminal,
    ///   `passphrase-unreadable` when the descriptor fails, `passphrases-differ` when the two differ.
    static func read(fd: Int32?, badge: String, prompt: String, confirmation: String? = nil) async throws -> Data {
        try await onOwnThread { try readBlocking(fd: fd, badge: badge, prompt: prompt, confirmation: confirmation) }
    }

    private static func readBlocking(fd: Int32?, badge: String, prompt: String, confirmation: String?) throws -> Data {
        if let fd { return try line(from: fd) }
        let tty = open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY)
        guard tty >= 0 else { throw UsageError(.passphraseNeeded(badge: badge)) }
        defer { close(tty) }
        let first = try ask(prompt, on: tty)
        if let confirmation {
            guard try ask(confirmation, on: tty) == first else { throw LedgerError(.invalidInput, .passphrasesDiffer) }
        }
        return first
    }

    /// Writes `prompt` to the terminal and reads one line with echo off, restoring the terminal after.
    private static func ask(_ prompt: String, on tty: Int32) throws -> Data {
        _ = prompt.withCString { write(tty, $0, strlen($0)) }
        var saved = termios()
        let isTerminal = tcgetattr(tty, &saved) == 0
        if isTerminal {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            quiet.c_lflag |= tcflag_t(ECHONL)
            tcsetattr(tty, TCSAFLUSH, &quiet)
        }
        defer { if isTerminal { tcsetattr(tty, TCSAFLUSH, &saved) } }
        return try line(from: tty)
    }

    /// One line from `fd`, read a byte at a time so nothing after its newline is consumed (one descriptor may
    /// carry two passphrases, one per line); without its `\n` (or `\r\n`). End of input ends the line.
    static func line(from fd: Int32) throws -> Data {
        var bytes = Data()
        var byte: UInt8 = 0
        while true {
            let count = Glibc.read(fd, &byte, 1)
            if count < 0 {
                if errno == EINTR { continue }
                throw LedgerError(.invalidInput, .passphraseUnreadable(fd: fd, detail: String(cString: strerror(errno))))
            }
            if count == 0 || byte == UInt8(ascii: "\n") { break }
            bytes.append(byte)
            guard bytes.count <= maximumLength else {
                throw LedgerError(.invalidInput, .passphraseUnreadable(fd: fd, detail: "longer than \(maximumLength) bytes"))
            }
        }
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        return bytes
    }

    /// `--passphrase-fd` and `--new-passphrase-fd`: a descriptor number the process has open.
    static func descriptor(_ value: String?) throws -> Int32? {
        guard let value else { return nil }
        guard let fd = Int32(value), fd >= 0, fcntl(fd, F_GETFD) != -1 else {
            throw UsageError(.passphraseFDInvalid(value))
        }
        return fd
    }
}

/// Runs `body` on a thread of its own and awaits its result: for calls that block (a terminal, a descriptor, a
/// key derivation) and must not hold one of Swift's cooperative threads.
func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withHandOff { (handOff: HandOff<T, any Error>) in
        Thread.detachNewThread { handOff.resume(with: Result { try body() }) }
    }
}
