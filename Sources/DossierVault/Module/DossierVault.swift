public import PropertyLedger

/// DossierVault as a module of the store: its entry types, its tables and their migrations, and its rules
/// over custody, each kept by one part (``VaultPart``) in its own file.
///
/// Open the store with it (`LedgerStore.open(paths, modules: [DossierVault()])`) wherever its rules must
/// hold: a store opened without it would let a dossier leave central storage unchecked.
public struct DossierVault: LedgerModule {
    public init() {}

    public var name: String { "dossier-vault" }

    /// The parts, each owning some entry types and tables.
    static let parts: [any VaultPart] = [
        NotableEntries(), PolicyLog(), UnrelatedProperty(), CheckoutClock(), CentralStorageHold(), CabinetCustody(), ReceivedObjects(),
    ]

    /// Every migration of every part, in the one order they ship in: names are permanent, and a new one
    /// goes at the end.
    public var migrations: [SchemaMigration] {
        [
            NotableEntries.table, PolicyLog.table, UnrelatedProperty.table, CheckoutClock.table, CabinetTables.migration,
            ReceivedObjects.table,
        ]
    }

    public var entryTypes: Set<String> { Set(Self.parts.flatMap(\.entryTypes)) }

    public var projectionTables: [String] { Self.parts.flatMap(\.projectionTables) }

    public func apply(_ entry: LoggedEntry, at index: Int64, to tables: borrowing ProjectionTables) throws {
        for part in Self.parts where part.entryTypes.contains(entry.type) {
            try part.apply(entry, at: index, to: tables)
        }
    }

    public func observe(_ entry: CustodyEntry, at index: Int64, to tables: borrowing ProjectionTables) throws {
        for part in Self.parts {
            try part.observe(entry, at: index, to: tables)
        }
    }

    public func review(_ entry: CustodyEntry, in context: borrowing RuleContext) throws {
        for part in Self.parts {
            try part.review(entry, in: context)
        }
    }
}

/// One concern of DossierVault with its own entry types and tables (policy, unrelated property, the
/// entries the bulletin reports); the module hands each part what concerns it.
protocol VaultPart: Sendable {
    var entryTypes: Set<String> { get }
    var projectionTables: [String] { get }
    func apply(_ entry: LoggedEntry, at index: Int64, to tables: borrowing ProjectionTables) throws
    func observe(_ entry: CustodyEntry, at index: Int64, to tables: borrowing ProjectionTables) throws
    func review(_ entry: CustodyEntry, in context: borrowing RuleContext) throws
}

extension VaultPart {
    var entryTypes: Set<String> { [] }
    func apply(_ entry: LoggedEntry, at index: Int64, to tables: borrowing ProjectionTables) throws {}
    func observe(_ entry: CustodyEntry, at index: Int64, to tables: borrowing ProjectionTables) throws {}
    func review(_ entry: CustodyEntry, in context: borrowing RuleContext) throws {}
}
