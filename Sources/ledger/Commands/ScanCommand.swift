import ChipReader
import CommandLineSupport
import DossierVault
import Foundation
import LedgerPresentation
import PropertyLedger

/// `ledger scan`: the clerk's loop. Shows, checks in or returns every tag that arrives, until Ctrl-C.
struct ScanCommand: LedgerCommand {
    static let spec = CommandSpec(
        "scan",
        summary: Wording(
            zh: "管理员扫描循环：逐一显示或处理放上读卡器的芯片，直到按 Ctrl-C",
            en: "the clerk's loop: show or act on every tag that arrives, until Ctrl-C"),
        writesEntry: true,
        options: [
            CommandSpec.readerOption,
            .choice(
                "action", Action.self,
                help: Wording(
                    zh: "对每枚芯片的处理：show 显示、checkin 入库、return 归还、move 移库（默认：show）",
                    en: "what to do with each tag (default: show); move confirms dossiers arriving at central storage")),
            Option(
                name: "to", value: "LOCATION",
                help: Wording(
                    zh: "入库、归还或移入的存放位置（用于 checkin、return 和 move）",
                    en: "where to check in, return or move to (for checkin, return and move)")),
            Option(
                name: "condition", value: "TEXT",
                help: Wording(
                    zh: "归还时登记的状况（默认记为代码 intact，显示为“完好”）",
                    en: "the condition recorded on return (default: the code intact, shown as intact / 完好)")),
            Option(name: "count", value: "N", help: Wording(zh: "处理 N 枚芯片后停止（供脚本使用）", en: "stop after N tags (for scripts)")),
            .flag(
                "timing",
                help: Wording(
                    zh: "与 --json 同用：附上每枚芯片从检测到输出所用的时间（毫秒）",
                    en: "with --json, add how long each tag took from detection to output (ms)")),
            CommandSpec.wedgeOption,
        ],
        notes: [
            Wording(
                zh: "芯片每放上一次只处理一次。未绑定的芯片会连同绑定它的命令一起报告；被拒绝的操作会说明原因，循环继续。"
                    + "加 --json 时每个事件输出一个 JSON 对象。",
                en: "A tag is acted on once per arrival. An unknown tag is reported with the command that binds it; "
                    + "a refused action says why and the loop goes on. With --json, one JSON object per event."),
            Wording(
                zh: "加 --dry-run 时，每次入库或归还都按规则检查并显示，但不登记。",
                en: "With --dry-run, each check-in or return is checked under the rules and shown, but not recorded."),
        ])

    /// What `ledger scan` does with each tag.
    enum Action: String, CaseIterable {
        case show, checkin, `return`, move
    }

    var reader: String?
    var action: Action = .show
    var location: String?
    /// The condition recorded on return when none is given: a code, worded when shown (完好, intact).
    var condition = Returned.intact
    var count: Int?
    /// Report per-tag latency (for the benchmark).
    var showsTiming = false
    var wedgeFormat: KeyboardWedgeSource.Format = .hex

    init(parsing arguments: inout ArgumentReader) throws {
        reader = arguments.take("reader")
        action = try arguments.choice("action", Action.self) ?? .show
        location = arguments.take("to")
        if action != .show && location == nil {
            throw arguments.error(.actionNeedsLocation(action.rawValue))
        }
        condition = arguments.take("condition") ?? condition
        count = try arguments.integer("count").map(Int.init)
        showsTiming = arguments.flag("timing")
        wedgeFormat = try arguments.choice("wedge-format", KeyboardWedgeSource.Format.self) ?? .hex
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
        /// `true` when the action was only evaluated (`--dry-run`): `index` is the entry it would have been.
        var dryRun: Bool?
        var message: String?
        /// With --timing: from the reader noticing the tag (before its UID is read) to this line, and from
        /// the event reaching the loop to this line.
        var detectedToOutputMs: Double?
        var handledMs: Double?
    }

    func run(in context: CommandContext) async throws {
        let store = try await context.openStore()
        // Read once: a scanning session is short enough that a newly added officer shows as a badge.
        let people = try await People.read(from: store)
        let timeFormat = context.timeFormat(for: store)
        let source = TagInput.source(reader, format: wedgeFormat)
        let json = context.json
        let loop = Catalogue.scanLoop
        let language = context.language
        try await TagInput.runUntilInterrupted {
            var handled = 0
            for await event in source.events() {
                var line = ScanEvent(event: Self.name(of: event))
                switch event {
                case .snapshot(let readers):
                    line.message =
                        readers.isEmpty
                        ? loop.noReaders.text(in: language)
                        : loop.readers.text(in: language, ["readers": readers.map(\.reader).joined(separator: ", ")])
                case .readersChanged(let added, let removed):
                    line.message = loop.readersChanged.text(
                        in: language, ["added": added.joined(separator: ", "), "removed": removed.joined(separator: ", ")])
                case .tagLeft(let reader):
                    line.reader = reader
                case .serviceLost(let reason):
                    line.message = loop.serviceLost.text(in: language, ["detail": reason])
                case .serviceRestored:
                    line.message = loop.serviceRestored.text(in: language)
                case .tagArrived(let arrival):
                    let received = ContinuousClock.now
                    line = await handle(arrival, store: store, context: context, people: people, timeFormat: timeFormat)
                    handled += 1
                    if showsTiming {
                        let now = ContinuousClock.now
                        line.detectedToOutputMs = Self.milliseconds(arrival.detectedAt.duration(to: now))
                        line.handledMs = Self.milliseconds(received.duration(to: now))
                    }
                }
                Self.print(line, json: json, language: context.language)
                if let count, handled >= count { break }
            }
        }
    }

    /// Looks the tag up and shows it, or acts on it; a refusal is reported, never fatal.
    private func handle(
        _ arrival: TagArrival, store: LedgerStore, context: CommandContext, people: People, timeFormat: TimeFormat
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
            let words = render(Reason(error), in: context.language)
            line.error = words
            line.message = Catalogue.scanLoop.unreadableTag.text(in: context.language, ["detail": words])
            return line
        }
        line.uid = uid.hex
        do {
            var object = try await store.object("chip:\(uid.hex)")
            if action != .show, let location {
                let command: CustodyCommand =
                    switch action {
                    case .checkin: .checkIn(object: object.id, location: location, caseNumber: nil)
                    case .return: .returnObject(object: object.id, location: location, condition: condition, by: nil, caseNumber: nil)
                    case .move, .show: .move(object: object.id, location: location, reason: nil, caseNumber: nil)
                    }
                do {
                    let recorded = try await context.record(command, in: store)
                    line.action = action.rawValue
                    line.index = recorded.index
                    line.dryRun = context.isDryRun ? true : nil
                    object = try await store.object(object.id)
                } catch let error as LedgerError {
                    line.refused = context.words(error.reason)
                }
            }
            let now = Date()
            let deadlines = try await ShowCommand.openDeadlines(of: object.id, in: store, at: now)
            line.object = ObjectJSON(object, timeFormat: timeFormat, now: now, deadlines: deadlines)
            line.overdue = line.object?.overdue
            line.message = Self.describeBriefly(object, line: line, deadlines: deadlines, people: people, timeFormat: timeFormat, now: now)
        } catch let error as LedgerError where error.code == .notFound {
            line.message = Catalogue.scanLoop.unknownTag.text(in: context.language, ["uid": uid.hex])
        } catch {
            let words = (error as? LedgerError).map { context.words($0.reason) } ?? "\(error)"
            line.error = words
            line.message = Catalogue.scanLoop.lookupFailed.text(in: context.language, ["detail": words])
        }
        return line
    }

    private static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1e3 + Double(attoseconds) / 1e15
    }

    /// The tag's object in brief, where it stands, and what the loop did with it (in the chosen language); then
    /// its open deadlines, one per line, with their grade.
    private static func describeBriefly(
        _ object: CustodyObject, line: ScanEvent, deadlines: [Deadline]?, people: People, timeFormat: TimeFormat, now: Date
    ) -> String {
        let language = timeFormat.language
        let words = Catalogue.scan
        var text = words.object.text(
            in: language,
            [
                "id": object.id, "name": Catalogue.objects.name(of: object, in: language), "case": object.caseNumber,
                "status": Catalogue.objects.status(of: object, people: people, timeFormat: timeFormat),
            ])
        if let index = line.index {
            let action =
                switch line.action.flatMap(Action.init(rawValue:)) {
                case .checkin: words.checkin.text(in: language)
                case .return: words.return.text(in: language)
                case .move: words.move.text(in: language)
                case .show, nil: line.action ?? ""
                }
            text += (line.dryRun == true ? words.wouldRecord : words.recorded).text(
                in: language, ["action": action, "index": String(index)])
        }
        if let refused = line.refused { text += words.refused.text(in: language, ["reason": refused]) }
        let deadlineText = DeadlineText(timeFormat: timeFormat, asOf: now)
        for deadline in deadlines ?? [] {
            text += words.deadline.text(in: language, ["deadline": deadlineText.line(deadline)])
        }
        return text
    }

    private static func print(_ line: ScanEvent, json: Bool, language: Language) {
        if json {
            try? Output.writeJSON(line)
        } else {
            let prefix = line.reader.map { "[\($0)] " } ?? ""
            switch line.event {
            case "tag-left": Output.write(prefix + Catalogue.scan.tagLeft.text(in: language) + "\n")
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

}
