import ChipReader
import DossierVault
import Foundation
import LedgerPresentation
import PropertyLedger

/// The adapter behind `ledger cabinet run`: a cabinet made of desktop PC/SC readers, one or more per slot, that
/// speaks protocol v1 to a ``CabinetService`` in this process exactly as a vendor's adapter would over `cabinet
/// hook` — it builds request lines and reads response lines, nothing else.
///
/// Everything that happens arrives as one stream of ``Input``s: lines the clerk types (the desktop cabinet has no
/// door sensor), the reader monitor's events (the slots' contents; cards on the card reader), and the timer of the
/// next inventory round. Each is handled to the end before the next, so the state below needs no lock. The
/// session's state lives in the ledger: after a restart `hello` names the running session and the adapter goes
/// on with it.
struct CabinetAdapter {
    enum Input: Sendable {
        case line(String)
        case endOfInput
        case reader(ReaderEvent)
        /// The timer of the round schedule `generation`; a timer of an older schedule is ignored.
        case tick(generation: Int)
        case readersTimedOut
    }

    struct Configuration: Sendable, Equatable {
        var cabinet: String
        /// The slot each reader serves, by reader name.
        var slots: [String: String]
        var cardReader: String?
        var badge: String?
        var roundInterval: Duration
        var isPatrol: Bool
    }

    /// How long after `close` the first round waits: pcscd polls a reader every 0.4 s, so a tag lifted just
    /// before the door closed is seen gone within about half a second.
    static let settleTime = Duration.seconds(1)
    /// How long the first snapshot of the readers may take.
    static let readerTimeout = Duration.seconds(10)

    let configuration: Configuration
    let service: CabinetService
    let language: Language
    let json: Bool
    private var readers: SlotReaders
    private var nextID = 0
    private var session: String?
    private var isReconciling = false
    /// The input ended during rounds: finish them, then stop.
    private var stopsWhenReconciled = false
    private var roundNumber = 0
    private var generation = 0
    private var serviceLoss = ""
    private let inputs: AsyncStream<Input>
    private let continuation: AsyncStream<Input>.Continuation
    private var words: CabinetRunWords { Catalogue.cabinetRun }

    init(_ configuration: Configuration, service: CabinetService, language: Language, json: Bool) {
        self.configuration = configuration
        self.service = service
        self.language = language
        self.json = json
        readers = SlotReaders(slots: configuration.slots)
        (inputs, continuation) = AsyncStream.makeStream(of: Input.self, bufferingPolicy: .unbounded)
    }

    /// Runs until `quit`, the end of the input (after any rounds under way), or — for a patrol — the patrol's end.
    ///
    /// - Throws: ``LedgerError`` `cabinet-unknown` (not found); ``UsageError`` for a slot the cabinet lacks or
    ///   lacks a reader for; ``ReaderError`` when pcscd or a named reader is not there, or a patrol cannot read
    ///   a slot; ``CommandFailure`` when the ledger refuses (or fails) a patrol.
    mutating func run() async throws {
        let hello = try await ask(.hello(cabinet: configuration.cabinet))
        guard hello.ok, let cabinet = hello.cabinet else { throw Self.failure(of: hello) }
        try checkSlots(against: cabinet)

        let events = ReaderHub.shared.events()
        let pump = Task { [continuation] in
            for await event in events { continuation.yield(.reader(event)) }
        }
        defer { pump.cancel() }
        var iterator = inputs.makeAsyncIterator()
        schedule(.readersTimedOut, after: Self.readerTimeout)
        while let input = await iterator.next() {
            if try startsWhenReady(input) { break }
        }
        announce(cabinet)

        if configuration.isPatrol {
            isReconciling = true
            schedule(.tick(generation: generation), after: .zero)
        } else {
            if let running = hello.running { resume(running) }
            Self.readLines(into: continuation)
            if let badge = configuration.badge { try await authorize(.badge(badge), witness: nil) }
        }
        while let input = await iterator.next() {
            guard try await handle(input) else { return }
        }
    }

    // MARK: Starting

    /// Every `--slot` names a slot of the cabinet, and every slot has a reader.
    private func checkSlots(against cabinet: AdapterReply.Cabinet) throws {
        let known = Set(cabinet.slots.map(\.code))
        for slot in Set(configuration.slots.values).sorted() where !known.contains(slot) {
            throw LedgerError(.notFound, .cabinetSlotUnknown(slot, cabinet: cabinet.code))
        }
        let served = Set(configuration.slots.values)
        if let bare = cabinet.slots.first(where: { !served.contains($0.code) }) {
            throw UsageError(.cabinetSlotWithoutReader(bare.code), help: .command(CabinetRunCommand.spec.name))
        }
    }

    /// Follows the readers until the monitor's first snapshot, in which every named reader must be; true then.
    private mutating func startsWhenReady(_ input: Input) throws -> Bool {
        switch input {
        case .reader(.serviceLost(let reason)):
            throw ReaderError.serviceUnavailable(reason)
        case .reader(let event):
            readers.apply(event)
            guard case .snapshot = event else { return false }
            let named = configuration.slots.keys.sorted() + (configuration.cardReader.map { [$0] } ?? [])
            if let missing = named.first(where: { readers.readers[$0] == nil }) { throw ReaderError.readerNotPresent(missing) }
            return true
        case .readersTimedOut:
            throw ReaderError.noReaderAvailable
        case .line, .endOfInput, .tick:
            return false
        }
    }

    /// The cabinet, its slots' readers and what lies on them, and what to type.
    private func announce(_ cabinet: AdapterReply.Cabinet) {
        let bySlot = Dictionary(grouping: configuration.slots.keys.sorted()) { configuration.slots[$0] ?? "" }
        let slots = cabinet.slots.map { slot in
            words.slotReaders.text(
                in: language,
                ["slot": slot.code, "readers": (bySlot[slot.code] ?? []).joined(separator: words.listSeparator.text(in: language))])
        }
        emit(
            "ready",
            words.ready.text(
                in: language,
                ["cabinet": cabinet.code, "name": cabinet.name, "slots": slots.joined(separator: words.slotSeparator.text(in: language))]))
        if let cardReader = configuration.cardReader { emit("ready", words.cardReader.text(in: language, ["reader": cardReader])) }
        for (reader, slot) in configuration.slots.sorted(by: { ($0.value, $0.key) < ($1.value, $1.key) }) {
            guard let status = readers.readers[reader], status.hasTag else { continue }
            if let uid = status.uid?.canonical.hex {
                emit(
                    "tag-present", words.tagPresent.text(in: language, ["slot": slot, "reader": reader, "uid": uid]), reader: reader,
                    slot: slot, uid: uid)
            } else {
                emit(
                    "tag-unreadable", words.tagUnreadableAtStart.text(in: language, ["slot": slot, "reader": reader]),
                    reader: reader, slot: slot)
            }
        }
        if !configuration.isPatrol { emit("ready", words.prompt.text(in: language)) }
    }

    /// Goes on with the session `hello` reported: rounds at once if its door has closed.
    private mutating func resume(_ running: AdapterReply.Running) {
        session = running.session
        let state = CabinetSession.State(rawValue: running.state)?.wording.text(in: language) ?? running.state
        emit("session-resumed", words.resumed.text(in: language, ["session": running.session, "state": state]))
        if running.state == CabinetSession.State.closed.rawValue { startRounds(after: .zero) }
    }

    /// Standard input, line by line, on a thread of its own (the blocking read never runs on the cooperative pool).
    private static func readLines(into continuation: AsyncStream<Input>.Continuation) {
        let thread = Thread {
            while let line = readLine() { continuation.yield(.line(line)) }
            continuation.yield(.endOfInput)
        }
        thread.name = "ledger.cabinet-run.input"
        thread.start()
    }

    // MARK: Inputs

    /// Handles one input; false when the adapter should stop.
    private mutating func handle(_ input: Input) async throws -> Bool {
        switch input {
        case .line(let text):
            switch ClerkInput(line: text) {
            case nil: break
            case .quit: return false
            case .authorize(let credential, let witness): try await authorize(credential, witness: witness)
            case .open: try await door(opened: true)
            case .close: try await door(opened: false)
            case .unreadable(let line): emit("input-unknown", words.unknownInput.text(in: language, ["line": line]))
            }
        case .endOfInput:
            guard isReconciling else { return false }
            stopsWhenReconciled = true
        case .reader(let event):
            readers.apply(event)
            try await report(event)
        case .tick(let scheduled):
            guard scheduled == generation, isReconciling else { break }
            try await sendRound()
            if !isReconciling && (stopsWhenReconciled || configuration.isPatrol) { return false }
        case .readersTimedOut:
            break
        }
        return true
    }

    private mutating func authorize(_ credential: AdapterRequest.Credential, witness: AdapterRequest.Credential?) async throws {
        let reply = try await ask(.authorize(credential, witness: witness, cabinet: configuration.cabinet))
        guard reply.ok else { return refused("authorize", reply) }
        guard reply.allow == true, let allowed = reply.session else {
            return emit("denied", words.denied.text(in: language, ["message": reply.message ?? reply.reason ?? ""]), reply: reply)
        }
        session = allowed
        isReconciling = false
        generation += 1
        let officer = reply.officer.map { words.officer.text(in: language, ["name": $0.name, "badge": $0.badge]) } ?? ""
        emit(
            "allowed",
            words.allowed.text(
                in: language,
                ["officer": officer, "session": allowed, "take": list(reply.expect?.take ?? []), "put": list(reply.expect?.put ?? [])]),
            reply: reply)
    }

    private mutating func door(opened: Bool) async throws {
        guard let current = session else { return emit("no-session", words.noSession.text(in: language)) }
        let reply = try await ask(.door(opened ? "opened" : "closed", session: current, cabinet: configuration.cabinet))
        guard reply.ok else { return refused("door", reply) }
        if opened {
            isReconciling = false
            generation += 1
            emit("door", words.doorOpened.text(in: language, ["session": current]), reply: reply)
        } else {
            emit(
                "door",
                words.doorClosed.text(
                    in: language,
                    ["session": current, "settle": Self.seconds(Self.settleTime), "interval": Self.seconds(configuration.roundInterval)]),
                reply: reply)
            startRounds(after: Self.settleTime)
        }
    }

    private mutating func startRounds(after delay: Duration) {
        isReconciling = true
        generation += 1
        schedule(.tick(generation: generation), after: delay)
    }

    /// What the readers saw, in a line; a card on the card reader asks to open the cabinet.
    private mutating func report(_ event: ReaderEvent) async throws {
        let slots = configuration.slots
        switch event {
        case .snapshot:
            break
        case .readersChanged(let added, let removed):
            for reader in removed where slots[reader] != nil || reader == configuration.cardReader {
                emit("reader-gone", words.readerGone.text(in: language, ["reader": reader]), reader: reader, slot: slots[reader])
            }
            for reader in added where slots[reader] != nil || reader == configuration.cardReader {
                emit("reader-back", words.readerBack.text(in: language, ["reader": reader]), reader: reader, slot: slots[reader])
            }
        case .tagArrived(let arrival) where arrival.reader == configuration.cardReader:
            switch arrival.result {
            case .success(let uid):
                let card = uid.canonical.hex
                emit(
                    "card-presented", words.cardPresented.text(in: language, ["card": card, "reader": arrival.reader]),
                    reader: arrival.reader, uid: card)
                try await authorize(.card(card), witness: nil)
            case .failure(let error):
                let detail = render(Reason(error), in: language)
                emit(
                    "card-unreadable", words.cardUnreadable.text(in: language, ["reader": arrival.reader, "detail": detail]),
                    reader: arrival.reader)
            }
        case .tagArrived(let arrival):
            guard let slot = slots[arrival.reader] else { break }
            switch arrival.result {
            case .success(let uid):
                let hex = uid.canonical.hex
                emit(
                    "tag-placed", words.tagPlaced.text(in: language, ["slot": slot, "reader": arrival.reader, "uid": hex]),
                    reader: arrival.reader,
                    slot: slot, uid: hex)
            case .failure(let error):
                let detail = render(Reason(error), in: language)
                emit(
                    "tag-unreadable", words.tagUnreadable.text(in: language, ["slot": slot, "reader": arrival.reader, "detail": detail]),
                    reader: arrival.reader, slot: slot)
            }
        case .tagLeft(let reader):
            guard let slot = slots[reader] else { break }
            emit("tag-lifted", words.tagLifted.text(in: language, ["slot": slot, "reader": reader]), reader: reader, slot: slot)
        case .serviceLost(let reason):
            serviceLoss = reason
            emit("service-lost", words.serviceLost.text(in: language, ["detail": reason]))
        case .serviceRestored:
            emit("service-restored", words.serviceRestored.text(in: language))
        }
    }

    // MARK: Rounds

    /// One round of every slot reader's tags now; another is scheduled while the ledger asks for more.
    private mutating func sendRound() async throws {
        let round = readers.round()
        if configuration.isPatrol, let problem = round.problems.first {
            // A patrol accuses nobody on a slot it could not read: it stops and says why.
            switch problem {
            case .readerMissing(let slot, let reader), .tagUnreadable(let slot, let reader):
                throw ReaderError.slotUnreadable(slot, reader: reader)
            case .serviceDown: throw ReaderError.serviceUnavailable(serviceLoss)
            }
        }
        roundNumber += 1
        let reply = try await ask(
            .inventory(round: roundNumber, complete: round.isComplete, tags: round.tags, session: session, cabinet: configuration.cabinet))
        guard reply.ok else {
            isReconciling = false
            if configuration.isPatrol { throw Self.failure(of: reply) }
            if ["cabinet-session-ended", "cabinet-session-unknown"].contains(reply.error?.reason) { session = nil }
            return refused("inventory", reply)
        }
        if let reconciled = reply.reconciled {
            isReconciling = false
            session = nil
            return emit("reconciled", text(of: reconciled, verified: reply.verified != false), reply: reply)
        }
        guard reply.more == true else {
            // A patrol whose rounds never agreed: nothing was recorded.
            isReconciling = false
            return emit("reconciled", words.patrolUnverified.text(in: language), reply: reply)
        }
        let message = reply.message ?? reply.reason ?? ""
        let number = String(roundNumber)
        let line =
            round.isComplete
            ? words.round.text(in: language, ["round": number, "message": message])
            : words.roundIncomplete.text(in: language, ["round": number, "problems": problems(round.problems), "message": message])
        emit("round", line, reply: reply, round: roundNumber)
        schedule(.tick(generation: generation), after: configuration.roundInterval)
    }

    private func text(of reconciled: AdapterReply.Reconciled, verified: Bool) -> String {
        let findings = list(
            reconciled.findings.map { finding in
                let kind = FindingKind(rawValue: finding.kind)?.wording.text(in: language) ?? finding.kind
                let subject = finding.object ?? finding.uid ?? finding.detail ?? ""
                return words.finding.text(in: language, ["finding": finding.id, "kind": kind, "subject": subject])
                    .trimmingCharacters(in: .whitespaces)
            })
        guard let session = reconciled.session else { return words.patrolReconciled.text(in: language, ["findings": findings]) }
        guard verified else { return words.unverified.text(in: language, ["session": session, "findings": findings]) }
        return words.reconciled.text(
            in: language,
            [
                "session": session, "taken": list(reconciled.taken), "returned": list(reconciled.returned),
                "checkedIn": list(reconciled.checkedIn), "findings": findings,
            ])
    }

    private func problems(_ problems: [SlotReaders.Problem]) -> String {
        problems.map { problem in
            switch problem {
            case .readerMissing(let slot, let reader): words.problemReaderMissing.text(in: language, ["slot": slot, "reader": reader])
            case .tagUnreadable(let slot, _): words.problemTagUnreadable.text(in: language, ["slot": slot])
            case .serviceDown: words.problemServiceDown.text(in: language)
            }
        }.joined(separator: words.listSeparator.text(in: language))
    }

    // MARK: The protocol

    /// Sends `request` with the next id and reads the response.
    private mutating func ask(_ request: AdapterRequest) async throws -> AdapterReply {
        nextID += 1
        var request = request
        request.id = nextID
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let line = try encoder.encode(request)
        let response = await service.respond(to: Array(line), servingOnly: configuration.cabinet)
        return try JSONDecoder().decode(AdapterReply.self, from: Data(response.utf8))
    }

    /// The error a refused `hello` or patrol round ends the command with.
    private static func failure(of reply: AdapterReply) -> any Error {
        let reason = Reason(reply.error?.reason ?? "cabinet-internal", reply.error?.args ?? [:])
        return switch reason.id {
        case "cabinet-unknown": LedgerError(.notFound, reason)
        case "cabinet-internal": CommandFailure(status: .internalError, reason: reason)
        default: CommandFailure(status: .refused, reason: reason)
        }
    }

    private func refused(_ request: String, _ reply: AdapterReply) {
        emit("refused", words.refused.text(in: language, ["request": request, "message": reply.error?.message ?? ""]), reply: reply)
    }

    private func schedule(_ input: Input, after delay: Duration) {
        Task { [continuation] in
            if delay > .zero { try? await Task.sleep(for: delay) }
            continuation.yield(input)
        }
    }

    // MARK: Output

    /// One line of output, as `--json` prints it.
    struct Event: Encodable {
        var event: String
        var message: String
        var reader: String?
        var slot: String?
        var uid: String?
        var round: Int?
        /// The ledger's response, when the line says what it answered.
        var reply: AdapterReply?
    }

    private func emit(
        _ event: String, _ message: String, reply: AdapterReply? = nil, reader: String? = nil, slot: String? = nil, uid: String? = nil,
        round: Int? = nil
    ) {
        if json {
            try? Output.writeJSON(Event(event: event, message: message, reader: reader, slot: slot, uid: uid, round: round, reply: reply))
        } else {
            Output.write(message + "\n")
        }
    }

    private func list(_ values: [String]) -> String {
        values.isEmpty ? words.none.text(in: language) : values.joined(separator: words.listSeparator.text(in: language))
    }

    /// `1`, `0.5`: seconds as people write them.
    static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let value = Double(seconds) + Double(attoseconds) / 1e18
        return value == value.rounded() ? String(Int(value)) : String(value)
    }
}
