import Foundation
import Testing

/// Two agencies' ledgers through `ledger`: the procuratorate adds the police as a peer from the line the
/// police's `ledger key` prints, then follows the police's log with what `ledger prove --consistency` prints,
/// file by file, as agencies without a network between them would.
@Suite(.offThePool)
struct WitnessCLITests {
    /// The path of `name` in the package's scripts folder.
    static func script(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts").appendingPathComponent(name).path
    }

    @Test func aPeersLogIsFollowedThroughFiles() async throws {
        try await CLITests.withStore { policeDirectory, police in
            try await CLITests.withStore { directory, procuratorate in
                #expect(try police(["officer", "add", "000001", "--name", "魏江", "--role", "supervisor"]).status == 0)
                #expect(try procuratorate(["officer", "add", "000001", "--name", "孙检", "--role", "supervisor"]).status == 0)
                let key = try police(["key"])
                try key.stdout.write(to: directory.appendingPathComponent("police.vkey"), atomically: true, encoding: .utf8)
                let added = try procuratorate(["peer", "add", "police", "--key", "police.vkey", "--actor", "000001"])
                #expect(added.status == 0, "\(added.stderr)")
                #expect(try procuratorate(["peer", "list"]).stdout.contains("police"))

                func handOver(from old: Int, json: Bool = false) throws -> CLITests.Result {
                    let proof = try police(["prove", "--consistency", String(old)])
                    #expect(proof.status == 0, "\(proof.stderr)")
                    try (proof.stdout).write(to: directory.appendingPathComponent("add.txt"), atomically: true, encoding: .utf8)
                    return try procuratorate(["witness", "add-checkpoint", "add.txt", "--actor", "000001"] + (json ? ["--json"] : []))
                }
                let first = try handOver(from: 0)
                #expect(first.status == 0, "\(first.stderr)")
                #expect(first.stdout.contains("trusted on first use"), "\(first.stdout)")
                for badge in ["000002", "000003"] {
                    #expect(try police(["officer", "add", badge, "--name", "民警", "--role", "officer", "--actor", "000001"]).status == 0)
                }
                // The spelling, `--consistency OLD NEW`, names the checkpoint the proof ends at.
                let latest = try police(["checkpoint", "--json"])
                #expect(latest.status == 0, "\(latest.stderr)")
                let toFour = try police(["prove", "--consistency", "2", "4"])
                #expect(toFour.status == 0, "\(toFour.stderr)")
                #expect(toFour.stdout.hasPrefix("old 2\n") && toFour.stdout.contains("\n4\n"), "\(toFour.stdout)")
                let second = try handOver(from: 2)
                #expect(second.status == 0, "\(second.stderr)")
                #expect(second.stdout.contains("size 2 → 4, consistent"), "\(second.stdout)")
                // The witness cosigns what it holds, as tlog-witness answers: the police's checkpoint with that line added
                // verifies with the procuratorate's witness key, checked by a verifier sharing no code with the ledger.
                let cosignature = try #require(
                    try DryRunCLITests.json(try handOver(from: 4, json: true))["cosignature"] as? String, "the cosignature line")
                let witnessKey = try procuratorate(["witness", "key"])
                #expect(witnessKey.status == 0 && witnessKey.stdout.contains("/witness+"), "\(witnessKey.stdout)")
                try witnessKey.stdout.write(to: directory.appendingPathComponent("witness.vkey"), atomically: true, encoding: .utf8)
                let request = try String(contentsOf: directory.appendingPathComponent("add.txt"), encoding: .utf8)
                let checkpoint = try #require(request.range(of: "\n\n").map { String(request[$0.upperBound...]) })
                try (checkpoint + cosignature + "\n").write(
                    to: directory.appendingPathComponent("cosigned.txt"), atomically: true, encoding: .utf8)
                let independent = try CLITests.ledgerLike(
                    "/usr/bin/python3", [Self.script("verify-cosignature.py"), "witness.vkey", "cosigned.txt"], in: directory)
                #expect(independent.status == 0 && independent.stdout.contains("at size 4"), "\(independent.stdout)\(independent.stderr)")

                // The same checkpoint again changes nothing; a stale request (the police grew, but the proof starts at
                // an old size) names the size held and says what to send instead; nothing is written.
                let again = try handOver(from: 2)
                #expect(again.status == 0 && again.stdout.contains("held already"), "\(again.stdout)")
                #expect(try police(["officer", "add", "000005", "--name", "民警", "--role", "officer", "--actor", "000001"]).status == 0)
                let before = try CLITests.snapshot(directory)
                let stale = try handOver(from: 2)
                #expect(stale.status == 2)
                #expect(stale.stderr.contains("the checkpoint held of police is at size 4, not 2"), "\(stale.stderr)")
                let garbage = directory.appendingPathComponent("garbage.txt")
                try "old 4\n\nnot a checkpoint\n".write(to: garbage, atomically: true, encoding: .utf8)
                let malformed = try procuratorate(["witness", "add-checkpoint", garbage.path, "--actor", "000001"])
                #expect(malformed.status == 4, "\(malformed.stderr)")
                #expect(try CLITests.snapshot(directory) == before)

                let listed = try procuratorate(["peer", "list", "--json"])
                let peers = try #require(
                    (try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [String: Any])?["peers"] as? [[String: Any]])
                #expect(peers.first?["witnessedSize"] as? Int == 4)
                #expect(try procuratorate(["verify"]).status == 0)
                _ = policeDirectory
            }
        }
    }
}
