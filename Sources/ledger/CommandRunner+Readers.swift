import ChipReader
import Dispatch
import Foundation
import PropertyLedger
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The reader commands: `readers`, the `scan` loop, `chip bind --scan`, and `audit` (stocktake).
extension CommandRunner {
    /// PC/SC readers (optionally those whose name contains `reader`), or the keyboard wedge for `stdin`.
    func tagSource(_ reader: String?, format: KeyboardWedgeSource.Format = .hex) -> any TagEventSource {
        reader == KeyboardWedgeSource.readerName
            ? KeyboardWedgeSource(format: format)
            : ReaderMonitor(policy: .fromEnvironment(nameFilter: reader))
    }

    func readers() async throws {
        let (readers, refused) = try await ReaderMonitor().currentReaders()
        struct Reader: Encodable {
            let name: String
            let hasTag: Bool
            let atr, standard, card: String?
        }
        let rows = readers.map { status -> Reader in
            let atr = try? ATR(status.atr)
            return Reader(
                name: status.reader, hasTag: status.hasTag, atr: status.hasTag ? status.atr.map(hexByte).joined() : nil,
                standard: status.hasTag ? atr?.standardName : nil, card: status.hasTag ? atr?.cardNameDescription : nil)
        }
        var table = TextTable("READER", "TAG", "STANDARD", "CARD")
        for row in rows { table.append(row.name, row.hasTag ? "present" : "-", row.standard ?? "", row.card ?? "") }
        var text = rows.isEmpty ? "No readers." : table.rendered
        if !refused.isEmpty {
            text += "\n(refused: \(refused.joined(separator: ", ")) — virtual test readers; set LEDGER_ALLOW_VIRTUAL_READERS=1 to use them)"
        }
        struct Result: Encodable {
            let readers: [Reader]
            let refused: [String]
        }
        try output.emit(Result(readers: rows, refused: refused), text: text)
    }

    /// One scan event, as printed with `--json`.
    struct ScanEvent: Encodable {
        var event: String
        var reader: String?
        var uid: String?
        var atr: String?
        var standard: String?
        var card: String?
        var error: String?
        /// The object as `show --json` prints it (with `overdue`); `overdue` is repeated here for scripts.
        var object: ObjectJSON?
        var overdue: Bool?
        var action: String?
        var index: Int64?
        var refused: String?
        var message: String?
        /// With --timing: from the reader noticing the tag (before its UID is read) to this line, and from
        /// the event reaching the loop to this line.
        var detectedToOutputMs: Double?
        var handledMs: Double?
    }

    func scan(_ options: ScanOptions) async throws {
        let store = try await openStore()
        // Read once: a scanning session is short enough that a newly added officer shows as a badge.
        let people = try await People.read(from: store)
        let source = tagSource(options.reader, format: options.wedgeFormat)
        let json = invocation.json
        let actor = self.actor
        try await Self.runUntilInterrupted {
            var handled = 0
            for await event in source.events() {
                var line = ScanEvent(event: Self.name(of: event))
                switch event {
                case .snapshot(let readers):
                    line.message = readers.isEmpty ? "no readers" : "readers: " + readers.map(\.reader).joined(separator: ", ")
                case .readersChanged(let added, let removed):
                    line.message = "readers added: \(added.joined(separator: ", ")); removed: \(removed.joined(separator: ", "))"
                case .tagLeft(let reader):
                    line.reader = reader
                case .serviceLost(let reason):
                    line.message = "the PC/SC service went away (\(reason)); waiting for it to come back"
                case .serviceRestored:
                    line.message = "the PC/SC service is back"
                case .tagArrived(let arrival):
                    let received = ContinuousClock.now
                    line = await Self.handle(arrival, options: options, store: store, actor: actor, people: people)
                    handled += 1
                    if options.showsTiming {
                        let now = ContinuousClock.now
                        line.detectedToOutputMs = Self.milliseconds(arrival.detectedAt.duration(to: now))
                        line.handledMs = Self.milliseconds(received.duration(to: now))
                    }
                }
                Self.print(line, json: json)
                if let count = options.count, handled >= count { break }
            }
        }
    }

    /// Looks the tag up and shows it, or acts on it; a refusal is reported, never fatal.
    private static func handle(
        _ arrival: TagArrival, options: ScanOptions, store: LedgerStore, actor: String?, people: People
    ) async -> ScanEvent {
        var line = ScanEvent(event: "tag-arrived", reader: arrival.reader)
        if !arrival.atr.isEmpty {
            line.atr = arrival.atr.map(hexByte).joined()
            line.standard = arrival.parsedATR?.standardName
            line.card = arrival.parsedATR?.cardNameDescription
        }
        let uid: TagUID
        switch arrival.result {
        case .success(let read): uid = read.canonical
        case .failure(let error):
            line.error = error.message
            line.message = "could not read the tag: \(error.message)"
            return line
        }
        line.uid = uid.hex
        do {
            var object = try await store.object("chip:\(uid.hex)")
            if options.action != .show, let location = options.location {
                let command: CustodyCommand =
                    options.action == .checkin
                    ? .checkIn(object: object.id, location: location, caseNumber: nil)
                    : .returnObject(object: object.id, location: location, condition: options.condition, by: nil, caseNumber: nil)
                do {
                    let recorded = try await store.record(command, actor: actor)
                    line.action = options.action.rawValue
                    line.index = recorded.index
                    object = try await store.object(object.id)
                } catch let error as LedgerError {
                    line.refused = error.message
                }
            }
            line.object = ObjectJSON(object)
            line.overdue = line.object?.overdue
            line.message = describeBriefly(object, line: line, people: people)
        } catch let error as LedgerError where error.code == .notFound {
            line.message = "unknown tag \(uid.hex): bind it with `ledger chip bind OBJECT \(uid.hex)`"
        } catch {
            line.error = "\(error)"
            line.message = "lookup failed: \(error)"
        }
        return line
    }

    private static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1e3 + Double(attoseconds) / 1e15
    }

    private static func describeBriefly(_ object: CustodyObject, line: ScanEvent, people: People) -> String {
        var text = "\(object.id)  \(object.name)  case \(object.caseNumber)  "
        switch object.status {
        case .inStorage: text += "in storage at \(object.location ?? "?")"
        case .checkedOut:
            text +=
                "checked out to \(object.holder.map(people.name) ?? "?"), due \(object.due.map { Timestamp.display($0) } ?? "?")"
                + (line.overdue == true ? " ** OVERDUE **" : "")
        case .registered: text += "registered, not yet in storage"
        case .disposed: text += "disposed of"
        }
        if let index = line.index { text += "  → \(line.action ?? "") recorded as entry #\(index)" }
        if let refused = line.refused { text += "  → refused: \(refused)" }
        return text
    }

    private static func print(_ line: ScanEvent, json: Bool) {
        if json {
            try? Output.writeJSON(line)
        } else {
            let prefix = line.reader.map { "[\($0)] " } ?? ""
            switch line.event {
            case "tag-left": Output.write("\(prefix)tag left\n")
            default: Output.write(prefix + (line.uid.map { "\($0): " } ?? "") + (line.message ?? line.event) + "\n")
            }
        }
    }

    private static func name(of event: ReaderEvent) -> String {
        switch event {
        case .snapshot: "snapshot"
        case .readersChanged: "readers-changed"
        case .tagArrived: "tag-arrived"
        case .tagLeft: "tag-left"
        case .serviceLost: "service-lost"
        case .serviceRestored: "service-restored"
        }
    }

    func bindChipByScan(object: String, reader: String?, timeoutSeconds: Int) async throws {
        let source = tagSource(reader)
        if !invocation.json { Output.write("Present the tag for \(object)…\n") }
        let uid: TagUID? = try await Self.firstUID(from: source, within: timeoutSeconds)
        guard let uid else {
            throw LedgerError(.notFound, "no readable tag arrived within \(timeoutSeconds) seconds")
        }
        try await record(.bindChip(object: object, uid: uid.hex))
    }

    /// The UID of the first tag that arrives and can be read, or nil after `seconds`.
    private static func firstUID(from source: any TagEventSource, within seconds: Int) async throws -> TagUID? {
        try await withThrowingTaskGroup(of: TagUID?.self) { group in
            group.addTask {
                var readerSeen = false
                for await event in source.events() {
                    if case .tagArrived(let arrival) = event, let uid = arrival.uid { return uid.canonical }
                    // Waiting out the timeout with no reader would end as "no tag" (not found): say why instead.
                    if !readerSeen, let failure = Self.unavailability(event) { throw failure }
                    if case .snapshot = event { readerSeen = true }
                }
                return nil
            }
            group.addTask {
                try await Task.sleep(for: .seconds(seconds))
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    func audit(location: String, reader: String?, seconds: Int?, wedgeFormat: KeyboardWedgeSource.Format) async throws {
        let store = try await openStore()
        guard try await store.location(location) != nil else {
            throw LedgerError(.notFound, "there is no location \(location)")
        }
        let source = tagSource(reader, format: wedgeFormat)
        let usesStdinForTags = reader == KeyboardWedgeSource.readerName
        if !invocation.json {
            Output.write("Stocktake of \(location): present every tag, then " + (usesStdinForTags ? "end the input.\n" : "press Enter.\n"))
        }
        let round = try await Self.runUntilInterrupted { () async -> Round in
            await Self.collectRound(from: source, endOnEnter: !usesStdinForTags, seconds: seconds)
        }
        // With no reader, "nothing seen" would record everything as missing: refuse, and write nothing.
        if let failure = round.failure { throw failure }
        guard round.readerWasAvailable else {
            throw ReaderError(.other, "no reader was available during the stocktake round; nothing was recorded")
        }
        let recorded = try await store.record(.recordStocktake(location: location, seenUIDs: round.uids), actor: actor)
        guard case .stocktakeRecorded(let report) = recorded.entry.event else { return }
        struct Result: Encodable {
            let index: Int64
            let report: StocktakeRecorded
        }
        var lines = ["Stocktake of \(location), recorded as entry #\(recorded.index):"]
        lines.append("  found      \(report.counts.found)")
        lines.append("  missing    \(report.counts.missing)" + Self.list(report.missing))
        lines.append("  misplaced  \(report.counts.misplaced)" + Self.list(report.misplaced))
        lines.append("  unknown    \(report.counts.unknown)" + Self.list(report.unknown))
        try output.emit(Result(index: recorded.index, report: report), text: lines.joined(separator: "\n"))
    }

    private static func list(_ values: [String]) -> String {
        values.isEmpty ? "" : "  " + values.prefix(20).joined(separator: ", ") + (values.count > 20 ? ", …" : "")
    }

    /// Why a reader source cannot be used, when `event` says so before any reader was there: pcscd is not
    /// running, or it has no (allowed) reader.
    private static func unavailability(_ event: ReaderEvent) -> ReaderError? {
        switch event {
        case .serviceLost(let reason):
            ReaderError(.noService, "the PC/SC service (pcscd) is unavailable: \(reason); start pcscd and connect the reader")
        case .snapshot(let readers) where readers.isEmpty:
            ReaderError(.other, "no reader is available: none is connected, or every one is refused (see `ledger readers`)")
        default:
            nil
        }
    }

    /// A stocktake round: the distinct UIDs seen, whether a reader was ever there, and why not.
    struct Round: Sendable {
        var uids: [String]
        var readerWasAvailable: Bool
        var failure: ReaderError?
    }

    /// The distinct UIDs seen until the round ends: end of the tag stream, Enter on standard input, the time
    /// limit, or cancellation (Ctrl-C). The round ends at once when the first events say that no reader can
    /// be used.
    private static func collectRound(from source: any TagEventSource, endOnEnter: Bool, seconds: Int?) async -> Round {
        let collected = UIDCollector()
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await event in source.events() {
                    if !collected.readerWasAvailable, let failure = unavailability(event) {
                        collected.fail(failure)
                        return
                    }
                    switch event {
                    case .snapshot(let readers) where !readers.isEmpty: collected.markReaderAvailable()
                    case .readersChanged(let added, _) where !added.isEmpty: collected.markReaderAvailable()
                    case .tagArrived(let arrival):
                        collected.markReaderAvailable()
                        if let uid = arrival.uid { collected.insert(uid.canonical.hex) }
                    default: break
                    }
                }
            }
            if endOnEnter {
                group.addTask { await waitForEnter() }
            }
            if let seconds {
                group.addTask { try? await Task.sleep(for: .seconds(seconds)) }
            }
            await group.next()
            group.cancelAll()
        }
        return collected.round
    }

    /// Returns when a line (or end of input) arrives on standard input; the blocking read has a thread of its own.
    private static func waitForEnter() async {
        let (stream, continuation) = AsyncStream.makeStream(of: Void.self)
        let thread = Thread {
            _ = Swift.readLine()
            continuation.finish()
        }
        thread.start()
        for await _ in stream {}
    }

    /// Runs `body` in a task that Ctrl-C cancels, so loops end cleanly and a partial round is still recorded.
    static func runUntilInterrupted<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        signal(SIGINT, SIG_IGN)
        let task = Task { try await body() }
        let interrupt = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        interrupt.setEventHandler { task.cancel() }
        interrupt.resume()
        defer {
            interrupt.cancel()
            signal(SIGINT, SIG_DFL)
        }
        return try await task.value
    }
}

/// What a stocktake round saw, shared between the collecting task and the caller.
private final class UIDCollector: Sendable {
    private struct State {
        var seen: Set<String> = []
        var readerWasAvailable = false
        var failure: ReaderError?
    }
    private let state = Mutex(State())
    func insert(_ uid: String) { state.withLock { _ = $0.seen.insert(uid) } }
    func markReaderAvailable() { state.withLock { $0.readerWasAvailable = true } }
    func fail(_ failure: ReaderError) { state.withLock { $0.failure = failure } }
    var readerWasAvailable: Bool { state.withLock { $0.readerWasAvailable } }
    var round: CommandRunner.Round {
        state.withLock { CommandRunner.Round(uids: $0.seen.sorted(), readerWasAvailable: $0.readerWasAvailable, failure: $0.failure) }
    }
}

func hexByte(_ byte: UInt8) -> String { (byte < 0x10 ? "0" : "") + String(byte, radix: 16, uppercase: true) }
