import Foundation
import Testing

@testable import PropertyLedger
@testable import Transfers

/// The witness of a peer's log on real stores: the police's log grows and the procuratorate's ledger follows
/// it with consistency proofs; a checkpoint that contradicts what it holds is refused, kept as evidence that
/// verifies on its own, and freezes the peer until a supervisor acts.
struct WitnessTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    /// Two agencies' stores: the police (`sender`, with its log's signing key) and the procuratorate, whose
    /// supervisor 000001 has added the police as the peer `police`.
    struct Federation {
        let police: LedgerStore
        let policeKey: NoteSigner
        let procuratorate: LedgerStore

        /// Appends `count` entries to the police log and signs its checkpoint: the add-checkpoint request from `old`.
        func grow(by count: Int, from old: Int64) async throws -> AddCheckpointRequest {
            let start = try await police.size
            for offset in 0..<count {
                let badge = String(format: "%06d", 100 + Int(start) + offset)
                try await police.record(
                    .addOfficer(badge: badge, name: "民警", unit: nil, role: .officer), actor: "000001", at: WitnessTests.now)
            }
            return try await request(from: old)
        }

        /// The request from `old` to the police's latest checkpoint.
        func request(from old: Int64) async throws -> AddCheckpointRequest {
            let signed = try await police.checkpoint()
            let proof = old == 0 ? [] : try await police.consistencyProof(from: old, to: Int64(signed.checkpoint.size))
            return AddCheckpointRequest(oldSize: old, proof: proof, checkpoint: signed.note.formatted)
        }

        /// A checkpoint of the police's origin at `size` with another root, signed with the police's own key: what a
        /// police log rolled back and grown again differently would show.
        func forged(size: Int64, old: Int64, proofLength: Int = 0) throws -> AddCheckpointRequest {
            let checkpoint = Checkpoint(origin: policeKey.name, size: UInt64(size), rootHash: Data(repeating: 0xAB, count: 32))
            let note = try SignedNote.sign(checkpoint.text, with: policeKey)
            let proof = (0..<proofLength).map { Data(repeating: UInt8($0), count: 32) }
            return AddCheckpointRequest(oldSize: old, proof: proof, checkpoint: note.formatted)
        }

        func submit(_ request: AddCheckpointRequest) async throws -> CheckpointWitness.Outcome {
            try await procuratorate.transaction(actor: "000001", at: WitnessTests.now) { try CheckpointWitness.add(request, in: &$0) }
        }
    }

    static func withFederation(profile: CryptoProfile, _ body: (Federation) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-witness-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        func store(_ name: String, _ agency: Agency) async throws -> LedgerStore {
            let store = try await LedgerStore.create(
                StorePaths(database: directory.appendingPathComponent(name).path), agency: agency, profile: profile,
                signatures: .optional, modules: [Transfers()], now: now)
            try await store.record(.addOfficer(badge: "000001", name: "魏江", unit: nil, role: .supervisor), actor: nil, at: now)
            return store
        }
        let police = try await store("police.db", try Agency(code: "370305", name: "临淄分局", kind: .police))
        let procuratorate = try await store("procuratorate.db", try Agency(code: "370305P", name: "临淄区检察院", kind: .procuratorate))
        let key = try NoteSigner(text: try String(contentsOfFile: police.paths.privateKey, encoding: .utf8))
        try await procuratorate.record(actor: "000001", at: now) { rules in
            try PeerAdded.decide(name: "police", keyText: police.identity.verifierKey, in: rules)
        }
        try await body(Federation(police: police, policeKey: key, procuratorate: procuratorate))
    }

    @Test(arguments: CryptoProfile.allCases)
    func aGrowingLogIsFollowedAndAStaleOrForgedOneIsNot(profile: CryptoProfile) async throws {
        try await Self.withFederation(profile: profile) { federation in
            let first = try await federation.grow(by: 3, from: 0)
            let firstSize = Int64(try Checkpoint(text: try SignedNote(parsing: first.checkpoint).text).size)
            #expect(try await federation.submit(first) == .accepted(peer: "police", from: 0, to: firstSize))
            #expect(try await federation.submit(first) == .unchanged(peer: "police", size: firstSize))
            let second = try await federation.grow(by: 5, from: firstSize)
            #expect(try await federation.submit(second) == .accepted(peer: "police", from: firstSize, to: firstSize + 5))

            // Refused, nothing written: an old size that is not the one held (tlog-witness's 409, which names the
            // held size), a request whose old size is beyond its checkpoint, a checkpoint not signed by the peer.
            let size = try await federation.procuratorate.size
            let stale = try await federation.grow(by: 1, from: firstSize)
            let conflict = await refusal { try await federation.submit(stale) }
            #expect(
                conflict == Reason("add-checkpoint-conflict", ["name": "police", "old": String(firstSize), "size": String(firstSize + 5)]))
            var beyond = stale
            beyond.oldSize = 1000
            #expect(await refusal { try await federation.submit(beyond) }?.id == "add-checkpoint-old-beyond-size")
            var flipped = try await federation.request(from: firstSize + 5)
            flipped.checkpoint = flipped.checkpoint.replacingOccurrences(of: "\n\(firstSize + 6)\n", with: "\n\(firstSize + 7)\n")
            #expect(await refusal { try await federation.submit(flipped) }?.id == "peer-checkpoint-unsigned")
            #expect(try await federation.procuratorate.size == size)

            let witnessed = try await federation.procuratorate.read { try Transfers.peers(in: $0) }
            #expect(witnessed.map(\.witnessed?.size) == [firstSize + 5])
            #expect(try await federation.procuratorate.rebuildCheck().isEmpty)
        }
    }

    @Test(arguments: CryptoProfile.allCases)
    func aSplitViewIsKeptAsEvidenceAndFreezesThePeer(profile: CryptoProfile) async throws {
        try await Self.withFederation(profile: profile) { federation in
            let first = try await federation.grow(by: 4, from: 0)
            _ = try await federation.submit(first)
            let held = Int64(try await federation.police.size)

            // Two roots for one size, both signed by the police's key: refused, the evidence written, the peer frozen.
            let other = try federation.forged(size: held, old: held)
            guard case .frozen(let peer, let index, let kind) = try await federation.submit(other) else {
                Issue.record("a second root for the held size was not taken as evidence")
                return
            }
            #expect(peer == "police" && kind == .splitView)
            let entry = try LoggedEntry(decoding: try await federation.procuratorate.entry(at: index))
            let evidence = try entry.payload(PeerFrozen.self)
            // The evidence verifies on its own: two notes of one origin and size, both signed by the police's key,
            // with different roots.
            let verifier = try NoteVerifier(text: federation.police.identity.verifierKey)
            let a = try SignedCheckpoint(parsing: evidence.held, verifier: verifier).checkpoint
            let b = try SignedCheckpoint(parsing: evidence.submitted, verifier: verifier).checkpoint
            #expect(a.origin == b.origin && a.size == b.size && a.rootHash != b.rootHash)

            // Frozen: nothing more from the peer, not even a true checkpoint, until a supervisor acts.
            let next = try await federation.grow(by: 2, from: held)
            #expect(await refusal { try await federation.submit(next) }?.id == "peer-frozen")
            try await federation.procuratorate.record(actor: "000001", at: Self.now) { rules in
                try PeerUnfrozen.decide(peer: "police", reason: "已与公安机关核对，伪造检查点来自测试环境", in: rules)
            }
            #expect(try await federation.submit(next) == .accepted(peer: "police", from: held, to: held + 2))

            // A larger checkpoint the proof from the held one does not reach: also evidence, also frozen.
            let rolledBack = try federation.forged(size: held + 9, old: held + 2, proofLength: 3)
            guard case .frozen(_, let failedAt, .proofFailed) = try await federation.submit(rolledBack) else {
                Issue.record("a failing consistency proof was not taken as evidence")
                return
            }
            let failed = try LoggedEntry(decoding: try await federation.procuratorate.entry(at: failedAt)).payload(PeerFrozen.self)
            #expect(failed.proof?.count == 3)
            let peers = try await federation.procuratorate.read { try Transfers.peers(in: $0) }
            #expect(peers.first?.peer.frozenAt == failedAt)
            #expect(peers.first?.witnessed?.size == held + 2, "the held checkpoint changed on evidence")
            #expect(try await federation.procuratorate.rebuildCheck().isEmpty)
            #expect(try await federation.procuratorate.audit().isIntact)
        }
    }

    @Test func peersAreAddedBySupervisorsWithRealKeysOnce() async throws {
        try await Self.withFederation(profile: .intl) { federation in
            let store = federation.procuratorate
            try await store.record(.addOfficer(badge: "000004", name: "张丽", unit: nil, role: .clerk), actor: "000001", at: Self.now)
            func add(_ name: String, key: String, as actor: String = "000001") async -> Reason? {
                await refusal {
                    try await store.record(actor: actor, at: Self.now) { rules in try PeerAdded.decide(name: name, keyText: key, in: rules)
                    }
                }
            }
            let police = federation.police.identity.verifierKey
            #expect(await add("court", key: police, as: "000004")?.id == "peer-needs-supervisor")
            #expect(await add("Court", key: police)?.id == "peer-name-malformed")
            #expect(await add("court", key: "not a key")?.id == "peer-key-malformed")
            #expect(await add("self", key: store.identity.verifierKey)?.id == "peer-is-this-log")
            #expect(await add("police", key: police)?.id == "peer-name-taken")
            #expect(await add("police2", key: police)?.id == "peer-origin-taken")
        }
    }

    @Test func malformedRequestsAreRefusedBeforeAnythingIsRead() throws {
        let note = "o\n1\nAAAA\n\n— o AAAA\n"
        for (body, line) in [
            ("old 01\n\n" + note, 1), ("old -1\n\n" + note, 1), ("old 1", 0), ("new 1\n\n" + note, 1),
            ("old 1\nnot base64!\n\n" + note, 2), ("old 1\n" + Data(count: 31).base64EncodedString() + "\n\n" + note, 2),
            ("old 1\n" + String(repeating: Data(count: 32).base64EncodedString() + "\n", count: 64) + "\n" + note, 65),
            (String(repeating: "x", count: 17 * 1024), 0),
            // A byte-order mark is not read away (Foundation's String(data:encoding:) would drop it).
            ("\u{FEFF}old 1\n\n" + note, 1),
        ] {
            let error = #expect(throws: LedgerError.self) { try AddCheckpointRequest(parsing: Data(body.utf8)) }
            #expect(error?.reason == Reason("add-checkpoint-malformed", ["line": String(line)]), "\(body.prefix(40))")
        }
        let good = AddCheckpointRequest(oldSize: 7, proof: [Data(count: 32)], checkpoint: note)
        #expect(try AddCheckpointRequest(parsing: Data(good.text.utf8)) == good)
    }
}
