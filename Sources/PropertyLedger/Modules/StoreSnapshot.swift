import Foundation

/// The store as it stands at one moment, for a module's reports (the deadlines due, the daily bulletin):
/// the custody core's state, the module tables, and the log's size — all read in one read transaction, so
/// they agree with one another and with the signed checkpoint of that size.
public struct StoreSnapshot: ~Copyable {
    /// The number of entries the snapshot reflects.
    public let size: Int64
    /// The agency that runs the ledger.
    public let agency: Agency
    /// The store's tables in `main`, for the module's own (read only: writes go through transactions).
    public let tables: ProjectionTables
    /// The custody core's state.
    public let custody: CustodyView
    let database: Database

    /// The core entries among `indices`, decoded, in order; an index past the end, or of a module's entry, is
    /// left out.
    public func custodyEntries(_ indices: [Int64]) throws -> [(index: Int64, entry: CustodyEntry)] {
        try indices.sorted().compactMap { index in
            guard let bytes = try database.firstRow("SELECT bytes FROM main.log_entries WHERE idx = ?", index, row: { $0.data(0) }),
                let entry = try? CustodyEntry.decode(bytes)
            else { return nil }
            return (index, entry)
        }
    }

    /// The entry at `index` as a module reads its own (type, time, actor, payload); nil past the end.
    public func loggedEntry(at index: Int64) throws -> LoggedEntry? {
        try database.firstRow("SELECT bytes FROM main.log_entries WHERE idx = ?", index, row: { $0.data(0) }).flatMap {
            try? LoggedEntry(decoding: $0)
        }
    }
}

@available(*, unavailable)
extension StoreSnapshot: Sendable {}

extension LedgerStore {
    /// Runs `body` on one consistent snapshot of the store: nothing another writer commits meanwhile is seen.
    public func read<T>(_ body: (borrowing StoreSnapshot) throws -> T) throws -> T {
        try database.readTransaction {
            let snapshot = StoreSnapshot(
                size: try size, agency: identity.agency, tables: ProjectionTables(database, schema: "main"),
                custody: CustodyView(projections: Projections(database)), database: database)
            return try body(snapshot)
        }
    }
}
