import Foundation
import Glibc

/// A pcscd with the vpcd virtual readers, started by `scripts/pcscd-rig.sh`.
///
/// Under `scripts/pcscd-rig.sh run -- swift test …` the whole test process talks to that run's daemon:
/// ``current``. A test may also stop and restart a daemon (``stop()``, ``start()``), for instance to see
/// service loss and recovery, and start a daemon of its own (``startPrivate(port:)``).
///
/// What the client library allows: libpcsclite (1.9.9) reads `PCSCLITE_CSOCK_NAME` **once per process**,
/// at the first `SCardEstablishContext` (a `pthread_once`); a later `setenv` has no effect. So
/// - every context in the test process reaches the socket the rig exported, and restarting a daemon for
///   in-process contexts means stopping and starting ``current`` itself (same directory, same socket
///   path). That daemon is everyone's: such tests, and every test using pcscd, must be serialized with
///   each other — nest their suites in ``PCSCRigSuites``;
/// - a private daemon is reachable only from a process that has not used PC/SC yet: a child process
///   (the `ledger` tool) given ``clientEnvironment``. Its vpcd ports work from anywhere, so tags can be
///   placed on it from the test process.
package struct PCSCRig: Sendable {
    /// Holds the socket, the reader.conf.d, `pcscd.log` and the pid files.
    package let directory: String
    package let port: UInt16

    /// pcscd's client socket: what `PCSCLITE_CSOCK_NAME` must name.
    package var socketPath: String { directory + "/pcscd.comm" }
    /// Reader "Virtual PCD 00 00" on ``port``; "Virtual PCD 00 01" on `port + 1`.
    package var readerName: String { Self.readerName(slot: 0) }

    package static func readerName(slot: Int) -> String { String(format: "Virtual PCD 00 %02X", slot) }
    package func port(slot: Int) -> UInt16 { port + UInt16(slot) }

    /// The environment for a child process that should use this daemon and its virtual readers.
    package var clientEnvironment: [String: String] {
        ["PCSCLITE_CSOCK_NAME": socketPath, "LEDGER_VPCD_PORT": String(port), "LEDGER_ALLOW_VIRTUAL_READERS": "1"]
    }

    // MARK: The run's daemon

    /// The daemon of `scripts/pcscd-rig.sh run`, from `PCSCLITE_CSOCK_NAME` and `LEDGER_VPCD_PORT`; nil when
    /// the tests were not started through the rig.
    package static var current: PCSCRig? { session }

    /// Read once: a test may change the environment for a child process while others are running.
    private static let session: PCSCRig? = {
        let environment = ProcessInfo.processInfo.environment
        guard let socket = environment["PCSCLITE_CSOCK_NAME"], socket.hasSuffix("/pcscd.comm"),
            let portText = environment["LEDGER_VPCD_PORT"], let port = UInt16(portText), port < .max
        else { return nil }
        return PCSCRig(directory: String(socket.dropLast("/pcscd.comm".count)), port: port)
    }()

    /// ``current``, or an error that tells how to run the tests. Rig tests fail without the rig: skipping
    /// them would let CI pass without ever talking to pcscd.
    package static func required() throws -> PCSCRig {
        guard let rig = current else { throw RigError.notUnderRig }
        return rig
    }

    // MARK: Stopping and starting daemons

    /// Starts a daemon of its own in a new temporary directory, on vpcd ports `port` and `port + 1` (which
    /// must be free: e.g. the run's port + 2). Stop it with ``stopAndRemove()``; if the test process dies
    /// first, the daemon stops by itself.
    package static func startPrivate(port: UInt16) throws -> PCSCRig {
        let base = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("pcscd-private.XXXXXX")
        var template = Array(base.path.utf8CString)
        guard let made = mkdtemp(&template) else { throw RigError.cannotCreateDirectory(errno: errno) }
        let rig = PCSCRig(directory: String(cString: made), port: port)
        do {
            try rig.start()
        } catch {
            try? FileManager.default.removeItem(atPath: rig.directory)
            throw error
        }
        return rig
    }

    /// Starts pcscd in ``directory`` on ``port`` and returns once its socket exists and vpcd listens (tens
    /// of milliseconds). The daemon is tied to this test process: it stops when the process ends.
    /// Blocks the calling thread while the script runs.
    package func start() throws {
        try Self.runScript(["start", directory, String(port), "--owner-pid", String(getpid())])
    }

    /// Stops the daemon (SIGTERM, then SIGKILL after 5 s) and returns once it has exited. Contexts of this
    /// process then fail (`SCARD_F_COMM_ERROR`/`SCARD_E_NO_SERVICE`); tags on its readers see the connection
    /// close. Does nothing if no daemon runs there.
    package func stop() throws {
        try Self.runScript(["stop", directory])
    }

    /// For private daemons: stops the daemon and deletes its directory.
    package func stopAndRemove() throws {
        try stop()
        try FileManager.default.removeItem(atPath: directory)
    }

    // MARK: The script

    /// `scripts/pcscd-rig.sh`, found from this file: Tests/PCSCTestSupport/PCSCRig.swift.
    package static let script: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("scripts/pcscd-rig.sh").path
    }()

    private static func runScript(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // The script detaches pcscd from this pipe, so end-of-file comes when the script exits.
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw RigError.scriptFailed(arguments: arguments, status: process.terminationStatus, output: text)
        }
    }

    package enum RigError: Error, CustomStringConvertible {
        case notUnderRig
        case cannotCreateDirectory(errno: Int32)
        case scriptFailed(arguments: [String], status: Int32, output: String)

        package var description: String {
            switch self {
            case .notUnderRig:
                return "These tests need the PC/SC rig (a private pcscd with virtual readers), but PCSCLITE_CSOCK_NAME "
                    + "and LEDGER_VPCD_PORT are not set. Run them with: "
                    + "scripts/pcscd-rig.sh run -- swift test --filter ChipReaderTests"
            case .cannotCreateDirectory(let code):
                return "cannot create a directory for a private pcscd: \(String(cString: strerror(code)))"
            case .scriptFailed(let arguments, let status, let output):
                return "scripts/pcscd-rig.sh \(arguments.joined(separator: " ")) failed (status \(status)): "
                    + output.trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
    }
}
