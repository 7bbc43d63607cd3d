import Foundation
import Testing

@testable import PropertyLedger

/// Witness cosignatures (c2sp.org/tlog-cosignature): the C2SP example decodes as the specification says, ours
/// verify with an independent verifier written from the specification, and every way one can be wrong is refused.
struct CosignatureTests {
    /// The example in C2SP's tlog-cosignature.md; its witness key is not published, so only its layout is checked.
    static let c2spExample = """
        example.com/behind-the-sofa
        20852163
        CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=

        — example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=
        — witness.example.com/w1 jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==

        """

    @Test func theSpecificationsExampleHasTheTimestampedLayout() throws {
        let note = try SignedNote(parsing: Self.c2spExample)
        let witness = try #require(note.signatures.first { $0.name == "witness.example.com/w1" })
        #expect(witness.keyID == 0x8d66_cf3f)
        #expect(witness.bytes.count == 8 + 64)
        #expect(witness.bytes.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) } == 1_679_315_147)
    }

    static func checkpoint(_ profile: CryptoProfile) throws -> (SignedNote, NoteVerifier) {
        let log = try NoteSigner(name: "370321.propertyledger/test", key: try SigningKey.generate(profile.signatureAlgorithm))
        let text = "370321.propertyledger/test\n42\n\(Data(repeating: 7, count: 32).base64EncodedString())\n"
        return (try SignedNote.sign(text, with: log), try log.verifier)
    }

    @Test(arguments: CryptoProfile.allCases) func aCosignatureVerifiesAndKeepsTheLogsSignature(profile: CryptoProfile) throws {
        let (note, logVerifier) = try Self.checkpoint(profile)
        let witness = try CosignatureSigner(name: "370321.propertyledger/test/witness", key: .generate(profile.signatureAlgorithm))
        let time = Date(timeIntervalSince1970: 1_800_000_000)
        let cosigned = try SignedNote(parsing: try witness.cosign(note, at: time).formatted)
        #expect(try witness.verifier.verify(cosigned, now: time) == time)
        try cosigned.verify(with: logVerifier)
        // The key text goes both ways, and a log key is no cosignature key (nor the other way round).
        let verifierText = try witness.verifier.text
        #expect(try CosignatureVerifier(text: verifierText).keyID == witness.keyID)
        #expect(try CosignatureSigner(text: try witness.text).keyID == witness.keyID)
        #expect(throws: (any Error).self) { try CosignatureVerifier(text: try logVerifier.text) }
        #expect(throws: (any Error).self) { try NoteVerifier(text: verifierText) }
        // The line alone, as add-checkpoint answers, is the same signature.
        let line = try witness.cosignatureLine(note, at: time)
        #expect(line.hasPrefix("— 370321.propertyledger/test/witness ") && line.hasSuffix("\n"))
        #expect(try witness.verifier.verify(try SignedNote(parsing: note.formatted + line), now: time) == time)
    }

    @Test(arguments: CryptoProfile.allCases) func aWrongCosignatureIsRefused(profile: CryptoProfile) throws {
        let (note, _) = try Self.checkpoint(profile)
        let witness = try CosignatureSigner(name: "w.example/witness", key: .generate(profile.signatureAlgorithm))
        let other = try CosignatureSigner(name: "w.example/witness", key: .generate(profile.signatureAlgorithm))
        let now = Date()
        func reason(_ body: () throws -> Date) -> String? {
            do {
                _ = try body()
                return nil
            } catch let error as VerificationError {
                return error.reason.id
            } catch {
                return "\(error)"
            }
        }
        #expect(reason { try witness.verifier.verify(note, now: now) } == "cosignature-missing")
        #expect(reason { try other.verifier.verify(try witness.cosign(note, at: now), now: now) } == "cosignature-missing")
        // Another checkpoint under the same cosignature.
        var moved = try witness.cosign(note, at: now)
        moved.text = moved.text.replacingOccurrences(of: "\n42\n", with: "\n43\n")
        #expect(reason { try witness.verifier.verify(moved, now: now) } == "cosignature-invalid")
        // The timestamp changed: it is signed.
        var retimed = try witness.cosign(note, at: now)
        retimed.signatures[1].bytes[7] ^= 1
        #expect(reason { try witness.verifier.verify(retimed, now: now) } == "cosignature-invalid")
        let future = try witness.cosign(note, at: now.addingTimeInterval(3600))
        #expect(reason { try witness.verifier.verify(future, now: now) } == "cosignature-from-future")
        var short = try witness.cosign(note, at: now)
        short.signatures[1].bytes = short.signatures[1].bytes.prefix(8)
        #expect(reason { try witness.verifier.verify(short, now: now) } == "cosignature-malformed")
    }

    /// scripts/verify-cosignature.py, written from the C2SP texts and sharing no code, accepts ours and refuses a
    /// flipped one.
    @Test(arguments: CryptoProfile.allCases) func anIndependentVerifierAgrees(profile: CryptoProfile) async throws {
        let (note, _) = try Self.checkpoint(profile)
        let witness = try CosignatureSigner(name: "370321.propertyledger/test/witness", key: .generate(profile.signatureAlgorithm))
        let cosigned = try witness.cosign(note, at: Date(timeIntervalSince1970: 1_800_000_000))
        try await withTemporaryDirectory { directory in
            let vkey = directory.appendingPathComponent("witness.vkey")
            try (try witness.verifier.text + "\n").write(to: vkey, atomically: true, encoding: .utf8)
            let good = directory.appendingPathComponent("good.note")
            try cosigned.formatted.write(to: good, atomically: true, encoding: .utf8)
            var flipped = cosigned
            flipped.signatures[1].bytes[20] ^= 0x40
            let bad = directory.appendingPathComponent("bad.note")
            try flipped.formatted.write(to: bad, atomically: true, encoding: .utf8)
            let accepted = try Self.python(["verify-cosignature.py", vkey.path, good.path])
            #expect(accepted.status == 0 && accepted.output.hasPrefix("OK: 370321.propertyledger/test/witness cosigned"), "\(accepted)")
            #expect(accepted.output.contains("size 42, time 1800000000"), "\(accepted)")
            let refused = try Self.python(["verify-cosignature.py", vkey.path, bad.path])
            #expect(refused.status == 1 && refused.output.hasPrefix("FAIL"), "\(refused)")
        }
    }

    static func python(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [scripts.appendingPathComponent(arguments[0]).path] + arguments.dropFirst()
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    @Test func theStoresWitnessKeyIsCreatedOnceAndKeptPrivate() async throws {
        try await withTemporaryStore(profile: .gm) { store, paths in
            let first = try store.witnessSigner()
            #expect(first.name == store.identity.origin + "/witness")
            #expect(first.key.algorithm == .sm2)
            #expect(try store.witnessSigner().keyID == first.keyID)
            var info = stat()
            #expect(stat(paths.witnessKey, &info) == 0 && info.st_mode & 0o777 == 0o600)
            chmod(paths.witnessKey, 0o644)
            #expect(throws: LedgerError.self) { try store.witnessSigner() }
        }
    }
}
