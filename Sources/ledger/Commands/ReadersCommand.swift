import ChipReader
import CommandLineSupport
import LedgerPresentation

/// `ledger readers`: the PC/SC readers and what is on them.
struct ReadersCommand: LedgerCommand {
    static let spec = CommandSpec(
        "readers", summary: Wording(zh: "列出 PC/SC 读卡器及其上的芯片", en: "list the PC/SC readers and what is on them"),
        notes: [
            Wording(
                zh: "名为 `Virtual PCD …` 的读卡器（测试驱动）不予使用，除非设置了 LEDGER_ALLOW_VIRTUAL_READERS=1。",
                en: "Readers named `Virtual PCD …` (a test driver) are refused unless LEDGER_ALLOW_VIRTUAL_READERS=1.")
        ])

    init(parsing arguments: inout ArgumentReader) throws {}

    func run(in context: CommandContext) async throws {
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
        let words = Catalogue.readers
        let language = context.language
        var table = TextTable(
            headers: [words.readerHeading, words.tagHeading, words.standardHeading, words.cardHeading].map { $0.text(in: language) })
        for row in rows {
            table.append(row.name, row.hasTag ? words.tagPresent.text(in: language) : "-", row.standard ?? "", row.card ?? "")
        }
        var text = rows.isEmpty ? words.noReaders.text(in: language) : table.rendered
        if !refused.isEmpty {
            text += "\n" + words.refused.text(in: language, ["readers": refused.joined(separator: ", ")])
        }
        struct Result: Encodable {
            let readers: [Reader]
            let refused: [String]
        }
        try context.output.emit(Result(readers: rows, refused: refused), text: text)
    }

}
