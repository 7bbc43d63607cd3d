public import Foundation

/// The custody workflow on top of the log: record commands under the rules, and read the current state.
extension LedgerStore {
    /// Checks `command` against the custody rules and records it: one entry and its projection updates in
    /// one transaction. A refused command writes nothing.
    ///
    /// Identifiers and references are normalized first (NFKC, trimmed: full-width `０４Ａ１` is `04A1`), so
    /// the rules only ever see, and the log only ever holds, one form of each.
    ///
    /// - Parameters:
    ///   - actor: the badge of the officer doing it (nil, empty or blank only for the very first officer).
    ///   - device: the device that caused it, if one did (a cabinet that identified the officer).
    @discardableResult
    public func record(
        _ command: CustodyCommand, actor: String?, device: Device? = nil, at date: Date = Date(), signer: (any EntrySigner)? = nil
    ) throws -> RecordedEntry {
        try transaction(actor: actor, device: device, at: date, signer: signer) { try $0.record(command) }
    }

    /// Records several commands in one transaction, in order, each checked against the state the previous
    /// ones left: all are written, or none is (an import, a cabinet's inventory).
    @discardableResult
    public func record(
        contentsOf commands: [CustodyCommand], actor: String?, device: Device? = nil, at date: Date = Date(),
        signer: (any EntrySigner)? = nil
    ) throws -> [RecordedEntry] {
        try transaction(actor: actor, device: device, at: date, signer: signer) { transaction in
            try commands.map { try transaction.record($0) }
        }
    }

    /// What recording `command` now would write — the entry and the index it would take — or the refusal it
    /// would meet, thrown exactly as ``record(_:actor:at:)`` would throw it. It reads in one read transaction
    /// and writes nothing.
    public func evaluate(_ command: CustodyCommand, actor: String?, device: Device? = nil, at date: Date = Date()) throws
        -> RecordedEntry
    {
        try database.readTransaction {
            let nextIndex = try size
            let context = RuleContext(
                actor: actor, date: date, agency: identity.agency, nextIndex: nextIndex, tables: ProjectionTables(database, schema: "main"),
                custody: CustodyView(projections: Projections(database)), identity: identity, device: device)
            let entry = try LedgerTransaction.decide(command, in: context, registry: registry, device: device)
            // Encoded as it would be, so an entry too large or unencodable is refused here too.
            let bytes = try entry.encoded()
            guard bytes.count <= Self.maximumEntrySize else {
                throw LedgerError(.invalidInput, .entryWouldBeTooLarge)
            }
            return RecordedEntry(index: nextIndex, entry: entry, bytes: bytes)
        }
    }

    /// What recording the module entry `decide` returns now would write — the entry and the index it would
    /// take — or the refusal it would meet, thrown exactly as ``record(actor:device:at:_:)`` would throw it. It
    /// reads in one read transaction and writes nothing (a module command's `--dry-run`).
    public func evaluate<Payload: EntryPayload>(
        actor: String?, device: Device? = nil, at date: Date = Date(), _ decide: (borrowing RuleContext) throws -> Payload
    ) throws -> RecordedModuleEntry {
        guard registry.owner(of: Payload.type) != nil else {
            throw LedgerError(.invalidInput, .entryTypeUnowned(Payload.type))
        }
        return try database.readTransaction {
            let nextIndex = try size
            let context = RuleContext(
                actor: actor, date: date, agency: identity.agency, nextIndex: nextIndex, tables: ProjectionTables(database, schema: "main"),
                custody: CustodyView(projections: Projections(database)), identity: identity, device: device)
            let payload = try decide(context)
            let at = Timestamp.string(date)
            let bytes = try ModuleEntryEncoding(at: at, actor: actor, device: device, payload: payload).encoded()
            let entry = try LoggedEntry(decoding: bytes)
            guard entry.type == Payload.type, entry.at == at, entry.actor == actor, entry.device == device else {
                throw LedgerError(.invalidInput, .payloadUsesEnvelope(Payload.type))
            }
            guard bytes.count <= Self.maximumEntrySize else { throw LedgerError(.invalidInput, .entryWouldBeTooLarge) }
            return RecordedModuleEntry(index: nextIndex, entry: entry)
        }
    }

    /// The object id for a reference: an item or dossier id, or `chip:UID` for the object a chip is bound to.
    /// Full-width forms and surrounding spaces are normalized away (NFKC, trimmed).
    public func resolve(_ reference: String) throws -> String {
        try Projections(database).resolve(reference)
    }

    // MARK: Reading the current state

    public func officers() throws -> [Officer] { try Projections(database).officers() }

    public func locations() throws -> [Location] { try Projections(database).locations() }

    /// The location `code` names (NFKC, trimmed), if any.
    public func location(_ code: String) throws -> Location? { try Projections(database).location(FieldRules.normalized(code)) }

    /// The case `number` names (NFKC, trimmed), if any.
    public func caseRecord(_ number: String) throws -> CaseRecord? {
        try Projections(database).caseRecord(FieldRules.normalized(number))
    }

    /// The item or dossier `reference` names (an id or `chip:UID`).
    public func object(_ reference: String) throws -> CustodyObject {
        let id = try resolve(reference)
        guard let object = try Projections(database).object(id) else {
            throw LedgerError(.notFound, .objectNotFound(id))
        }
        return object
    }

    /// The objects matching `filter`, by id.
    public func objects(matching filter: ObjectFilter, now: Date = Date()) throws -> [CustodyObject] {
        try Projections(database).objects(matching: filter, now: now)
    }

    /// The cases matching `filter`, by number.
    public func cases(matching filter: CaseFilter) throws -> [CaseRecord] {
        try Projections(database).cases(matching: filter)
    }

    /// An object's chain of custody: every entry about it, in log order.
    public func history(of reference: String) throws -> [HistoryEntry] {
        let id = try object(reference).id
        return try database.rows(
            "SELECT e.idx, e.bytes FROM object_entries o JOIN log_entries e ON e.idx = o.idx WHERE o.object = ? ORDER BY o.idx", [id]
        ) { row in
            let bytes = row.data(1)
            return HistoryEntry(index: row.int64(0), entry: try CustodyEntry.decode(bytes), bytes: bytes)
        }
    }

    /// Up to `limit` entries from `start` on, with their exact bytes (for export).
    public func entries(from start: Int64, limit: Int) throws -> [(index: Int64, bytes: Data)] {
        try database.rows("SELECT idx, bytes FROM log_entries WHERE idx >= ? ORDER BY idx LIMIT ?", [start, limit]) {
            ($0.int64(0), $0.data(1))
        }
    }
}
