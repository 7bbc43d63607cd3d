public import DossierVault
public import PropertyLedger

/// Transfers between agencies as a module of the store: the peers an agency exchanges with, and the witness
/// that keeps the latest checkpoint of each peer's log (docs/transfers.md).
///
/// Its entries are the peers (`transfer.peer-added`), a peer frozen on evidence of a split view
/// (`transfer.peer-frozen`) and released by a supervisor (`transfer.peer-unfrozen`). The witness's own state —
/// the newest checkpoint it accepted of each peer — is not a projection of the log but a compare-and-swap record
/// beside it, as every C2SP witness keeps: accepting a newer checkpoint writes no entry, so that two agencies
/// witnessing each other do not make each other's logs grow without end.
public struct Transfers: LedgerModule {
    public init() {}

    public var name: String { "transfers" }

    public var entryTypes: Set<String> {
        [
            PeerAdded.type, PeerFrozen.type, PeerUnfrozen.type, PeerWitnessKey.type, TransferOut.type, TransferManifest.type,
            TransferReceived.type,
            TransferClosed.type,
        ]
    }

    /// The entries a peer receives with a checkpoint of this log covering them: a bundle's transfer entries, a
    /// receipt's `transfer.received`. A restore must not go back behind one of them (``LedgerStore/restore``).
    public static let sharedEntryTypes: Set<String> = [TransferOut.type, TransferManifest.type, TransferReceived.type]

    /// In the order they ship: names are permanent, a new one goes at the end.
    public var migrations: [SchemaMigration] { [PeerTables.migration, TransferTables.migration, PeerTables.witnessKeys] }

    public var projectionTables: [String] { [PeerTables.peers, TransferTables.transfers, TransferTables.objects] }

    public func apply(_ entry: LoggedEntry, at index: Int64, to tables: borrowing ProjectionTables) throws {
        switch entry.type {
        case PeerAdded.type: try PeerTables.apply(try entry.payload(PeerAdded.self), at: index, to: tables)
        case PeerFrozen.type: try PeerTables.apply(try entry.payload(PeerFrozen.self), at: index, to: tables)
        case PeerUnfrozen.type: try PeerTables.apply(try entry.payload(PeerUnfrozen.self), to: tables)
        case PeerWitnessKey.type: try PeerTables.apply(try entry.payload(PeerWitnessKey.self), to: tables)
        case TransferOut.type: try TransferTables.apply(try entry.payload(TransferOut.self), at: index, to: tables)
        case TransferManifest.type: try TransferTables.apply(try entry.payload(TransferManifest.self), at: index, to: tables)
        case TransferReceived.type: try TransferTables.apply(try entry.payload(TransferReceived.self), at: index, to: tables)
        case TransferClosed.type: try TransferTables.apply(try entry.payload(TransferClosed.self), at: index, to: tables)
        default: break
        }
    }

    /// An object in an open transfer stays where it is until the receiver's receipt closes the transfer: it is
    /// neither checked out, nor moved, nor disposed of meanwhile.
    public func review(_ entry: CustodyEntry, in context: borrowing RuleContext) throws {
        let object: String
        switch entry.event {
        case .checkedOut(let e): object = e.object
        case .moved(let e): object = e.object
        case .disposed(let e): object = e.object
        default: return
        }
        if let transfer = try TransferTables.openTransfer(of: object, in: context.tables) {
            throw LedgerError(.refused, .objectInTransfer(object, transfer: transfer))
        }
        if let transfer = try TransferTables.transferredAway(object, in: context.tables) {
            throw LedgerError(.refused, .objectTransferred(object, transfer: transfer))
        }
    }
}

extension Transfers {
    /// The peers, by name, with the newest checkpoint the witness holds of each (nil before the first).
    public static func peers(in snapshot: borrowing StoreSnapshot) throws -> [(peer: Peer, witnessed: WitnessedCheckpoint?)] {
        try PeerTables.peers(in: snapshot.tables).map { ($0, try PeerTables.witnessed($0.origin, in: snapshot.tables)) }
    }
}

/// A transfer as this ledger recorded it: sent (`out`, open until the receipt closes it) or received (`in`).
public struct TransferSummary: Sendable, Equatable, Encodable {
    public enum Direction: String, Sendable, Encodable {
        case out
        case `in`
    }

    public struct Object: Sendable, Equatable, Encodable {
        public let object: String
        /// What the receiver found, once known.
        public let result: ObjectResult?

        public init(object: String, result: ObjectResult?) {
            self.object = object
            self.result = result
        }
    }

    public let transfer: String
    public let direction: Direction
    public let peer: String
    public let origin: String
    public let caseNumber: String
    public let mode: TransferMode
    /// The manifest's index in the sender's log.
    public let manifest: Int64
    /// The entry that closed it (`transfer.closed` for one sent, `transfer.received` for one received).
    public let closedAt: Int64?
    public let objects: [Object]
}

extension Transfers {
    /// The largest size of this log the peer `name`'s witness is known to hold (from its receipts); 0 before
    /// the first: where a new bundle's consistency proof starts.
    public static func sizeWitnessed(by name: String, in snapshot: borrowing StoreSnapshot) throws -> Int64 {
        try TransferTables.sizeWitnessed(by: name, in: snapshot.tables)
    }

    /// Every transfer sent or received, the newest manifest first.
    public static func transfers(in snapshot: borrowing StoreSnapshot) throws -> [TransferSummary] {
        try TransferTables.rows(in: snapshot.tables).map { row in
            TransferSummary(
                transfer: row.transfer, direction: row.direction == "in" ? .in : .out, peer: row.peer, origin: row.origin,
                caseNumber: row.caseNumber, mode: row.mode, manifest: row.manifest, closedAt: row.closed,
                objects: try TransferTables.objects(of: row.transfer, in: snapshot.tables).map {
                    .init(object: $0.object, result: $0.result)
                })
        }
    }
}

/// Where an object stands with the transfers out of this ledger: in one still open, or handed over for good.
public struct TransferStanding: Sendable, Equatable, Encodable {
    public enum State: String, Sendable, Encodable {
        /// In a transfer whose receipt has not come back: locked where it is.
        case inTransfer = "in-transfer"
        /// Confirmed or damaged on a recorded receipt: no longer in this agency's custody.
        case transferred
        /// Answered missing on a recorded receipt, and neither handed over nor sent again since: still this
        /// agency's, to be found.
        case reportedMissing = "reported-missing"
    }

    public let transfer: String
    public let peer: String
    public let state: State
}

extension Transfers {
    /// The transfer out the object `id` is in or left with; nil when none concerns it.
    public static func standing(of id: String, in snapshot: borrowing StoreSnapshot) throws -> TransferStanding? {
        if let open = try TransferTables.openTransfer(of: id, in: snapshot.tables),
            let row = try TransferTables.transfer(open, direction: "out", in: snapshot.tables)
        {
            return TransferStanding(transfer: open, peer: row.peer, state: .inTransfer)
        }
        if let away = try TransferTables.transferredAway(id, in: snapshot.tables),
            let row = try TransferTables.transfer(away, direction: "out", in: snapshot.tables)
        {
            return TransferStanding(transfer: away, peer: row.peer, state: .transferred)
        }
        if let missing = try TransferTables.reportedMissing(id, in: snapshot.tables),
            try !TransferTables.sentAgain(id, after: missing.manifest, in: snapshot.tables),
            let row = try TransferTables.transfer(missing.transfer, direction: "out", in: snapshot.tables)
        {
            return TransferStanding(transfer: missing.transfer, peer: row.peer, state: .reportedMissing)
        }
        return nil
    }
}

extension Transfers {
    /// The module's sections of the daily bulletin, after DossierVault's own (``Bulletin/standardSections``).
    public static let bulletinSections: [any BulletinSection] = [OpenTransfers(), TransferDiscrepancies()]
}
