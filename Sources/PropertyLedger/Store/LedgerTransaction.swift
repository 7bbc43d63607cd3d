public import Foundation

/// One write transaction of the store: each entry recorded through it — a custody command, or a module's
/// entry — is decided by its rules against the state the previous ones left, appended, and applied to the
/// projections. All become
/// durable together when the body returns, or none does when it throws (``LedgerStore/transaction(actor:at:_:)``).
public struct LedgerTransaction: ~Copyable {
    var writer: LogWriter
    let database: Database
    let registry: ModuleRegistry
    let identity: LogIdentity
    var agency: Agency { identity.agency }
    /// Who acts, for every entry of the transaction.
    public let actor: String?
    /// The device that causes them, if one does; named in every entry beside the actor.
    public let device: Device?
    /// The time every entry of the transaction carries.
    public let date: Date
    /// Signs every entry of the transaction: the key of the actor, or of the device when one is named.
    let signer: (any EntrySigner)?

    /// What rules see at this point of the transaction.
    private var ruleContext: RuleContext {
        RuleContext(
            actor: actor, date: date, agency: agency, nextIndex: writer.nextIndex, tables: ProjectionTables(database, schema: "main"),
            custody: CustodyView(projections: Projections(database)), identity: identity, device: device)
    }

    /// Runs `body` on what the rules see at this point of the transaction — the state every entry recorded
    /// so far in it left — to decide what to record next (a rule's list of moves, computed under the write lock
    /// it is recorded under).
    public func read<T>(_ body: (borrowing RuleContext) throws -> T) throws -> T {
        try body(ruleContext)
    }

    /// Checks `command` against the custody rules (after normalizing it and resolving `chip:` references in
    /// this transaction's state), writes its entry and updates the custody projections.
    @discardableResult
    public mutating func record(_ command: CustodyCommand) throws -> RecordedEntry {
        let entry = try Self.decide(command, in: ruleContext, registry: registry, device: device)
        var enrolment: KeyEnrolled?
        if case .keyEnrolled(let e) = entry.event { enrolment = e }
        let stored = try seal(try entry.encoded(), actor: entry.actor, enrolment: enrolment)
        let index = try writer.append(stored)
        try Projections(database).apply(entry, at: index)
        for module in registry.modules {
            try module.observe(entry, at: index, to: ProjectionTables(database, schema: "main"))
        }
        return RecordedEntry(index: index, entry: entry, bytes: stored)
    }

    /// The entry `command` becomes in `context`'s state — normalized, chips resolved, the custody rules and
    /// then every module's review passed — or the refusal it meets. Writing and evaluating both decide here,
    /// so an evaluation meets exactly the refusal a write would.
    static func decide(
        _ command: CustodyCommand, in context: borrowing RuleContext, registry: ModuleRegistry, device: Device?
    ) throws -> CustodyEntry {
        let projections = context.custody.projections
        let command = try command.normalized().resolvingChips(using: projections.resolve)
        let rules = CustodyRules(projections: projections, identity: context.identity, entryBytes: projections.entryBytes)
        let entry = try rules.entry(for: command, actor: context.actor, device: device, at: context.date)
        for module in registry.modules {
            try module.review(entry, in: context)
        }
        return entry
    }

    /// Decides a module entry with `decide` (which throws to refuse), writes it, and applies it to the tables
    /// of the module that owns its type.
    @discardableResult
    public mutating func record<Payload: EntryPayload>(_ decide: (borrowing RuleContext) throws -> Payload) throws -> RecordedModuleEntry {
        guard let module = registry.owner(of: Payload.type) else {
            throw LedgerError(.invalidInput, .entryTypeUnowned(Payload.type))
        }
        let payload = try decide(ruleContext)
        let at = Timestamp.string(date)
        let bytes = try ModuleEntryEncoding(at: at, actor: actor, device: device, payload: payload).encoded()
        let entry = try LoggedEntry(decoding: bytes)
        // A payload with a field named like the envelope's would overwrite it.
        guard entry.type == Payload.type, entry.at == at, entry.actor == actor, entry.device == device else {
            throw LedgerError(.invalidInput, .payloadUsesEnvelope(Payload.type))
        }
        let stored = try seal(bytes, actor: actor, enrolment: nil)
        let index = try writer.append(stored)
        let logged = stored == bytes ? entry : try LoggedEntry(decoding: stored)
        try module.apply(logged, at: index, to: ProjectionTables(database, schema: "main"))
        try Projections(database).recordApproval(logged.carriedApproval, at: index)
        return RecordedModuleEntry(index: index, entry: logged)
    }
}

extension LedgerTransaction {
    /// `body`, the next entry, signed as ``EntrySealing`` decides.
    fileprivate func seal(_ body: Data, actor: String?, enrolment: KeyEnrolled?) throws -> Data {
        try EntrySealing(projections: Projections(database), identity: identity).seal(
            body, at: writer.nextIndex, actor: actor, device: device, enrolment: enrolment, signer: signer)
    }
}

@available(*, unavailable)
extension LedgerTransaction: Sendable {}

/// A module entry that was written: its index and its envelope with the exact bytes.
public struct RecordedModuleEntry: Sendable, Equatable {
    public let index: Int64
    public let entry: LoggedEntry
}
