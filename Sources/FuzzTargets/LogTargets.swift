import Foundation
import PropertyLedger

/// The custody log's texts from outside: signed notes and checkpoints (a peer's, a witness's, one handed to
/// `ledger checkpoint --check`), verifier and private key texts, witness cosignatures, tlog-proof receipts.
enum LogTargets {
    /// The log key of the checkpoint vectors (Tests/PropertyLedgerTests/Fixtures/vectors/signatures.md): the Go note
    /// package's Ed25519 seed under the name `example.com/custody-test`. The seeds under `Fuzz/Corpus/` are signed with it.
    static let verifier = try! NoteVerifier(text: "example.com/custody-test+29d375cd+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")

    static let note = FuzzTarget(
        "note", "SignedNote(parsing:): formatted gives back the same bytes; verify(with:) answers"
    ) { data throws(FuzzFinding) in
        guard let text = FuzzInput.text(data), let note = try Refusal.value({ try SignedNote(parsing: text) }) else { return }
        // Every part of a note is read in its one spelling (canonical base64), so the note is its text.
        try FuzzFinding.require(
            FuzzInput.sameBytes(note.formatted, text), "formatted differs from the note read: \(note.formatted.debugDescription)")
        _ = try Refusal.value { try note.verify(with: verifier) }
    }

    static let checkpoint = FuzzTarget("checkpoint", "Checkpoint(text:): text reads back as the same checkpoint") {
        data throws(FuzzFinding) in
        guard let text = FuzzInput.text(data), let checkpoint = try Refusal.value({ try Checkpoint(text: text) }) else { return }
        // The root is read by Foundation's base64, which takes other spellings of the same bytes (spare bits set):
        // the value comes back, not always the bytes.
        let again = try Refusal.value { try Checkpoint(text: checkpoint.text) }
        try FuzzFinding.require(again == checkpoint, "text reads back as \(String(describing: again)), not \(checkpoint)")
    }

    static let signedCheckpoint = FuzzTarget(
        "signed-checkpoint", "SignedCheckpoint(parsing:verifier:) with the vectors' key: only its origin, signed by it"
    ) { data throws(FuzzFinding) in
        guard let text = FuzzInput.text(data), let signed = try Refusal.value({ try SignedCheckpoint(parsing: text, verifier: verifier) })
        else { return }
        try FuzzFinding.require(signed.checkpoint.origin == verifier.name, "accepted the origin \(signed.checkpoint.origin)")
        try FuzzFinding.require(
            signed.note.signatures.contains { $0.name == verifier.name && $0.keyID == verifier.keyID },
            "accepted without the key's signature")
        try FuzzFinding.require(FuzzInput.sameBytes(signed.note.formatted, text), "the note is not the text read")
    }

    static let noteKey = FuzzTarget(
        "note-key", "NoteVerifier(text:), NoteSigner(text:): text reads back as the same name, key ID and key"
    ) { data throws(FuzzFinding) in
        guard let text = FuzzInput.text(data) else { return }
        if let verifier = try Refusal.value({ try NoteVerifier(text: text) }) {
            let again = try Refusal.value { try NoteVerifier(text: try verifier.text) }
            try FuzzFinding.require(
                again?.name == verifier.name && again?.keyID == verifier.keyID
                    && again?.key.subjectPublicKeyInfo == verifier.key.subjectPublicKeyInfo,
                "a verifier key's text reads back as another key")
        }
        // The store reads its log key into `private-key-unreadable`, the error as its detail.
        if let signer = try Refusal.wrapped({ try NoteSigner(text: text) }) {
            let again = try Refusal.wrapped { try NoteSigner(text: try signer.text) }
            try FuzzFinding.require(
                again?.name == signer.name && again?.keyID == signer.keyID, "a private key's text reads back as another key")
        }
    }

    /// The first line is a witness's cosignature key (`ledger peer witness-key --key`), the rest a note it may
    /// have cosigned (a receipt's `cosigned` section); the whole is also tried as the witness's private key.
    static let cosignature = FuzzTarget(
        "cosignature", "CosignatureVerifier(text:) and verify(_:now:) of a note, CosignatureSigner(text:): texts read back"
    ) { data throws(FuzzFinding) in
        guard let text = FuzzInput.text(data) else { return }
        let (keyText, noteText) =
            text.firstIndex(of: "\n").map { (String(text[..<$0]), String(text[text.index(after: $0)...])) } ?? (text, "")
        if let verifier = try Refusal.wrapped({ try CosignatureVerifier(text: keyText) }) {
            let again = try Refusal.wrapped { try CosignatureVerifier(text: try verifier.text) }
            try FuzzFinding.require(
                again?.name == verifier.name && again?.keyID == verifier.keyID, "a witness key's text reads back as another key")
            if let note = try Refusal.value({ try SignedNote(parsing: noteText) }) {
                // A fixed clock: the corpus's cosignatures are dated, and the future check must not depend on the day.
                let now = Date(timeIntervalSince1970: 1_800_000_000)
                if let time = try Refusal.wrapped({ try verifier.verify(note, now: now) }) {
                    try FuzzFinding.require(
                        time.timeIntervalSince(now) <= CosignatureVerifier.allowedClockSkew, "accepted a cosignature from \(time)")
                }
            }
        }
        if let signer = try Refusal.wrapped({ try CosignatureSigner(text: text) }) {
            let again = try Refusal.wrapped { try CosignatureSigner(text: try signer.text) }
            try FuzzFinding.require(
                again?.name == signer.name && again?.keyID == signer.keyID, "a witness private key reads back as another key")
        }
    }

    static let receipt = FuzzTarget(
        "receipt", "Receipt(parsing:): text gives back the same bytes; verify(entry:verifier:) of its extra answers"
    ) { data throws(FuzzFinding) in
        guard let text = FuzzInput.text(data), let receipt = try Refusal.value({ try Receipt(parsing: text) }) else { return }
        try FuzzFinding.require(
            FuzzInput.sameBytes(receipt.text, text), "text differs from the receipt read: \(receipt.text.debugDescription)")
        // The corpus's receipts carry the proven entry as their extra, so that verification goes all the way.
        if let checkpoint = try Refusal.value({ try receipt.verify(entry: receipt.extra ?? Data(), verifier: verifier) }) {
            try FuzzFinding.require(receipt.index < checkpoint.size, "verified index \(receipt.index) in a tree of \(checkpoint.size)")
        }
    }

    /// Sizes and indexes as a peer or a receipt may claim them, around hashes: three big-endian 64-bit numbers `a`,
    /// `b`, `c`, a byte choosing the proof, then 32-byte hashes (the first two the leaf or subtree hash and the root,
    /// or the two roots; the rest the proof). Inclusion of leaf `a` in a tree of `b`; consistency from `a` to `b`;
    /// leaf `c` in the subtree [`a`, `b`); the subtree [`a`, `b`) in a tree of `c`.
    static let merkleProof = FuzzTarget(
        "merkle-proof", "ProofVerifier: inclusion, consistency and subtree proofs at any sizes refuse, never trap"
    ) { data throws(FuzzFinding) in
        guard data.count >= 25 else { return }
        let bytes = [UInt8](data)
        func number(at offset: Int) -> UInt64 { bytes[offset..<offset + 8].reduce(UInt64(0)) { $0 << 8 | UInt64($1) } }
        let (a, b, c) = (number(at: 0), number(at: 8), number(at: 16))
        var hashes = stride(from: 25, to: bytes.count, by: 32).map { Data(bytes[$0..<min($0 + 32, bytes.count)]) }
        while hashes.count < 2 { hashes.append(Data(repeating: 0, count: 32)) }
        let proof = Array(hashes.dropFirst(2))
        guard let verifier = try Refusal.value({ try ProofVerifier(.sha256) }) else { return }
        switch bytes[24] % 4 {
        case 0:
            _ = try Refusal.value { try verifier.verifyInclusion(leafHash: hashes[0], index: a, size: b, proof: proof, root: hashes[1]) }
        case 1:
            _ = try Refusal.value { try verifier.verifyConsistency(size1: a, size2: b, proof: proof, root1: hashes[0], root2: hashes[1]) }
        case 2:
            _ = try Refusal.value {
                try verifier.verifySubtreeInclusion(leafHash: hashes[0], index: c, start: a, end: b, proof: proof, subtreeHash: hashes[1])
            }
        default:
            _ = try Refusal.value {
                try verifier.verifySubtreeConsistency(start: a, end: b, size: c, proof: proof, subtreeHash: hashes[0], root: hashes[1])
            }
        }
    }
}
