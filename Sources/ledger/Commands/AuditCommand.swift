import ChipReader
import CommandLineSupport
import LedgerPresentation
import PropertyLedger

/// `ledger audit LOCATION`: a stocktake. Every tag at LOCATION is presented, then the round's report is
/// recorded as an entry.
struct AuditCommand: LedgerCommand {
    static let spec = CommandSpec(
        "audit", arguments: "LOCATION",
        summary: Wording(
            zh: "盘点：将 LOCATION 处的每枚芯片逐一读过，然后结束本轮",
            en: "stocktake: present every tag at LOCATION, then end the round"),
        writesEntry: true,
        options: [
            CommandSpec.readerOption,
            Option(name: "seconds", value: "N", help: Wording(zh: "N 秒后结束本轮", en: "end the round after N seconds")),
            CommandSpec.wedgeOption,
        ],
        notes: [
            Wording(
                zh: "按回车或 Ctrl-C 结束本轮（用 --reader stdin 时输入结束也会结束本轮，用 --seconds 时到时结束）。",
                en: "The round ends on Enter or Ctrl-C (or end of input with --reader stdin, or --seconds)."),
            Wording(
                zh: "盘点报告列出已找到、缺失、错放和未知的芯片，并写入台账。",
                en: "The report lists found, missing, misplaced and unknown tags and is written to the log."),
        ])

    let location: String
    let reader: String?
    let seconds: Int?
    let wedgeFormat: KeyboardWedgeSource.Format

    init(parsing arguments: inout ArgumentReader) throws {
        location = try arguments.positional("LOCATION")
        reader = arguments.take("reader")
        seconds = try arguments.integer("seconds").map(Int.init)
        wedgeFormat = try arguments.choice("wedge-format", KeyboardWedgeSource.Format.self) ?? .hex
    }

    struct Result: Encodable {
        let index: Int64
        let report: StocktakeRecorded
        /// `true` under `--dry-run` (absent otherwise): nothing was written.
        let dryRun: Bool?
    }

    func run(in context: CommandContext) async throws {
        let store = try await context.openStore()
        guard try await store.location(location) != nil else {
            throw LedgerError(.notFound, .noSuchLocation(location))
        }
        let source = TagInput.source(reader, format: wedgeFormat)
        let usesStdinForTags = reader == KeyboardWedgeSource.readerName
        let words = Catalogue.stocktake
        if !context.json {
            let prompt = usesStdinForTags ? words.presentThenEndInput : words.presentThenPressEnter
            Output.write(prompt.text(in: context.language, ["location": location]) + "\n")
        }
        let round = try await TagInput.runUntilInterrupted { () async -> TagInput.Round in
            await TagInput.collectRound(from: source, endOnEnter: !usesStdinForTags, seconds: seconds)
        }
        // With no reader, "nothing seen" would record everything as missing: refuse, and write nothing.
        if let failure = round.failure { throw failure }
        guard round.readerWasAvailable else {
            throw ReaderError.stocktakeWithoutReader
        }
        let recorded = try await context.record(.recordStocktake(location: location, seenUIDs: round.uids), in: store)
        guard case .stocktakeRecorded(let report) = recorded.entry.event else { return }
        let language = context.language
        let header = context.isDryRun ? words.wouldRecord : words.recorded
        var lines = [header.text(in: language, ["location": location, "index": String(recorded.index)])]
        let rows = [
            (words.found, report.counts.found, [String]()), (words.missing, report.counts.missing, report.missing),
            (words.misplaced, report.counts.misplaced, report.misplaced), (words.unknown, report.counts.unknown, report.unknown),
        ].map { (label: $0.0.text(in: language), count: $0.1, values: $0.2) }
        // Labels padded by display width, two columns past the widest, so the counts line up in both languages.
        let width = (rows.map { displayWidth($0.label) }.max() ?? 0) + 2
        for row in rows { lines.append("  " + padded(row.label, to: width) + "\(row.count)" + Self.list(row.values)) }
        try context.output.emit(
            Result(index: recorded.index, report: report, dryRun: context.isDryRun ? true : nil), text: lines.joined(separator: "\n"))
    }

    private static func list(_ values: [String]) -> String {
        values.isEmpty ? "" : "  " + values.prefix(20).joined(separator: ", ") + (values.count > 20 ? ", …" : "")
    }

}
