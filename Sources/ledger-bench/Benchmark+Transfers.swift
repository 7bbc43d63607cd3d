import Foundation
import PropertyLedger
import Transfers

extension Benchmark {
    var transferNotes: [String] {
        [
            "(t) times TransferOutbox.create (a transfer.out per object and the manifest, one transaction) and TransferBundle.make "
                + "(a checkpoint signed, one inclusion proof per entry, the file's bytes); its baseline records as many custody moves "
                + "through the rules in one transaction of the same store",
            "(u) times parsing the bundle's bytes and TransferInbox.receive (the witness, every proof and the manifest checked, "
                + "transfer.received recorded); its baseline verifies the same inclusion proofs bare, in memory",
        ]
    }

    /// (t) and (u): a transfer of `transferObjects` objects created at the police and received at the
    /// procuratorate, each held to the second and shown beside a baseline of the same run.
    mutating func measureTransfers() async throws -> [Comparison] {
        let count = options.transferObjects
        let police = try await LedgerStore.create(
            StorePaths(database: workspace.path("transfer-police.ledger")), agency: agency, profile: options.profile, signatures: .optional,
            modules: [Transfers()])
        let procuratorate = try await LedgerStore.create(
            StorePaths(database: workspace.path("transfer-procuratorate.ledger")),
            agency: try Agency(code: "370321J", name: "基准检察院", kind: .procuratorate), profile: options.profile, signatures: .optional,
            modules: [Transfers()])
        Progress.log("(t), (u) a transfer of \(Format.count(count)) objects: setting up the two ledgers")
        let items = try await TransferScene.build(police: police, procuratorate: procuratorate, objects: count)

        // (t) Creating it: the entries in one transaction, the checkpoint signed, every proof made, the file's bytes.
        let create = Stopwatch()
        let recorded = try await police.transaction(actor: TransferScene.clerk) { transaction in
            try TransferOutbox.create(
                to: "procuratorate", caseNumber: TransferScene.caseNumber, objects: nil, mode: .move, in: &transaction)
        }
        let bundle = try await TransferBundle.make(manifest: recorded.manifest, objects: recorded.objects, peerSize: 0, from: police)
        let data = bundle.data
        let created = create.elapsed
        guard recorded.objects.count == count else { throw BenchError("(t) sent \(recorded.objects.count) objects, not \(count)") }

        // Its baseline: as many custody moves, through the rules, in one transaction of the same store.
        let moves = Stopwatch()
        try await police.transaction(actor: TransferScene.clerk) { transaction in
            for item in items {
                try transaction.record(.move(object: item.moved, location: TransferScene.shelf, reason: nil, caseNumber: nil))
            }
        }
        let moved = moves.elapsed

        // (u) Receiving it: parsed from the file's bytes, every check, the answers recorded (the desk's answers,
        // every object confirmed, are ready before).
        let answers = TransferInbox.Answers(confirmed: try recorded.manifest.entry.payload(TransferManifest.self).objects)
        let receive = Stopwatch()
        let file = try TransferBundle(parsing: data)
        let outcome = try await procuratorate.transaction(actor: TransferScene.clerk) { transaction in
            try TransferInbox.receive(file, answers: answers, in: &transaction)
        }
        let received = receive.elapsed
        guard case .recorded = outcome else { throw BenchError("(u) the bundle was not received") }

        // Its baseline: the bare checks of the same proofs, in memory: each entry's leaf hash and inclusion proof.
        let verifier = try ProofVerifier(options.profile.hashAlgorithm)
        let checkpoint = try Checkpoint(text: try SignedNote(parsing: file.witness.checkpoint).text)
        let bare = Stopwatch()
        for receipt in file.proofs {
            try verifier.verifyInclusion(
                leafHash: verifier.hasher.leafHash(receipt.extra ?? Data()), index: receipt.index, size: checkpoint.size,
                proof: receipt.proof,
                root: checkpoint.rootHash)
        }
        let verified = bare.elapsed

        details.append(
            Figure(
                name: "(t) bundle size", value: Double(data.count), unit: "bytes",
                display:
                    "\(Format.count(data.count)) bytes for \(Format.count(count)) objects (\(Format.count(data.count / count)) per object)")
        )
        return [
            Comparison(
                key: "transferCreate", title: "(t) transfer create, \(Format.count(count)) objects",
                ledger: Figure(
                    name: "create and write the bundle", value: created.milliseconds, unit: "ms",
                    display: Format.milliseconds(created.milliseconds)),
                baseline: Figure(
                    name: "\(Format.count(count)) custody moves in one transaction", value: moved.milliseconds, unit: "ms",
                    display: Format.milliseconds(moved.milliseconds)),
                target: .valueBelow(1000)),
            Comparison(
                key: "transferReceive", title: "(u) transfer receive, \(Format.count(count)) objects",
                ledger: Figure(
                    name: "parse, check and record", value: received.milliseconds, unit: "ms",
                    display: Format.milliseconds(received.milliseconds)),
                baseline: Figure(
                    name: "bare inclusion checks of the same \(Format.count(file.proofs.count)) entries", value: verified.milliseconds,
                    unit: "ms", display: Format.milliseconds(verified.milliseconds)),
                target: .valueBelow(1000)),
        ]
    }
}

/// The two ledgers of (t) and (u): a police store with one case of `objects` items in storage, each also with a
/// twin in another case for the moves of the baseline, and a procuratorate that knows the police as a peer.
enum TransferScene {
    static let clerk = "C1"
    static let caseNumber = "T1"
    static let shelf = "SHELF-2"

    struct Item {
        let sent, moved: String
    }

    static func build(police: LedgerStore, procuratorate: LedgerStore, objects: Int) async throws -> [Item] {
        for store in [police, procuratorate] {
            try await store.record(.addOfficer(badge: "S1", name: "领导", unit: nil, role: .supervisor), actor: nil)
            try await store.record(.addOfficer(badge: clerk, name: "管理员", unit: nil, role: .clerk), actor: "S1")
        }
        try await procuratorate.record(.openCase(number: caseNumber, title: "移交基准", kind: .criminal, isPropertyCrime: true), actor: "S1")
        try await procuratorate.record(actor: "S1") { rules in
            try PeerAdded.decide(name: "police", keyText: police.identity.verifierKey, in: rules)
        }
        try await police.record(actor: "S1") { rules in
            try PeerAdded.decide(name: "procuratorate", keyText: procuratorate.identity.verifierKey, in: rules)
        }
        try await police.transaction(actor: "S1") { transaction in
            try transaction.record(.addOfficer(badge: "O1", name: "民警", unit: nil, role: .officer))
            try transaction.record(.addOfficer(badge: "O2", name: "民警", unit: nil, role: .officer))
        }
        try await police.transaction(actor: clerk) { transaction in
            try transaction.record(.addLocation(code: "ROOM-1", name: "保管室", kind: .room, parent: nil, isCentral: false))
            try transaction.record(.addLocation(code: "SHELF-1", name: "一号架", kind: .shelf, parent: "ROOM-1", isCentral: false))
            try transaction.record(.addLocation(code: shelf, name: "二号架", kind: .shelf, parent: "ROOM-1", isCentral: false))
        }
        try await police.transaction(actor: "O1") { transaction in
            try transaction.record(.openCase(number: caseNumber, title: "移交基准", kind: .criminal, isPropertyCrime: true))
            try transaction.record(.openCase(number: "T2", title: "移库基准", kind: .criminal, isPropertyCrime: true))
        }
        var items: [Item] = []
        for start in stride(from: 0, to: objects, by: 500) {
            let ids = try await police.transaction(actor: "O1") { transaction -> [(String, String)] in
                var ids: [(String, String)] = []
                for n in start..<min(objects, start + 500) {
                    var pair: [String] = []
                    for number in [caseNumber, "T2"] {
                        let item = ItemRegistration(caseNumber: number, name: "物品\(n)", quantity: "1", unit: "件", seizedBy: ["O1", "O2"])
                        guard let id = try transaction.record(.registerItem(item)).entry.event.object else {
                            throw BenchError("a registration named no object")
                        }
                        pair.append(id)
                    }
                    ids.append((pair[0], pair[1]))
                }
                return ids
            }
            try await police.transaction(actor: clerk) { transaction in
                for (sent, moved) in ids {
                    try transaction.record(.checkIn(object: sent, location: "SHELF-1", caseNumber: nil))
                    try transaction.record(.checkIn(object: moved, location: "SHELF-1", caseNumber: nil))
                }
            }
            items += ids.map { Item(sent: $0.0, moved: $0.1) }
        }
        _ = try await police.checkpoint()
        return items
    }
}
