public import Foundation
public import PropertyLedger

/// The file a transfer travels in, from the sender's ledger to the receiver's (`ledger transfer create --out`):
///
///     propertyledger.transfer-bundle/v1
///     transfer <32 hex>
///     from <sender's origin>
///     to <receiver's origin>
///     witness <length>
///     <a tlog-witness add-checkpoint body: the sender's signed checkpoint, with a consistency proof from the size
///      the receiver holds of the sender's log>
///     proof <length>
///     <a c2sp.org/tlog-proof@v1 receipt whose `extra` is the entry's exact bytes: first the manifest, then each
///      object's transfer.out in the manifest's order, all against the witness section's checkpoint>
///     …
///     end
///
/// Each section is exactly its length in bytes, then LF. Nothing in the bundle is trusted for being there: the
/// receiver checks every signature and proof against the sender's key it recorded (``TransferInbox``).
///
/// The receipt the receiver sends back is the same container with the header
/// `propertyledger.transfer-receipt/v1`, `from` the receiver and `to` the sender, the receiver's checkpoint in
/// `witness`, one proof: of the receiver's `transfer.received` entry, and then
///
///     cosigned <length>
///     <the sender's checkpoint the receiver's witness holds, with the receiver's witness cosignature added>
///
/// (c2sp.org/tlog-cosignature): the receiver's word that it saw the sender's log at that size and root, consistent
/// with everything it saw of it before.
public struct TransferBundle: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case bundle = "propertyledger.transfer-bundle/v1"
        case receipt = "propertyledger.transfer-receipt/v1"
    }
    /// A bundle of the most objects a transfer takes, with room to spare.
    public static let maximumSize = 64 << 20

    public var kind: Kind
    public var transfer: String
    public var from: String
    public var to: String
    public var witness: AddCheckpointRequest
    /// The manifest's receipt first, then the objects'.
    public var proofs: [Receipt]
    /// A receipt's cosigned checkpoint of the sender's log (the note's text, unchecked here).
    public var cosigned: String?

    public init(
        kind: Kind = .bundle, transfer: String, from: String, to: String, witness: AddCheckpointRequest, proofs: [Receipt],
        cosigned: String? = nil
    ) {
        self.kind = kind
        self.transfer = transfer
        self.from = from
        self.to = to
        self.witness = witness
        self.proofs = proofs
        self.cosigned = cosigned
    }

    public var data: Data {
        var text = [kind.rawValue, "transfer \(transfer)", "from \(from)", "to \(to)"].joined(separator: "\n") + "\n"
        func section(_ name: String, _ body: String) { text += "\(name) \(body.utf8.count)\n\(body)\n" }
        section("witness", witness.text)
        for proof in proofs { section("proof", proof.text) }
        if let cosigned { section("cosigned", cosigned) }
        text += "end\n"
        return Data(text.utf8)
    }

    /// The bundle of the transfer just recorded: its entries proven against the checkpoint signed now, and
    /// the consistency proof from `peerSize`, the size of this log the receiver's witness holds (0: none).
    public static func make(
        manifest: RecordedModuleEntry, objects: [RecordedModuleEntry], peerSize: Int64, from store: LedgerStore
    ) async throws -> TransferBundle {
        let payload = try manifest.entry.payload(TransferManifest.self)
        return try await make(
            .bundle, transfer: payload.transfer, from: payload.from, to: payload.to, entries: [manifest] + objects, peerSize: peerSize,
            in: store)
    }

    /// A bundle or receipt of `entries`, proven against the checkpoint of `store` signed now, with the
    /// consistency proof from `peerSize` (the size of `store`'s log the other side holds; 0: none).
    public static func make(
        _ kind: Kind, transfer: String, from: String, to: String, entries: [RecordedModuleEntry], peerSize: Int64,
        in store: LedgerStore
    ) async throws -> TransferBundle {
        try await make(
            kind, transfer: transfer, from: from, to: to, proving: entries.map { ($0.index, $0.entry.bytes) }, peerSize: peerSize, in: store
        )
    }

    /// The bundle of transfer `id` this ledger sent and that is still open, made again: its manifest and each
    /// object's `transfer.out` proven against the checkpoint signed now, with the consistency proof from `peerSize`
    /// (nil: the size the peer's witness is known to hold, as at `transfer create`). For a bundle that was lost, or
    /// never written because the disk failed after the transfer was recorded: the transfer's objects wait for its
    /// receipt, and nothing else releases them.
    ///
    /// - Throws: ``LedgerError`` (`notFound`, `transfer-unknown`) for a transfer not sent from here, or closed.
    public static func bundle(of id: String, peerSize: Int64?, in store: LedgerStore) async throws -> TransferBundle {
        let (row, witnessed) = try await store.read { snapshot in
            let row = try TransferTables.transfer(id, direction: "out", in: snapshot.tables)
            return (row, try row.map { try Transfers.sizeWitnessed(by: $0.peer, in: snapshot) })
        }
        guard let row, row.closed == nil else { throw LedgerError(.notFound, Reason("transfer-unknown", ["transfer": id])) }
        let manifestBytes = try await store.entry(at: row.manifest)
        let manifest = try LoggedEntry(decoding: manifestBytes).payload(TransferManifest.self)
        var entries = [(index: row.manifest, bytes: manifestBytes)]
        for index in manifest.entries { entries.append((index, try await store.entry(at: index))) }
        return try await make(
            .bundle, transfer: id, from: manifest.from, to: manifest.to, proving: entries, peerSize: peerSize ?? witnessed ?? 0, in: store)
    }

    /// The receipt of transfer `id` this ledger received: its `transfer.received`, proven against the checkpoint
    /// signed now, with the consistency proof from `peerSize` (the size of this log the sender's witness holds;
    /// 0: none), and this ledger's witness cosignature of the newest checkpoint of the sender's log it holds.
    /// Made again at any time, for a sender whose witness holds another size than the first receipt assumed. The
    /// cosignature is dated `time`.
    ///
    /// - Throws: ``LedgerError`` (`notFound`, `transfer-unknown`) for a transfer not received here.
    public static func receipt(of id: String, peerSize: Int64, at time: Date = Date(), in store: LedgerStore) async throws
        -> TransferBundle
    {
        let (row, held) = try await store.read { snapshot in
            let row = try TransferTables.transfer(id, direction: "in", in: snapshot.tables)
            return (row, try row.flatMap { try PeerTables.witnessed($0.origin, in: snapshot.tables) })
        }
        guard let row, let index = row.closed else { throw LedgerError(.notFound, Reason("transfer-unknown", ["transfer": id])) }
        var receipt = try await make(
            .receipt, transfer: id, from: store.identity.origin, to: row.origin, proving: [(index, try await store.entry(at: index))],
            peerSize: peerSize, in: store)
        if let held {
            receipt.cosigned = try store.witnessSigner().cosign(try SignedNote(parsing: held.note), at: time).formatted
        }
        return receipt
    }

    private static func make(
        _ kind: Kind, transfer: String, from: String, to: String, proving entries: [(index: Int64, bytes: Data)], peerSize: Int64,
        in store: LedgerStore
    ) async throws -> TransferBundle {
        let signed = try await store.checkpoint()
        let size = Int64(signed.checkpoint.size)
        guard peerSize >= 0, peerSize <= size else { throw LedgerError(.invalidInput, .transferPeerSizeBeyondLog(peerSize, size: size)) }
        let consistency = peerSize == 0 ? [] : try await store.consistencyProof(from: peerSize, to: size)
        var proofs: [Receipt] = []
        for (index, bytes) in entries {
            let proof = try await store.inclusionProof(index: index, size: size)
            proofs.append(Receipt(index: UInt64(index), proof: proof, checkpoint: signed.note.formatted, extra: bytes))
        }
        return TransferBundle(
            kind: kind, transfer: transfer, from: from, to: to,
            witness: AddCheckpointRequest(oldSize: peerSize, proof: consistency, checkpoint: signed.note.formatted), proofs: proofs)
    }

    /// Reads a bundle strictly: the header, the three lines, sections of exactly their length, `end`, nothing
    /// after. What is inside is not checked here.
    ///
    /// - Throws: ``LedgerError`` (`invalidInput`, `transfer-bundle-malformed` with the byte offset it stopped at).
    public init(parsing data: Data, as kind: Kind = .bundle) throws {
        guard data.count <= Self.maximumSize else { throw LedgerError(.invalidInput, .transferBundleMalformed(at: 0)) }
        var reader = SectionReader(data: data)
        guard try reader.line() == kind.rawValue else { throw reader.malformed }
        let transfer = try reader.field("transfer")
        guard transfer.count == 32, transfer.allSatisfy({ ("0"..."9").contains($0) || ("a"..."f").contains($0) }) else {
            throw reader.malformed
        }
        let from = try reader.field("from")
        let to = try reader.field("to")
        let witness = try AddCheckpointRequest(parsing: try reader.section("witness"))
        var proofs: [Receipt] = []
        while try reader.peek("proof") {
            let body = try reader.section("proof")
            guard let text = String(validating: body, as: UTF8.self), let receipt = try? Receipt(parsing: text), receipt.extra != nil else {
                throw reader.malformed
            }
            proofs.append(receipt)
            guard proofs.count <= TransferOutbox.maximumObjects + 1 else { throw reader.malformed }
        }
        var cosigned: String?
        if kind == .receipt, try reader.peek("cosigned") {
            // UTF-8 as it is: Foundation's String(data:encoding:) drops a leading byte-order mark, and the section
            // would read the same with one or without.
            guard let note = String(validating: try reader.section("cosigned"), as: UTF8.self) else { throw reader.malformed }
            cosigned = note
        }
        guard try reader.line() == "end", reader.isAtEnd, kind == .bundle ? proofs.count >= 2 : proofs.count == 1 else {
            throw reader.malformed
        }
        self.init(kind: kind, transfer: transfer, from: from, to: to, witness: witness, proofs: proofs, cosigned: cosigned)
    }
}

/// Reads LF-ended lines and length-prefixed sections from a bundle or receipt, refusing anything else.
struct SectionReader {
    let data: Data
    var offset: Int

    init(data: Data) {
        self.data = data
        self.offset = data.startIndex
    }

    var isAtEnd: Bool { offset == data.endIndex }
    var malformed: LedgerError { LedgerError(.invalidInput, .transferBundleMalformed(at: offset - data.startIndex)) }

    /// The next line, without its LF; printable ASCII only (origins, ids, lengths).
    mutating func line() throws -> String {
        guard let end = data[offset...].firstIndex(of: 0x0A), end - offset <= 1024 else { throw malformed }
        let bytes = data[offset..<end]
        guard bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { throw malformed }
        offset = end + 1
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The value of the line `name VALUE`.
    mutating func field(_ name: String) throws -> String {
        let line = try line()
        guard line.hasPrefix(name + " "), line.count > name.count + 1, !line.dropFirst(name.count + 1).contains(" ") else {
            throw malformed
        }
        return String(line.dropFirst(name.count + 1))
    }

    /// Whether the next line starts with `name `.
    func peek(_ name: String) throws -> Bool {
        data[offset...].starts(with: Data((name + " ").utf8))
    }

    /// The section `name LENGTH` LF, then exactly LENGTH bytes, then LF.
    mutating func section(_ name: String) throws -> Data {
        let length = try field(name)
        guard length.count <= 9, length.allSatisfy({ ("0"..."9").contains($0) }), length == "0" || length.first != "0",
            let count = Int(length), count <= data.endIndex - offset - 1
        else { throw malformed }
        let body = data[offset..<offset + count]
        offset += count
        guard data[offset] == 0x0A else { throw malformed }
        offset += 1
        return Data(body)
    }
}
