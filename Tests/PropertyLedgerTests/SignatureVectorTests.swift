import Foundation
import Testing

@testable import PropertyLedger

/// Signed notes, checkpoints and receipts from the signature vectors, and interoperability with OpenSSL's
/// own command-line implementation of SM2 and Ed25519.
struct SignatureVectorTests {
    static let goPrivateKey = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
    static let goVerifier = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
    static let goText = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n"
    static let custodyPrivateKey = "PRIVATE+KEY+example.com/custody-test+29d375cd+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
    static let custodyVerifier = "example.com/custody-test+29d375cd+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
    static let checkpoint7 = """
        example.com/custody-test
        7
        3bib5AOAnjJXUNPSY814kpwpQreUKjS3fhIslZSnTIw=

        — example.com/custody-test KdN1zTfMe8ROPKlzM671S0z9bR6JPuIxADz4AaVMrvRoX5o1CKINDzJhl/Hfzq9LcdXY27DIwNV6ZDKf9IwyFS8fwAk=

        """
    static let checkpoint8 = """
        example.com/custody-test
        8
        XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=

        — example.com/custody-test KdN1zVpRnOktq/TWr/sZjY1M1Y5z66CgcE7vtlLYA2h3Vko7me6/ueCrItTlzXm9/CsxSl/SfCOiPkpPqrFXNPyHVQ4=

        """

    @Test func goNoteExampleReproducesExactly() throws {
        let signer = try NoteSigner(text: Self.goPrivateKey)
        #expect(try signer.verifier.text == Self.goVerifier)
        #expect(try signer.text == Self.goPrivateKey)
        let note = try SignedNote.sign(Self.goText, with: signer)
        #expect(
            note.formatted == Self.goText
                + "\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n")
        try SignedNote(parsing: note.formatted).verify(with: NoteVerifier(text: Self.goVerifier))
    }

    @Test func c2spSpecificationExampleVerifies() throws {
        let verifier = try NoteVerifier(text: "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k")
        let note =
            "This is an example message.\n\n— example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n"
        try SignedNote(parsing: note).verify(with: verifier)
        let altered = note.replacingOccurrences(of: "example message", with: "exemplary message")
        #expect(throws: VerificationError.self) { try SignedNote(parsing: altered).verify(with: verifier) }
    }

    @Test func verifierKeyWithWrongKeyIDIsRejected() {
        #expect(throws: NoteFormatError.self) {
            try NoteVerifier(text: "PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")
        }
    }

    @Test func checkpointsOverTheSHA256TreeReproduceExactly() throws {
        let signer = try NoteSigner(text: Self.custodyPrivateKey)
        #expect(try signer.verifier.text == Self.custodyVerifier)
        var memory = try InMemoryTree(.sha256)
        for hex in try MerkleVectorTests.load("sha256").leaves_hex { memory.append(Data(hex: hex)) }
        for (size, expected) in [(7, Self.checkpoint7), (8, Self.checkpoint8)] {
            let checkpoint = Checkpoint(
                origin: "example.com/custody-test", size: UInt64(size), rootHash: try memory.tree.root(size: Int64(size)))
            #expect(try SignedNote.sign(checkpoint.text, with: signer).formatted == expected)
            let parsed = try SignedCheckpoint(parsing: expected, verifier: NoteVerifier(text: Self.custodyVerifier))
            #expect(parsed.checkpoint == checkpoint)
        }
    }

    @Test func receiptForIndexFiveReproducesAndVerifies() throws {
        var memory = try InMemoryTree(.sha256)
        let leaves = try MerkleVectorTests.load("sha256").leaves_hex.map { Data(hex: $0) }
        for leaf in leaves { memory.append(leaf) }
        let receipt = Receipt(index: 5, proof: try memory.tree.inclusionProof(index: 5, size: 8), checkpoint: Self.checkpoint8)
        let expected = """
            c2sp.org/tlog-proof@v1
            index 5
            vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms=
            yoVOoSjtBQtBs1/8G4e46yveRh6eO1WW7Oa51ZdaCuA=
            037kGJdt2VdTwcc4Yrk5j6Kiz5tP8P3+izDNlSCWFLc=


            """ + Self.checkpoint8
        #expect(receipt.text == expected)
        let verifier = try NoteVerifier(text: Self.custodyVerifier)
        let checkpoint = try Receipt(parsing: expected).verify(entry: leaves[5], verifier: verifier)
        #expect(checkpoint.size == 8)
        #expect(throws: VerificationError.self) { try Receipt(parsing: expected).verify(entry: leaves[4], verifier: verifier) }
    }

    @Test func goTreeNoteParsesAndItsInvalidVariantsDoNot() throws {
        let checkpoint = try Checkpoint(text: "go.sum database tree\n123456789012\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n")
        #expect(checkpoint.size == 123_456_789_012)
        #expect(checkpoint.rootHash == (try TreeHasher(.sha256)).leafHash(Data("hello world".utf8)))
        #expect(throws: NoteFormatError.self) {
            try Checkpoint(text: "go.sum database tree\n0xabcdef\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n")
        }
        #expect(throws: NoteFormatError.self) {
            try Checkpoint(text: "go.sum database tree\n123456789012\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb=\n")
        }
    }

    @Test func sm2KnownAnswerSignatureVerifies() throws {
        // GB/T 32918.2-2016 Annex A, with the distinguishing ID 1234567812345678.
        let key = try VerificationKey(
            algorithm: .sm2,
            subjectPublicKeyInfo: Data(
                hex:
                    "3059301306072a8648ce3d020106082a811ccf5501822d0342000409f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13"
            ))
        let signature = Data(
            hex:
                "3046022100f5a03b0648d2c4630eeac513e1bb81a15944da3827d5b74143ac7eaceee720b3022100b1b6aa29df212fd8763182bc0d421ca1bb9038fd1f7f42d4840b69c485bbc1aa"
        )
        #expect(try key.isValidSignature(signature, for: Data("message digest".utf8)))
        #expect(try !key.isValidSignature(signature, for: Data("message digesT".utf8)))
    }

    @Test(arguments: SignatureAlgorithm.allCases)
    func signaturesRoundTripThroughKeyText(algorithm: SignatureAlgorithm) throws {
        let signer = try NoteSigner(name: "test.example/log", key: SigningKey.generate(algorithm))
        let reloaded = try NoteSigner(text: signer.text)
        let note = try SignedNote.sign("hello\n", with: reloaded)
        try note.verify(with: NoteVerifier(text: signer.verifier.text))
        let other = try NoteSigner(name: "test.example/log", key: SigningKey.generate(algorithm))
        #expect(throws: VerificationError.self) { try note.verify(with: other.verifier) }
    }

    /// A checkpoint signed by a real store verifies with `openssl pkeyutl`, an independent implementation; a
    /// one-byte change to the signed text does not.
    @Test(arguments: CryptoProfile.allCases)
    func ledgerCheckpointVerifiesWithOpenSSL(profile: CryptoProfile) async throws {
        try await withTemporaryStore(profile: profile) { store, paths in
            _ = try await store.append(Data("第一条记录".utf8))
            let signed = try await store.checkpoint()
            let signature = try #require(signed.note.signatures.first)
            let directory = URL(fileURLWithPath: paths.database).deletingLastPathComponent()
            let publicKey = directory.appendingPathComponent("public.der")
            let message = directory.appendingPathComponent("message")
            let tampered = directory.appendingPathComponent("tampered")
            let signatureFile = directory.appendingPathComponent("signature")
            try store.verifier.key.subjectPublicKeyInfo.write(to: publicKey)
            try Data(signed.note.text.utf8).write(to: message)
            // Entry 0 describes the log, so the checkpoint is at size 2; the tampered copy claims size 3.
            #expect(signed.checkpoint.size == 2)
            try Data(signed.note.text.replacingOccurrences(of: "\n2\n", with: "\n3\n").utf8).write(to: tampered)
            try signature.bytes.write(to: signatureFile)
            var arguments = [
                "pkeyutl", "-verify", "-pubin", "-keyform", "DER", "-inkey", publicKey.path, "-rawin", "-sigfile", signatureFile.path,
            ]
            if profile == .gm { arguments += ["-digest", "sm3", "-pkeyopt", "distid:1234567812345678"] }
            let good = try runOpenSSL(arguments + ["-in", message.path])
            #expect(good.status == 0, "openssl: \(good.output)")
            #expect(good.output.contains("Signature Verified Successfully"))
            let bad = try runOpenSSL(arguments + ["-in", tampered.path])
            #expect(bad.status != 0 && !bad.output.contains("Verified Successfully"))
        }
    }

    private func runOpenSSL(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
