import Foundation
import Testing

@testable import PropertyLedger
@testable import Transfers

/// A handover between two real ledgers, in both profiles: the police create a transfer of a case's three items
/// to the procuratorate, which receives it offline from the bundle alone — one object missing, one damaged — and
/// sends back a receipt the police close the transfer with. Then every hostile bundle and receipt of the issue,
/// each refused with its reason and nothing written.
struct FederationTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    /// An agency's store with a supervisor (000001) and a clerk (000004), serving the Transfers module.
    static func agency(_ name: String, code: String, kind: Agency.Kind, profile: CryptoProfile, in directory: URL) async throws
        -> LedgerStore
    {
        let store = try await LedgerStore.create(
            StorePaths(database: directory.appendingPathComponent(name).path), agency: try Agency(code: code, name: name, kind: kind),
            profile: profile, signatures: .optional, modules: [Transfers()], now: now)
        try await store.record(.addOfficer(badge: "000001", name: "领导", unit: nil, role: .supervisor), actor: nil, at: now)
        try await store.record(.addOfficer(badge: "000004", name: "管理员", unit: nil, role: .clerk), actor: "000001", at: now)
        // Each agency's own case the objects are handled under there.
        try await store.record(
            .openCase(number: "K-\(code)", title: "盗窃案", kind: .criminal, isPropertyCrime: true), actor: "000001", at: now)
        try await store.record(
            .addLocation(code: "ROOM", name: "保管室", kind: .room, parent: nil, isCentral: false), actor: "000004", at: now)
        return store
    }

    static func addPeer(_ name: String, _ peer: LedgerStore, to store: LedgerStore) async throws {
        try await store.record(actor: "000001", at: now) { rules in
            try PeerAdded.decide(
                name: name, keyText: peer.identity.verifierKey, witnessKeyText: try peer.witnessSigner().verifier.text, in: rules)
        }
    }

    struct Scene {
        let police, procuratorate, court: LedgerStore
        let items: [String]
        let directory: URL

        func create(to peer: String = "procuratorate", peerSize: Int64 = 0) async throws -> TransferBundle {
            let recorded = try await police.transaction(actor: "000004", at: FederationTests.now) { transaction in
                try TransferOutbox.create(to: peer, caseNumber: "A1", objects: nil, mode: .move, in: &transaction)
            }
            return try await TransferBundle.make(manifest: recorded.manifest, objects: recorded.objects, peerSize: peerSize, from: police)
        }

        var answers: TransferInbox.Answers {
            TransferInbox.Answers(confirmed: [items[0]], missing: [items[1]], damaged: [(items[2], "外壳破裂")])
        }

        func receive(_ bundle: TransferBundle, answers: TransferInbox.Answers? = nil) async throws -> TransferInbox.Outcome {
            try await procuratorate.transaction(actor: "000004", at: FederationTests.now) { transaction in
                try TransferInbox.receive(bundle, answers: answers ?? self.answers, forCase: "K-370305J", in: &transaction)
            }
        }

        /// The reason closing with `receipt` at the police is refused with, or nil when it closes the transfer.
        func closeRefused(_ receipt: TransferBundle) async -> String? {
            await refusal {
                try await police.transaction(actor: "000004", at: FederationTests.now) { try TransferInbox.close(receipt, in: &$0) }
            }?.id
        }

        /// The reason receiving the bundle file `data` is refused with (parsing it included), or nil.
        func refused(data: Data) async -> String? {
            await refusal { try await receive(try TransferBundle(parsing: data)) }?.id
        }

        /// The reason receiving `bundle` is refused with, or nil when it is received.
        func refused(_ bundle: TransferBundle, answers: TransferInbox.Answers? = nil) async -> String? {
            await refusal { try await receive(bundle, answers: answers) }?.id
        }

        /// `bundle` re-read after `change` to its bytes: what a receiver parsing a tampered file would get.
        func tampered(_ bundle: TransferBundle, _ change: (inout TransferBundle) -> Void) -> TransferBundle {
            var copy = bundle
            change(&copy)
            return copy
        }
    }

    static func withScene(profile: CryptoProfile, _ body: (Scene) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-federation-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let police = try await agency("police.db", code: "370305", kind: .police, profile: profile, in: directory)
        let procuratorate = try await agency("procuratorate.db", code: "370305J", kind: .procuratorate, profile: profile, in: directory)
        let court = try await agency("court.db", code: "370305F", kind: .court, profile: profile, in: directory)
        try await addPeer("procuratorate", procuratorate, to: police)
        try await addPeer("court", court, to: police)
        try await addPeer("police", police, to: procuratorate)
        try await addPeer("court", court, to: procuratorate)
        try await addPeer("procuratorate", procuratorate, to: court)
        try await police.record(.addOfficer(badge: "000002", name: "李明", unit: nil, role: .officer), actor: "000001", at: now)
        try await police.record(.addOfficer(badge: "000003", name: "王强", unit: nil, role: .officer), actor: "000001", at: now)
        try await police.record(
            .addLocation(code: "ROOM-1", name: "保管室", kind: .room, parent: nil, isCentral: false), actor: "000004", at: now)
        try await police.record(
            .openCase(number: "A1", title: "盗窃案", kind: .criminal, isPropertyCrime: true), actor: "000002", at: now)
        var items: [String] = []
        for name in ["自行车", "断线钳", "手机"] {
            let registered = try await police.record(
                .registerItem(ItemRegistration(caseNumber: "A1", name: name, quantity: "1", unit: "件", seizedBy: ["000002", "000003"])),
                actor: "000002", at: now)
            let id = try #require(registered.entry.event.object)
            try await police.record(.checkIn(object: id, location: "ROOM-1", caseNumber: nil), actor: "000004", at: now)
            items.append(id)
        }
        try await body(Scene(police: police, procuratorate: procuratorate, court: court, items: items.sorted(), directory: directory))
    }

    @Test(arguments: CryptoProfile.allCases)
    func aHandoverWithOneMissingAndOneDamagedIsReceivedAndClosed(profile: CryptoProfile) async throws {
        try await Self.withScene(profile: profile) { scene in
            let bundle = try await scene.create()
            // The bundle as a file: what the procuratorate reads is what the police wrote, byte for byte.
            let file = try TransferBundle(parsing: bundle.data)
            #expect(file == bundle)
            // Until the receipt, the objects stay put.
            let checkout = await refusal {
                try await scene.police.record(
                    .checkOut(
                        object: scene.items[0], to: "000002", reason: .appraisal, approvedBy: "000001", due: Self.now + 86_400, note: nil,
                        caseNumber: nil), actor: "000004", at: Self.now)
            }
            #expect(checkout?.id == "object-in-transfer")

            guard case .recorded(let received) = try await scene.receive(file) else {
                Issue.record("the bundle was not received")
                return
            }
            let answers = try received.entry.payload(TransferReceived.self).answers
            #expect(answers.map(\.result) == [.confirmed, .missing, .damaged])
            #expect(answers.map(\.record.name) == (try await scene.items.asyncMap { try await scene.police.object($0).name }))

            // The receipt: the procuratorate's transfer.received, proven under its own checkpoint, with its witness's
            // cosignature of the police's checkpoint.
            let receipt = try await TransferBundle.receipt(of: bundle.transfer, peerSize: 0, at: Self.now, in: scene.procuratorate)
            #expect(received.index == Int64(receipt.proofs[0].index))
            let receiptFile = try TransferBundle(parsing: receipt.data, as: .receipt)
            // The cosigned note as it was written: a byte-order mark before it is not read away.
            var marked = receipt
            marked.cosigned = "\u{FEFF}" + (receipt.cosigned ?? "")
            #expect(try TransferBundle(parsing: marked.data, as: .receipt).cosigned?.utf8.first == 0xEF)
            guard
                case .recorded(let closed) = try await scene.police.transaction(
                    actor: "000004", at: Self.now,
                    { transaction in
                        try TransferInbox.close(receiptFile, in: &transaction)
                    })
            else {
                Issue.record("the receipt did not close the transfer")
                return
            }
            let closedPayload = try closed.entry.payload(TransferClosed.self)
            #expect(closedPayload.answers.map(\.result) == [.confirmed, .missing, .damaged])
            // The police keep the procuratorate's cosignature of their log: it verifies on its own.
            let cosigned = try SignedNote(parsing: try #require(closedPayload.cosigned))
            _ = try (try scene.procuratorate.witnessSigner().verifier).verify(cosigned, now: Self.now)
            try cosigned.verify(with: scene.police.verifier)
            func checkOut(_ object: String) async -> Reason? {
                await refusal {
                    try await scene.police.record(
                        .checkOut(
                            object: object, to: "000002", reason: .appraisal, approvedBy: "000001", due: Self.now + 86_400, note: nil,
                            caseNumber: nil), actor: "000004", at: Self.now)
                }
            }
            #expect(try await scene.police.object(scene.items[0]).status == .transferred)
            #expect(await checkOut(scene.items[0])?.id == "object-not-in-storage")
            #expect(await checkOut(scene.items[2])?.id == "object-not-in-storage", "a damaged object was handed over too")
            // The missing one is still the police's: it may be checked out (to be looked for).
            #expect(await checkOut(scene.items[1]) == nil)
            let replayedReceipt = await refusal {
                try await scene.police.transaction(actor: "000004", at: Self.now) { try TransferInbox.close(receiptFile, in: &$0) }
            }
            #expect(replayedReceipt?.id == "transfer-receipt-unknown")
            // At the procuratorate the two arrived under their own ids, with the police's records; checked in there,
            // they go on to the court in custody mode (the goods stay; custody changes on paper).
            let arrived = [scene.items[0], scene.items[2]]
            for id in arrived {
                let object = try await scene.procuratorate.object(id)
                #expect(object.status == .registered && object.caseNumber == "K-370305J")
                #expect(object.name == (try await scene.police.object(id)).name)
                try await scene.procuratorate.record(.checkIn(object: id, location: "ROOM", caseNumber: nil), actor: "000004", at: Self.now)
            }
            let missing = await refusal { try await scene.procuratorate.object(scene.items[1]) }
            #expect(missing?.id == "object-not-found", "the missing object entered the procuratorate's custody")
            let onward = try await scene.procuratorate.transaction(actor: "000004", at: Self.now) { transaction in
                try TransferOutbox.create(to: "court", caseNumber: "K-370305J", objects: nil, mode: .custody, in: &transaction)
            }
            let courtBundle = try await TransferBundle.make(
                manifest: onward.manifest, objects: onward.objects, peerSize: 0, from: scene.procuratorate)
            guard
                case .recorded(let atCourt) = try await scene.court.transaction(
                    actor: "000004", at: Self.now,
                    { transaction in
                        try TransferInbox.receive(
                            try TransferBundle(parsing: courtBundle.data), answers: .init(confirmed: arrived), forCase: "K-370305F",
                            in: &transaction)
                    })
            else {
                Issue.record("the court did not receive the procuratorate's bundle")
                return
            }
            let courtReceipt = try await TransferBundle.receipt(of: courtBundle.transfer, peerSize: 0, at: Self.now, in: scene.court)
            #expect(atCourt.index == Int64(courtReceipt.proofs[0].index))
            let closedAtProcuratorate = try await scene.procuratorate.transaction(actor: "000004", at: Self.now) { transaction in
                try TransferInbox.close(try TransferBundle(parsing: courtReceipt.data, as: .receipt), in: &transaction)
            }
            guard case .recorded = closedAtProcuratorate else { Issue.record("the court's receipt did not close"); return }
            for id in arrived {
                #expect(try await scene.procuratorate.object(id).status == .transferred)
                #expect(try await scene.court.object(id).status == .registered, "custody mode: the goods stay where they are")
                #expect(try await scene.court.history(of: id).map(\.entry.event.type) == ["custody.received"])
            }
            for store in [scene.police, scene.procuratorate, scene.court] {
                #expect(try await store.rebuildCheck().isEmpty)
                #expect(try await store.audit().isIntact)
            }
        }
    }

    @Test(arguments: CryptoProfile.allCases)
    func hostileBundlesAreRefusedAndWriteNothing(profile: CryptoProfile) async throws {
        try await Self.withScene(profile: profile) { scene in
            let bundle = try await scene.create()
            let size = try await scene.procuratorate.size
            // A flipped byte anywhere: the parser or a signature or a proof refuses it.
            let bytes = bundle.data
            for offset in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 97)) {
                var flipped = bytes
                flipped[offset] ^= 0x01
                #expect(await scene.refused(data: flipped) != nil, "a flipped byte at \(offset) was accepted")
            }
            #expect(await scene.refused(scene.tampered(bundle) { $0.to = scene.court.identity.origin }) == "transfer-for-other")
            let truncated = scene.tampered(bundle) { $0.proofs.removeLast() }
            #expect(await scene.refused(truncated) == "transfer-manifest-mismatch")
            let reordered = scene.tampered(bundle) { $0.proofs.swapAt(1, 2) }
            #expect(await scene.refused(reordered) == "transfer-manifest-mismatch")
            let duplicated = scene.tampered(bundle) { $0.proofs.append($0.proofs[1]) }
            #expect(await scene.refused(duplicated) == "transfer-manifest-mismatch")
            let otherIndex = scene.tampered(bundle) { $0.proofs[1].index += 1 }
            #expect(await scene.refused(otherIndex) == "transfer-proof-invalid")
            // Answers that leave an object out, or answer one twice.
            #expect(
                await scene.refused(bundle, answers: .init(confirmed: [scene.items[0], scene.items[1]])) == "transfer-object-unanswered")
            #expect(
                await scene.refused(bundle, answers: .init(confirmed: scene.items, missing: [scene.items[0]])) == "transfer-answer-twice")
            #expect(try await scene.procuratorate.size == size, "a refused bundle wrote something")

            // An unknown signer: a bundle from a ledger the procuratorate never added.
            let stranger = try await Self.agency("stranger.db", code: "110000", kind: .police, profile: profile, in: scene.directory)
            try await Self.addPeer("procuratorate", scene.procuratorate, to: stranger)
            try await stranger.record(
                .openCase(number: "A1", title: "案", kind: .criminal, isPropertyCrime: false), actor: "000001", at: Self.now)
            let foreign = scene.tampered(bundle) { $0.from = stranger.identity.origin }
            #expect(await scene.refused(foreign) == "peer-origin-unknown")

            // Received once; the same bundle again is a replay.
            guard case .recorded = try await scene.receive(bundle) else { Issue.record("not received"); return }
            #expect(await scene.refused(bundle) == "transfer-replayed")
        }
    }

    /// The police's log rolled back and grown again differently: the bundle's checkpoint contradicts the one the
    /// procuratorate's witness holds. Refused, kept as evidence, the police frozen.
    @Test func aSplitViewBundleIsEvidence() async throws {
        try await Self.withScene(profile: .intl) { scene in
            let first = try await scene.create()
            guard case .recorded = try await scene.receive(first) else { Issue.record("not received"); return }
            let held = Int64(try Checkpoint(text: try SignedNote(parsing: first.witness.checkpoint).text).size)
            // Signed with the police's own key: another root for the size the procuratorate holds.
            let key = try NoteSigner(text: try String(contentsOfFile: scene.police.paths.privateKey, encoding: .utf8))
            let forged = Checkpoint(origin: key.name, size: UInt64(held), rootHash: Data(repeating: 7, count: 32))
            var split = first
            split.transfer = String(repeating: "ab", count: 16)
            split.witness = AddCheckpointRequest(
                oldSize: held, proof: [], checkpoint: try SignedNote.sign(forged.text, with: key).formatted)
            split.proofs = split.proofs.map {
                Receipt(index: $0.index, proof: $0.proof, checkpoint: split.witness.checkpoint, extra: $0.extra)
            }
            guard case .peerFrozen(let peer, let index) = try await scene.receive(split) else {
                Issue.record("the split view was not taken as evidence")
                return
            }
            #expect(peer == "police")
            let evidence = try LoggedEntry(decoding: try await scene.procuratorate.entry(at: index)).payload(PeerFrozen.self)
            #expect(evidence.kind == .splitView)
        }
    }

    /// A receipt that omits an object, and one not signed by the receiver: refused, the transfer stays open.
    @Test func aReceiptOmittingAnObjectOrForgedIsRefused() async throws {
        try await Self.withScene(profile: .gm) { scene in
            let bundle = try await scene.create()
            // What an honest receiver would write, built by hand: a rogue receiver writes it with an object left out.
            let seen = try Checkpoint(text: try SignedNote(parsing: bundle.witness.checkpoint).text)
            var answers: [TransferReceived.Answer] = []
            for id in scene.items {
                answers.append(.init(object: id, result: .confirmed, note: nil, record: try await scene.police.object(id)))
            }
            func received(_ answers: [TransferReceived.Answer]) -> TransferReceived {
                TransferReceived(
                    transfer: bundle.transfer, peer: "police", from: scene.police.identity.origin, case: "A1", mode: .move,
                    seenSize: Int64(seen.size), seenRoot: seen.rootHash.base64EncodedString(), manifest: Int64(bundle.proofs[0].index),
                    answers: answers, extra: nil)
            }
            let partial = received(Array(answers.prefix(2)))
            let rogue = try await scene.procuratorate.record(actor: "000004", at: Self.now) { _ in partial }
            let whole = received(answers)
            let honest = try await scene.court.record(actor: "000004", at: Self.now) { _ in whole }
            let omitting = try await TransferBundle.make(
                .receipt, transfer: bundle.transfer, from: scene.procuratorate.identity.origin, to: scene.police.identity.origin,
                entries: [rogue], peerSize: 0, in: scene.procuratorate)
            let size = try await scene.police.size
            #expect(await scene.closeRefused(omitting) == "transfer-receipt-mismatch")
            // A whole answer, but signed by the court while claiming to be the procuratorate's.
            let courts = try await TransferBundle.make(
                .receipt, transfer: bundle.transfer, from: scene.procuratorate.identity.origin, to: scene.police.identity.origin,
                entries: [honest], peerSize: 0, in: scene.court)
            #expect(await scene.closeRefused(courts) == "peer-checkpoint-unsigned")
            #expect(try await scene.police.size == size, "a refused receipt wrote something")
            let open = try await scene.police.read { snapshot in
                try Transfers.transfers(in: snapshot).first { $0.transfer == bundle.transfer }
            }
            #expect(open?.closedAt == nil)
        }
    }

    /// A receipt from a peer whose witness key is recorded must carry that witness's valid cosignature of our own
    /// log: without it, with a flipped byte, of another log, or by another witness, the transfer stays open.
    @Test(arguments: CryptoProfile.allCases)
    func aReceiptWithoutAValidCosignatureIsRefused(profile: CryptoProfile) async throws {
        try await Self.withScene(profile: profile) { scene in
            let bundle = try await scene.create()
            guard case .recorded = try await scene.receive(bundle) else {
                Issue.record("the bundle was not received")
                return
            }
            let receipt = try await TransferBundle.receipt(of: bundle.transfer, peerSize: 0, at: Self.now, in: scene.procuratorate)
            let size = try await scene.police.size
            var stripped = receipt
            stripped.cosigned = nil
            #expect(await scene.closeRefused(try TransferBundle(parsing: stripped.data, as: .receipt)) == "transfer-receipt-cosignature")
            // A flipped byte of the cosignature itself (the note's last signature line).
            var flipped = receipt
            var lines = try #require(flipped.cosigned).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let last = lines.count - 2
            var bytes = Array(lines[last].utf8)
            bytes[bytes.count - 6] = bytes[bytes.count - 6] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
            lines[last] = String(decoding: bytes, as: UTF8.self)
            flipped.cosigned = lines.joined(separator: "\n")
            #expect(await scene.closeRefused(try TransferBundle(parsing: flipped.data, as: .receipt)) == "transfer-receipt-cosignature")
            // The procuratorate's witness cosigning another log's checkpoint (the court's) in place of ours.
            var other = receipt
            other.cosigned = try scene.procuratorate.witnessSigner().cosign(try await scene.court.checkpoint().note, at: Self.now).formatted
            #expect(await scene.closeRefused(other) == "transfer-receipt-cosignature")
            // Our checkpoint, but cosigned by the court's witness.
            var byCourt = receipt
            byCourt.cosigned = try scene.court.witnessSigner().cosign(try SignedNote(parsing: bundle.witness.checkpoint), at: Self.now)
                .formatted
            #expect(await scene.closeRefused(byCourt) == "transfer-receipt-cosignature")
            #expect(try await scene.police.size == size, "a refused receipt wrote something")
            #expect(await scene.closeRefused(receipt) == nil)
        }
    }

    /// The parsers take arbitrary bytes for a bounded time without crashing, and refuse what is not well formed.
    @Test func theBundleAndReceiptParsersSurviveRandomInput() async throws {
        try await Self.withScene(profile: .intl) { scene in
            let valid = try await scene.create().data
            var generator = SystemRandomNumberGenerator()
            let deadline = ContinuousClock.now + .seconds(3)
            var runs = 0
            while ContinuousClock.now < deadline {
                var bytes = valid
                for _ in 0..<Int.random(in: 1...8, using: &generator) {
                    switch Int.random(in: 0..<3, using: &generator) {
                    case 0: bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
                    case 1: bytes.removeSubrange(Int.random(in: 0..<bytes.count, using: &generator)..<bytes.count)
                    default:
                        bytes.insert(UInt8.random(in: 0...255, using: &generator), at: Int.random(in: 0..<bytes.count, using: &generator))
                    }
                    if bytes.isEmpty { bytes = Data([0]) }
                }
                _ = try? TransferBundle(parsing: bytes)
                _ = try? TransferBundle(parsing: bytes, as: .receipt)
                _ = try? AddCheckpointRequest(parsing: bytes)
                runs += 1
            }
            #expect(runs > 100)
        }
    }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}
