import CommandLineSupport
import DossierVault
import Foundation
import LedgerPresentation
import PropertyLedger

/// `ledger bulletin`: the daily problem bulletin (每日执法问题通报) for one day in the agency's zone, all units or
/// one, as text (80 columns), JSON or one self-contained HTML file (``Bulletin``, docs/bulletin.md).
struct BulletinCommand: LedgerCommand {
    static let spec = CommandSpec(
        "bulletin",
        summary: Wording(
            zh: "每日执法问题通报：按办案单位列出超期和不规范的事项及计数",
            en: "the daily problem bulletin: what is overdue or irregular, by unit"),
        options: [
            Option(
                name: "date", value: "DAY",
                help: Wording(zh: "通报的日期（默认：今天，按本单位所在时区）", en: "the day reported on (default: today in the agency's zone)")),
            Option(name: "unit", value: "UNIT", help: Wording(zh: "只通报该办案单位", en: "only this handling unit")),
            .choice(
                "format", BulletinFormat.self,
                help: Wording(
                    zh: "text 文本（适于 80 列终端，默认）、json，或 html（单个自包含文件，可在 A4 纸上打印）",
                    en: "text (for an 80-column terminal, the default), json, or html (one self-contained file, printable on A4)")),
            Option(
                name: "out", value: "FILE",
                help: Wording(
                    zh: "写入 FILE 并显示其路径（先写临时文件再改名，不会留下写了一半的文件；已有的同名文件被替换）；默认输出到标准输出",
                    en:
                        "write it to FILE and print its path (written whole, never half; an earlier file is replaced); default: standard output"
                )),
        ],
        notes: [
            Wording(
                zh: "DAY：日期（2026-12-01），或带时刻的时间（取其在本单位时区所在的那一天）。当天的通报按计算时刻评定预警颜色，"
                    + "已过去的日子按当天最后一秒，未来的日子按当天第一秒。",
                en: "DAY: a date (2026-12-01), or a time (the day it falls on in the agency's zone). Deadlines are graded at the "
                    + "time of computing for today, at the day's last second for a day past, its first for a day to come."),
            Wording(
                zh: "HTML 默认为中文，除非 --lang 或环境变量选择了语言。加 --json 而无 --out 时输出通报的 JSON 形式（即 --format json）；"
                    + "有 --out 时文件按 --format 写入，标准输出为写入结果的 JSON 对象。",
                en: "The HTML is in Chinese unless --lang or the environment chooses a language. With --json and no --out, the "
                    + "bulletin's JSON form is printed (as --format json); with --out, the file takes --format and standard output "
                    + "gets a JSON object saying what was written."),
        ])

    let date: TypedTime?
    let unit: String?
    let format: BulletinFormat?
    let out: String?

    init(parsing arguments: inout ArgumentReader) throws {
        date = try arguments.time("date")
        unit = arguments.take("unit")
        format = try arguments.choice("format", BulletinFormat.self)
        out = arguments.take("out")
        // A script that asked for JSON on standard output never gets text or HTML there.
        if let format, format != .json, out == nil, arguments.contains("json") {
            throw arguments.error(.jsonWithFormat(format.rawValue))
        }
    }

    struct Written: Encodable {
        let path: String
        let format: String
        let date: String
        let unit: String?
        /// The log size the bulletin was computed from.
        let logSize: Int64
    }

    func run(in context: CommandContext) async throws {
        let store = try await context.openVaultStore()
        let format = self.format ?? (context.json ? .json : .text)
        let path = out.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        if let path { try Self.refuseStoreFiles(path, paths: store.paths) }
        let zone = store.identity.agency.timeZone
        let day = date.map { BulletinDay(containing: $0.date(in: zone), in: zone) }
        let bulletin = try await Bulletin.compute(
            from: store, day: day, unit: unit, sections: CommandContext.bulletinSections(for: store)
        ) { snapshot, asOf in
            try DossierVault.deadlines(in: snapshot, asOf: asOf)
        }
        // The HTML is the agency's printed form: Chinese unless someone chose a language.
        let language = format == .html && !context.isLanguageChosen ? .zh : context.language
        var rendered = bulletin.rendered(as: format, in: language)
        if !rendered.hasSuffix("\n") { rendered += "\n" }
        guard let path else {
            Output.write(rendered)
            return
        }
        try OutputFile.write(rendered, to: path)
        try context.output.emit(
            Written(
                path: path, format: format.rawValue, date: bulletin.day.description, unit: bulletin.unit, logSize: bulletin.source.logSize),
            text: Catalogue.bulletinFile.written.text(in: context.language, ["path": path]))
    }

    /// Refuses a path that is the store's database, its key, its checkpoint or SQLite's files beside it.
    static func refuseStoreFiles(_ path: String, paths: StorePaths) throws {
        let database = URL(fileURLWithPath: paths.database).standardizedFileURL.path
        let files = [database, database + "-wal", database + "-shm", database + "-journal", paths.privateKey, paths.checkpoint]
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        for file in files {
            let standard = URL(fileURLWithPath: file).standardizedFileURL
            if standard.path == path || standard.resolvingSymlinksInPath().path == resolved {
                throw LedgerError(.invalidInput, .outputIsStoreFile(path))
            }
        }
    }
}
