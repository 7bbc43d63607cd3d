import CabinetSimulator
import Foundation
import Testing

/// `ledger witness serve` as a real process on a loopback port, asked by `curl` as another agency's log would ask
/// a C2SP tlog-witness: each answer's status, type and body as the specification gives them, and SIGTERM ends it.
@Suite(.offThePool)
struct WitnessServeCLITests {
    struct Answer {
        let status: Int
        let contentType: String
        let body: String
    }

    /// `curl` posting `body` (or a GET when nil) to `path` on `port`.
    static func post(_ body: String?, to path: String = "/add-checkpoint", port: Int, in directory: URL) throws -> Answer {
        var arguments = ["-s", "-o", "answer.txt", "-w", "%{http_code} %{content_type}", "http://127.0.0.1:\(port)\(path)"]
        if let body {
            try body.write(to: directory.appendingPathComponent("request.txt"), atomically: true, encoding: .utf8)
            arguments += ["--data-binary", "@request.txt"]
        }
        let result = try CLITests.ledgerLike("/usr/bin/curl", arguments, in: directory)
        let fields = result.stdout.split(separator: " ", maxSplits: 1)
        return Answer(
            status: Int(fields.first ?? "") ?? 0, contentType: fields.count > 1 ? String(fields[1]) : "",
            body: (try? String(contentsOf: directory.appendingPathComponent("answer.txt"), encoding: .utf8)) ?? "")
    }

    @Test func theWitnessAnswersAddCheckpointOverHTTP() async throws {
        try await CLITests.withStore { _, police in
            try await CLITests.withStore { directory, procuratorate in
                #expect(try police(["officer", "add", "000001", "--name", "魏江", "--role", "supervisor"]).status == 0)
                #expect(try procuratorate(["officer", "add", "000001", "--name", "孙检", "--role", "supervisor"]).status == 0)
                try police(["key"]).stdout.write(to: directory.appendingPathComponent("police.vkey"), atomically: true, encoding: .utf8)
                #expect(try procuratorate(["peer", "add", "police", "--key", "police.vkey", "--actor", "000001"]).status == 0)
                try procuratorate(["witness", "key"]).stdout.write(
                    to: directory.appendingPathComponent("witness.vkey"), atomically: true, encoding: .utf8)

                let daemon = try await ProcessCabinetChannel.spawn(
                    executable: try CLITests.productsDirectory().appendingPathComponent("ledger").path,
                    arguments: [
                        "--store", directory.appendingPathComponent("ledger.db").path, "--lang", "en", "witness", "serve", "--listen",
                        "127.0.0.1:0", "--actor", "000001",
                    ],
                    environment: [:], responseTimeout: .seconds(60))
                let ready = try await daemon.receiveLine(timeout: .seconds(60))
                let port = try #require(
                    ready.firstMatch(of: /127\.0\.0\.1:(\d+)\/add-checkpoint/).flatMap { Int($0.1) }, "\(ready)")

                // The first checkpoint, trusted on first use: 200 and the witness's cosignature line, which verifies
                // on the checkpoint with a verifier sharing no code with the ledger.
                let first = try police(["prove", "--consistency", "0"]).stdout
                let accepted = try Self.post(first, port: port, in: directory)
                #expect(accepted.status == 200 && accepted.body.hasPrefix("— "), "\(accepted)")
                let checkpoint = try #require(first.range(of: "\n\n").map { String(first[$0.upperBound...]) })
                try (checkpoint + accepted.body).write(
                    to: directory.appendingPathComponent("cosigned.txt"), atomically: true, encoding: .utf8)
                let independent = try CLITests.ledgerLike(
                    "/usr/bin/python3", [WitnessCLITests.script("verify-cosignature.py"), "witness.vkey", "cosigned.txt"], in: directory)
                #expect(independent.status == 0, "\(independent.stdout)")

                // The police grow; a request from the old size 0 again: 409 with the size held.
                for badge in ["000002", "000003"] {
                    #expect(try police(["officer", "add", badge, "--name", "民警", "--role", "officer", "--actor", "000001"]).status == 0)
                }
                let stale = try Self.post(try police(["prove", "--consistency", "0"]).stdout, port: port, in: directory)
                let firstSize = try #require(first.split(separator: "\n").dropFirst(2).first.map(String.init), "\(first)")
                #expect(stale.status == 409 && stale.contentType == "text/x.tlog.size" && stale.body == firstSize + "\n", "\(stale)")
                // A proper request from the size held is accepted.
                let grown = try police(["prove", "--consistency", firstSize]).stdout
                #expect(try Self.post(grown, port: port, in: directory).status == 200)

                // Not the police's signature: 403. Malformed: 400. Anything but POST /add-checkpoint: 405, 404.
                let signatureLine = try #require(grown.split(separator: "\n").last.map(String.init))
                var forged = Array(signatureLine.utf8)
                forged[forged.count - 5] = forged[forged.count - 5] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
                let forgedRequest = grown.replacingOccurrences(of: signatureLine, with: String(decoding: forged, as: UTF8.self))
                #expect(try Self.post(forgedRequest, port: port, in: directory).status == 403)
                #expect(try Self.post("old x\n\nnonsense\n", port: port, in: directory).status == 400)
                #expect(try Self.post(nil, port: port, in: directory).status == 405)
                #expect(try Self.post(grown, to: "/", port: port, in: directory).status == 404)

                // A proof that does not reach the new checkpoint: 422, the evidence kept and the peer frozen; then 403.
                #expect(try police(["officer", "add", "000005", "--name", "民警", "--role", "officer", "--actor", "000001"]).status == 0)
                let grownSize = try #require(
                    grown.split(separator: "\n", omittingEmptySubsequences: false).drop { !$0.isEmpty }.dropFirst(2).first)
                let next = try police(["prove", "--consistency", String(grownSize)]).stdout
                var lines = next.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                lines[1] = Data(repeating: 9, count: 32).base64EncodedString()
                let failing = try Self.post(lines.joined(separator: "\n"), port: port, in: directory)
                #expect(failing.status == 422, "\(failing)")
                #expect(try procuratorate(["peer", "list"]).stdout.contains("frozen"))
                #expect(try Self.post(next, port: port, in: directory).status == 403)

                daemon.terminate()
                #expect(try await daemon.exit(within: .seconds(30)) == .exited(0))
                #expect(try procuratorate(["verify"]).status == 0)
                #expect(try procuratorate(["rebuild", "--check"]).status == 0)
            }
        }
    }

    @Test func anAddressItCannotListenOnSaysWhy() async throws {
        try await CLITests.withStore { _, ledger in
            #expect(try ledger(["officer", "add", "000001", "--name", "魏江", "--role", "supervisor"]).status == 0)
            let malformed = try ledger(["witness", "serve", "--listen", "localhost", "--actor", "000001"])
            #expect(malformed.status == 64, "\(malformed.stderr)")
            let notIPv4 = try ledger(["witness", "serve", "--listen", "localhost:7380", "--actor", "000001"])
            #expect(notIPv4.status == 9 && notIPv4.stderr.contains("not an IPv4 address"), "\(notIPv4.stderr)")
            let privileged = try ledger(["witness", "serve", "--listen", "192.0.2.1:7380", "--actor", "000001"])
            #expect(privileged.status == 9 && privileged.stderr.contains("cannot listen"), "\(privileged.stderr)")
        }
    }
}
