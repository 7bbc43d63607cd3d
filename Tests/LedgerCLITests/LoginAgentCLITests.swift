import Foundation
import Testing

@testable import PropertyLedger

/// `ledger login`: the key unlocked once into an agent of the officer's own, that signs his commands without a
/// passphrase, refuses every other user, and ends at its expiry or at `ledger logout`.
@Suite(.offThePool)
struct LoginAgentCLITests {
    typealias Signing = SignedEntryCLITests.Signing

    static func withLogin(for duration: String, _ body: (URL, Signing, [String: String]) async throws -> Void) async throws {
        try await SignedEntryCLITests.withKeyedStore { directory, run in
            let runtime = directory.appendingPathComponent("run")
            try FileManager.default.createDirectory(at: runtime, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let environment = ["XDG_RUNTIME_DIR": runtime.path]
            let login = try run(
                ["login", "--for", duration, "--actor", "000002"], passphrase: SignedEntryCLITests.passphrases["000002"],
                environment: environment)
            #expect(login.status == 0, "\(login.stderr)")
            defer { _ = try? run(["logout", "--actor", "000002"], environment: environment) }
            try await body(directory, run, environment)
        }
    }

    static func socket(_ directory: URL) -> String { directory.appendingPathComponent("run/propertyledger/agent-000002.sock").path }

    @Test func aLoggedInOfficerSignsWithoutHisPassphraseUntilHeLogsOut() async throws {
        try await Self.withLogin(for: "8h") { directory, run, environment in
            var info = stat()
            #expect(lstat(Self.socket(directory), &info) == 0)
            #expect(info.st_mode & 0o777 == 0o600)
            let opened = try run(
                ["case", "open", "A1", "--title", "盗窃案", "--kind", "criminal", "--actor", "000002"], environment: environment)
            #expect(opened.status == 0, "\(opened.stderr)")
            #expect(try run(["verify"]).status == 0)
            let logout = try run(["logout", "--actor", "000002"], environment: environment)
            #expect(logout.status == 0, "\(logout.stderr)")
            let after = try run(
                ["case", "open", "A2", "--title", "盗窃案", "--kind", "criminal", "--actor", "000002"], environment: environment)
            #expect(after.status == 64)
            #expect(after.stderr.contains("passphrase is needed"))
            #expect(try run(["logout", "--actor", "000002"], environment: environment).status == 3)
        }
    }

    /// Another user cannot reach the agent: the directory is his own (0700) and the socket 0600; and were both
    /// opened to everyone, the agent itself refuses a peer of another uid (SO_PEERCRED).
    @Test func theAgentRefusesOtherUsers() async throws {
        try #require(geteuid() == 0, "starts a client as another user, which needs root: run as root (CI does)")
        try await Self.withLogin(for: "8h") { directory, run, environment in
            let path = Self.socket(directory)
            let blocked = try Self.asDaemon(path)
            #expect(blocked.hasPrefix("refused:"), "\(blocked)")
            for opened in [
                directory.path, directory.appendingPathComponent("run").path, directory.appendingPathComponent("run/propertyledger").path,
            ] {
                #expect(chmod(opened, 0o777) == 0)
            }
            #expect(chmod(path, 0o777) == 0)
            let answered = try Self.asDaemon(path)
            #expect(answered.contains(#""error":"not-yours""#), "\(answered)")
            #expect(!answered.contains("signature"))
        }
    }

    /// The agent ends at its expiry: its socket goes, and the next command asks for the passphrase again.
    @Test func theAgentExpires() async throws {
        try await Self.withLogin(for: "3s") { directory, run, environment in
            #expect(
                try run(["case", "open", "A1", "--title", "盗窃案", "--kind", "criminal", "--actor", "000002"], environment: environment)
                    .status == 0)
            // A liveness bound: the agent stops at 3 s; a loaded machine may take longer to notice.
            let deadline = Date().addingTimeInterval(30)
            while FileManager.default.fileExists(atPath: Self.socket(directory)) && Date() < deadline {
                try await Task.sleep(for: .milliseconds(200))
            }
            #expect(!FileManager.default.fileExists(atPath: Self.socket(directory)))
            let after = try run(
                ["case", "open", "A2", "--title", "盗窃案", "--kind", "criminal", "--actor", "000002"], environment: environment)
            #expect(after.status == 64, "\(after.stderr)")
        }
    }

    /// Connects to `path` as the user `daemon` (uid 1) and asks for a signature; prints what happened.
    static func asDaemon(_ path: String) throws -> String {
        let script = #"""
            import socket, sys
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            try:
                s.connect(sys.argv[1])
            except OSError as error:
                print(f"refused:{error.errno}")
                sys.exit(0)
            try:
                s.sendall(b'{"op":"sign","key":"0000000000000000","message":"AA=="}\n')
            except OSError:
                pass  # the agent may have written its refusal and closed before the request went out
            try:
                print(s.recv(4096).decode().strip())
            except OSError as error:
                print(f"closed:{error.errno}")
            """#
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = ["--reuid=1", "--regid=1", "--clear-groups", "/usr/bin/python3", "-c", script, path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
