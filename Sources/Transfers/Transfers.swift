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

    public var entryTypes: Set<String> { [PeerAdded.type, PeerFrozen.type, PeerUnfrozen.type] }

    public var migrations: [SchemaMigration] { [PeerTables.migration] }

    public var projectionTables: [String] { [PeerTables.peers] }

    public func apply(_ entry: LoggedEntry, at index: Int64, to tables: borrowing ProjectionTables) throws {
        switch entry.type {
        case PeerAdded.type: try PeerTables.apply(try entry.payload(PeerAdded.self), at: index, to: tables)
        case PeerFrozen.type: try PeerTables.apply(try entry.payload(PeerFrozen.self), at: index, to: tables)
        case PeerUnfrozen.type: try PeerTables.apply(try entry.payload(PeerUnfrozen.self), to: tables)
        default: break
        }
    }
}

extension Transfers {
    /// The peers, by name, with the newest checkpoint the witness holds of each (nil before the first).
    public static func peers(in snapshot: borrowing StoreSnapshot) throws -> [(peer: Peer, witnessed: WitnessedCheckpoint?)] {
        try PeerTables.peers(in: snapshot.tables).map { ($0, try PeerTables.witnessed($0.origin, in: snapshot.tables)) }
    }
}
