public import Foundation

/// SQL access for a module to the store's database, inside the transaction the store runs it in.
///
/// A module names its tables `\(tables.schema).name`: the schema is `main` when entries are written, and
/// `temp` when a rebuild check replays the log into fresh tables beside the live ones. It never sees the
/// log's own tables: entries reach it decoded, and every write goes through the store.
public struct ProjectionTables: ~Copyable {
    let database: Database
    /// The schema to qualify every table name with.
    public let schema: String

    init(_ database: Database, schema: String) {
        self.database = database
        self.schema = schema
    }

    /// Runs one statement with `arguments` bound to its `?` parameters, in order.
    public func execute(_ sql: String, _ arguments: SQLValue...) throws {
        try database.execute(sql, arguments)
    }

    /// The rows of a query, each read by `row`.
    public func rows<T>(_ sql: String, _ arguments: SQLValue..., row: (borrowing SQLRow) throws -> T) throws -> [T] {
        try database.rows(sql, arguments) { statement in try row(SQLRow(statement: statement)) }
    }

    /// The first row of a query read by `row`, or nil when there is none.
    public func firstRow<T>(_ sql: String, _ arguments: SQLValue..., row: (borrowing SQLRow) throws -> T) throws -> T? {
        try database.firstRow(sql, arguments) { statement in try row(SQLRow(statement: statement)) }
    }
}

@available(*, unavailable)
extension ProjectionTables: Sendable {}

/// One row of a query, valid only inside the closure that receives it.
public struct SQLRow: ~Copyable {
    let statement: Statement

    public func isNull(_ column: Int) -> Bool { statement.isNull(Int32(column)) }
    public func integer(_ column: Int) -> Int64 { statement.int64(Int32(column)) }
    public func text(_ column: Int) -> String { statement.text(Int32(column)) }
    public func optionalText(_ column: Int) -> String? { isNull(column) ? nil : text(column) }
    public func blob(_ column: Int) -> Data { statement.data(Int32(column)) }
}

@available(*, unavailable)
extension SQLRow: Sendable {}
