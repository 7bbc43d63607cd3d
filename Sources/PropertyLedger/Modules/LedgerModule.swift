/// A part of the ledger built above PropertyLedger's custody core — DossierVault, transfers: its own entry
/// types, its own projection tables with named migrations, and its own rules.
///
/// The store is opened with the modules it serves (``LedgerStore/open(_:modules:)``). It applies each
/// module's migrations it has not applied yet, in order, and records their names; it writes a module's
/// entries through the same one-transaction path as custody entries (``LedgerTransaction``), handing each
/// entry to its module's ``apply(_:at:to:)`` in that transaction; and its rebuild check replays every
/// module's entries into fresh tables and compares them with the live ones. A module never edits the core's
/// types or schema.
public protocol LedgerModule: Sendable {
    /// A stable, lower-case name (`dossier-vault`): migrations are recorded under it.
    var name: String { get }
    /// The entry types the module writes and applies. No two modules, and no module and the core, share one.
    var entryTypes: Set<String> { get }
    /// The module's schema, in order. A migration's name is permanent once it shipped: add new ones.
    var migrations: [SchemaMigration] { get }
    /// The tables `migrations` create that are projections of the log: the rebuild check compares them.
    var projectionTables: [String] { get }
    /// Folds one of the module's entries, already checked and written at `index`, into its tables.
    ///
    /// It trusts the entry (its rules ran when it was written) and must be deterministic: replaying the log
    /// into empty tables must give exactly the live ones.
    func apply(_ entry: LoggedEntry, at index: Int64, to tables: borrowing ProjectionTables) throws

    /// Reviews a custody entry the core's rules allowed, before it is written; throws (a refusal) to stop it.
    /// This is how a module's rule governs custody itself — "a dossier the one-month rule holds in central
    /// storage leaves it only by an approved check-out" — without editing the core's rules. It sees the state
    /// before the entry. The default allows everything.
    func review(_ entry: CustodyEntry, in context: borrowing RuleContext) throws

    /// Folds a core entry (an officer, a case's progress, a check-out, a correction …), already written at
    /// `index` and applied to the core's projections, into the module's tables, for a module that keeps its
    /// own view of custody. Deterministic like ``apply(_:at:to:)``; the rebuild check replays it too, and a
    /// store that gains the module later replays its whole log through it once. The default keeps nothing.
    func observe(_ entry: CustodyEntry, at index: Int64, to tables: borrowing ProjectionTables) throws
}

extension LedgerModule {
    public func review(_ entry: CustodyEntry, in context: borrowing RuleContext) throws {}
    public func observe(_ entry: CustodyEntry, at index: Int64, to tables: borrowing ProjectionTables) throws {}
}

/// One step of a module's schema: SQL that creates or alters its tables in the schema it is given.
public struct SchemaMigration: Sendable {
    /// Permanent once shipped; recorded in the store when applied.
    public let name: String
    /// The SQL for `schema` (`main`, or `temp` for a rebuild check); statements separated by semicolons.
    public let sql: @Sendable (_ schema: String) -> String

    public init(_ name: String, sql: @escaping @Sendable (_ schema: String) -> String) {
        self.name = name
        self.sql = sql
    }
}
