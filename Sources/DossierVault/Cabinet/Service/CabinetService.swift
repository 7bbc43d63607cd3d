public import Foundation
public import LedgerPresentation
public import PropertyLedger

/// The ledger's side of the cabinet hook protocol (docs/cabinet-protocol.md): reads a request line, decides by
/// the ledger's rules, records what happened — sessions, doors, custody, findings — each answer in one
/// transaction, and writes the response line. Shared by `ledger cabinet hook` (one cabinet) and `ledger cabinet
/// serve` (many, one connection each).
///
/// What a session has decided lives in the log (its entries and ``CabinetTables``), so a crash of the ledger or
/// of the adapter loses nothing: a running session continues with the next request, and one left past
/// `cabinet.session-timeout` is closed as unreconciled with a finding. Only the inventory rounds of a session
/// whose door has closed are kept in memory until they agree; after a crash the adapter sends new ones.
public actor CabinetService {
    public let store: LedgerStore
    public let language: Language
    private let times: TimeFormat
    private let clock: @Sendable () -> Date
    /// Complete and incomplete rounds since the door closed, by session id (or `patrol:CABINET` outside one).
    private var rounds: [String: [InventoryRound]] = [:]

    /// The longest request line, in bytes, without its newline.
    public static let lineLimit = 65_536

    /// Each keyed cabinet's key, by its location code: what it causes is signed with it.
    private let signers: [String: any EntrySigner]

    /// - Parameter signers: the keys of the cabinets that have one enrolled, by location code (``CabinetKeys``);
    ///   a keyed cabinet without its key here has every write refused, unsigned.
    public init(
        store: LedgerStore, language: Language, signers: [String: any EntrySigner] = [:], clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.signers = signers
        self.store = store
        self.language = language
        self.times = TimeFormat(zone: store.identity.agency.timeZone, language: language)
        self.clock = clock
    }

    // MARK: Lines

    /// The response to one request line; `servingOnly`, when one connection serves one cabinet, refuses requests
    /// naming another.
    public func respond(to line: some Collection<UInt8>, servingOnly cabinet: String? = nil) async -> String {
        let request: CabinetRequest
        do {
            request = try CabinetRequest(line: line)
        } catch {
            return CabinetReply.error(error.id, error.reason, message: words(error.reason)).line
        }
        if let cabinet, request.cabinet != cabinet {
            let reason = Reason.cabinetMismatch(request.cabinet, expected: cabinet)
            return CabinetReply.error(request.id, reason, message: words(reason)).line
        }
        do {
            return try await handle(request).line
        } catch let error as LedgerError {
            return CabinetReply.error(request.id, error.reason, message: words(error.reason)).line
        } catch {
            let reason = Reason("cabinet-internal", ["detail": String(describing: error)])
            return CabinetReply.error(request.id, reason, message: reason.description).line
        }
    }

    /// The response to a line longer than ``lineLimit`` (dropped unread).
    public func respondToOverlongLine() -> String {
        let reason = Reason.cabinetLineTooLong(limit: Self.lineLimit)
        return CabinetReply.error(nil, reason, message: words(reason)).line
    }

    /// The one line written to a peer the socket server refuses, before it closes the connection.
    public func refusal(uid: UInt32?) -> String {
        let reason = Reason.cabinetPeerRefused(uid: uid.map(String.init) ?? "?")
        return CabinetReply.error(nil, reason, message: words(reason)).line
    }

    private func words(_ reason: Reason) -> String { render(reason, in: language, times: times) }

    // MARK: Requests

    func handle(_ request: CabinetRequest) async throws -> CabinetReply {
        let now = clock()
        let cabinet = try await cabinetLocation(request.cabinet)
        try await closeTimedOutSessions(at: cabinet.code, now: now)
        switch request.body {
        case .hello:
            return try await hello(request.id, cabinet: cabinet)
        case .authorize(let credential, let witness):
            return try await authorize(request.id, cabinet: cabinet, credential: credential, witness: witness, now: now)
        case .door(let session, let state):
            return try await door(request.id, cabinet: cabinet, session: session, state: state, now: now)
        case .inventory(let session, let round):
            return try await inventory(request.id, cabinet: cabinet, session: session, round: round, now: now)
        case .alarm(let kind, let session):
            return try await alarm(request.id, cabinet: cabinet, kind: kind, session: session, now: now)
        }
    }

    private func cabinetLocation(_ code: String) async throws -> Location {
        let found = try await store.read { try $0.custody.location(code) }
        guard let found, found.kind == .cabinet else { throw LedgerError(.notFound, .cabinetUnknown(code)) }
        return found
    }

    private static func device(_ cabinet: Location) -> Device { Device(.cabinet, id: cabinet.code) }

    private func hello(_ id: CabinetRequest.ID, cabinet: Location) async throws -> CabinetReply {
        let (slots, running) = try await store.read { snapshot in
            (
                try CabinetTables.slots(of: cabinet.code, in: snapshot.custody),
                try CabinetTables.runningSession(at: cabinet.code, in: snapshot.tables)
            )
        }
        return .ok(
            id,
            [
                "protocol": .integer(1),
                "cabinet": .object([
                    "code": .string(cabinet.code), "name": .string(cabinet.name),
                    "slots": .array(slots.map { .object(["code": .string($0.code), "name": .string($0.name)]) }),
                ]),
                "session": running.map { .object(["session": .string($0.id), "state": .string($0.state.rawValue)]) } ?? .null,
            ])
    }

    private func authorize(
        _ id: CabinetRequest.ID, cabinet: Location, credential: CabinetRequest.Credential, witness: CabinetRequest.Credential?, now: Date
    ) async throws -> CabinetReply {
        // The actor of the entries is the officer the credential names: looked up first, decided again inside.
        let badge = try await store.read { try CabinetAuthorizer.badge(of: credential, in: $0.tables) }
        let policy = try await store.read { try PolicyLog.policy(in: $0.tables, agency: $0.agency, at: now) }
        let authorizer = CabinetAuthorizer(cabinet: cabinet, policy: policy)
        let device = Self.device(cabinet)
        let outcome: (decision: CabinetAuthorizer.Decision, session: String?) = try await store.transaction(
            actor: badge, device: device, at: now, signer: signers[cabinet.code]
        ) {
            transaction in
            let decision = try transaction.read { try authorizer.decide(credential: credential, witness: witness, in: $0) }
            switch decision {
            case .deny(let reason, let badge, let card):
                try transaction.record { _ in
                    CabinetAccessDenied(
                        cabinet: cabinet.code, credential: card == nil ? "badge" : "card", badge: badge, card: card, reason: reason.id,
                        args: reason.arguments)
                }
                return (decision, nil)
            case .allow(let allowance):
                if let old = allowance.supersedes {
                    try transaction.record { _ in
                        CabinetSessionUnreconciled(session: old.id, cabinet: cabinet.code, cause: .superseded, finding: nil)
                    }
                }
                let opened = try transaction.record { context in
                    CabinetSessionOpened(
                        session: "S\(context.nextIndex)", cabinet: cabinet.code, credential: allowance.card == nil ? "badge" : "card",
                        card: allowance.card, witness: allowance.witness?.badge, take: allowance.take, put: allowance.put,
                        checkIn: allowance.mayCheckIn, supersedes: allowance.supersedes?.id)
                }
                return (decision, try opened.entry.payload(CabinetSessionOpened.self).session)
            }
        }
        switch outcome.decision {
        case .deny(let reason, _, _):
            return .ok(
                id,
                [
                    "allow": .bool(false), "reason": .string(reason.id), "message": .string(words(reason)),
                    "args": .object(reason.arguments.mapValues(JSONValue.string)),
                    "expect": .object(["take": .array([]), "put": .array([])]),
                ])
        case .allow(let allowance):
            return .ok(
                id,
                [
                    "allow": .bool(true), "session": .string(outcome.session ?? ""),
                    "officer": .object(["badge": .string(allowance.officer.badge), "name": .string(allowance.officer.name)]),
                    "expect": .object(["take": .strings(allowance.take), "put": .strings(allowance.put)]),
                    "checkIn": .bool(allowance.mayCheckIn),
                ])
        }
    }

    private func door(
        _ id: CabinetRequest.ID, cabinet: Location, session: String, state: CabinetDoorChanged.State, now: Date
    ) async throws -> CabinetReply {
        let running = try await runningSession(session, at: cabinet)
        switch (state, running.state) {
        case (.opened, .authorized), (.opened, .closed), (.closed, .open):
            break
        case (.opened, _), (.closed, .closed):
            return .ok(id)  // a repeated event changes nothing
        case (.closed, _):
            throw LedgerError(.refused, .cabinetDoorNotOpen(session))
        }
        try await store.record(actor: running.officer, device: Self.device(cabinet), at: now, signer: signers[cabinet.code]) { _ in
            CabinetDoorChanged(session: session, cabinet: cabinet.code, state: state)
        }
        // Rounds count only after the door closed for the last time.
        rounds[session] = nil
        return .ok(id)
    }

    private func alarm(_ id: CabinetRequest.ID, cabinet: Location, kind: String, session: String?, now: Date) async throws -> CabinetReply {
        guard !kind.isEmpty, kind.count <= 40, kind.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || $0 == "-" }) else {
            throw LedgerError(.invalidInput, .cabinetAlarmKindInvalid(kind))
        }
        var named: CabinetSession?
        if let session { named = try await anySession(session, at: cabinet) }
        let recorded = try await store.record(actor: named?.officer, device: Self.device(cabinet), at: now, signer: signers[cabinet.code]) {
            context in
            FindingRecorded(
                finding: "F\(context.nextIndex)", kind: .alarm, cabinet: cabinet.code, session: named?.id, object: nil, uid: nil, slot: nil,
                detail: kind)
        }
        return .ok(id, ["finding": .string(try recorded.entry.payload(FindingRecorded.self).finding)])
    }

    // MARK: Inventory

    private func inventory(
        _ id: CabinetRequest.ID, cabinet: Location, session sessionID: String?, round: InventoryRound, now: Date
    ) async throws -> CabinetReply {
        let session: CabinetSession?
        if let sessionID {
            let running = try await runningSession(sessionID, at: cabinet)
            guard running.state == .closed else {
                // Reads with the door open (or not yet opened) count for nothing.
                return more(id, .cabinetDoorOpen(sessionID))
            }
            session = running
        } else {
            let running = try await store.read { try CabinetTables.runningSession(at: cabinet.code, in: $0.tables) }
            if let running, running.state != .authorized { throw LedgerError(.refused, .cabinetSessionUnfinished(running.id)) }
            session = nil
        }
        let key = session?.id ?? "patrol:" + cabinet.code
        rounds[key, default: []].append(round)
        let (inside, policy) = try await store.read { snapshot in
            (
                try CabinetContents.believed(in: cabinet, custody: snapshot.custody, now: now),
                try PolicyLog.policy(in: snapshot.tables, agency: snapshot.agency, at: now)
            )
        }
        let reconciler = Reconciler(
            inside: inside.slotsByUID, parameters: ReconcileParameters(agreeingRounds: policy.cabinetAgreeingRounds))
        switch reconciler.reconcile(rounds[key] ?? []) {
        case .needsAnotherRound(let undecided):
            return more(id, round.complete ? .cabinetRoundsDisagree(undecided: undecided.count) : .cabinetRoundIncomplete)
        case .unverifiable:
            rounds[key] = nil
            guard let session else {
                // A patrol that never agrees changes nothing and accuses nobody; the next patrol starts afresh.
                return .ok(id, ["reconciled": .null, "verified": .bool(false), "more": .bool(false)])
            }
            let finding = try await endUnreconciled(session, cabinet: cabinet, cause: .unverifiable, now: now)
            return .ok(
                id,
                [
                    "verified": .bool(false),
                    "reconciled": .object([
                        "session": .string(session.id), "taken": .array([]), "returned": .array([]), "checkedIn": .array([]),
                        "findings": .array(finding.map { [Self.findingJSON($0)] } ?? []),
                    ]),
                ])
        case .settled(let settlement) where settlement.rounds < reconciler.parameters.maxRounds && hasUnplacedDeposit(settlement, key: key):
            // A tag that arrived is recorded where it is; while the rounds cannot say which slot, more rounds are asked
            // for (up to the most the reconciler takes), not a slot guessed: after that it is recorded at the cabinet.
            return more(id, .cabinetRoundsDisagree(undecided: settlement.present.values.filter { $0 == nil }.count))
        case .settled(let settlement):
            rounds[key] = nil
            let outcome = try await store.transaction(
                actor: session?.officer, device: Self.device(cabinet), at: now, signer: signers[cabinet.code]
            ) { transaction in
                var outcome = SessionOutcome(cabinet: cabinet, session: session, believed: inside)
                try outcome.record(settlement, in: &transaction)
                return outcome
            }
            return .ok(
                id,
                [
                    "verified": .bool(true),
                    "reconciled": .object([
                        "session": session.map { .string($0.id) } ?? .null, "taken": .strings(outcome.taken),
                        "returned": .strings(outcome.returned), "checkedIn": .strings(outcome.checkedIn),
                        "findings": .array(outcome.findings.map(Self.findingJSON)),
                    ]),
                ])
        }
    }

    /// Whether a tag that arrived has no slot yet although the reader reports slots for it.
    private func hasUnplacedDeposit(_ settlement: Settlement, key: String) -> Bool {
        let unplaced = Set(settlement.present.filter { $0.value == nil }.keys)
        guard !unplaced.isEmpty else { return false }
        return (rounds[key] ?? []).contains { round in round.tags.contains { unplaced.contains($0.uid) && $0.slot != nil } }
    }

    private func more(_ id: CabinetRequest.ID, _ reason: Reason) -> CabinetReply {
        .ok(id, ["reconciled": .null, "more": .bool(true), "reason": .string(reason.id), "message": .string(words(reason))])
    }

    static func findingJSON(_ finding: FindingRecorded) -> JSONValue {
        .members([
            "id": .string(finding.finding), "kind": .string(finding.kind.rawValue), "object": finding.object.map(JSONValue.string),
            "uid": finding.uid.map(JSONValue.string), "slot": finding.slot.map(JSONValue.string),
            "detail": finding.detail.map(JSONValue.string),
        ])
    }

    // MARK: Sessions

    /// Session `id` of `cabinet`, still running.
    private func runningSession(_ id: String, at cabinet: Location) async throws -> CabinetSession {
        let session = try await anySession(id, at: cabinet)
        guard session.state.isRunning else { throw LedgerError(.refused, .cabinetSessionEnded(id, state: session.state)) }
        return session
    }

    private func anySession(_ id: String, at cabinet: Location) async throws -> CabinetSession {
        let found = try await store.read { try CabinetTables.session(id, in: $0.tables) }
        guard let found, found.cabinet == cabinet.code else { throw LedgerError(.notFound, .cabinetSessionUnknown(id)) }
        return found
    }

    /// Closes every session of `cabinet` (every cabinet when nil) left running past `cabinet.session-timeout`
    /// since its last change: as unreconciled, with a finding when its door had opened.
    public func closeTimedOutSessions(at cabinet: String? = nil, now: Date? = nil) async throws {
        let now = now ?? clock()
        let (running, policy) = try await store.read { snapshot in
            (
                try CabinetTables.runningSessions(in: snapshot.tables),
                try PolicyLog.policy(in: snapshot.tables, agency: snapshot.agency, at: now)
            )
        }
        for session in running where cabinet == nil || session.cabinet == cabinet {
            guard session.changedAt.addingTimeInterval(policy.cabinetSessionTimeout) < now else { continue }
            let location = try await cabinetLocation(session.cabinet)
            _ = try await endUnreconciled(session, cabinet: location, cause: .timeout, now: now)
            rounds[session.id] = nil
        }
    }

    /// Ends `session` unreconciled; a finding when its door had opened (what happened inside is unknown).
    private func endUnreconciled(
        _ session: CabinetSession, cabinet: Location, cause: CabinetSessionUnreconciled.Cause, now: Date
    ) async throws -> FindingRecorded? {
        try await store.transaction(actor: session.officer, device: Self.device(cabinet), at: now, signer: signers[cabinet.code]) {
            transaction in
            var finding: FindingRecorded?
            if session.state != .authorized {
                let recorded = try transaction.record { context in
                    FindingRecorded(
                        finding: "F\(context.nextIndex)", kind: .sessionUnreconciled, cabinet: cabinet.code, session: session.id,
                        object: nil,
                        uid: nil, slot: nil, detail: cause.rawValue)
                }
                finding = try recorded.entry.payload(FindingRecorded.self)
            }
            try transaction.record { _ in
                CabinetSessionUnreconciled(session: session.id, cabinet: cabinet.code, cause: cause, finding: finding?.finding)
            }
            return finding
        }
    }
}
