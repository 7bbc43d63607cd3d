import Foundation
import LedgerPresentation
import PropertyLedger

/// The bulletin as one self-contained HTML file to open or print: no network (the CSS inline; no fonts,
/// scripts or images from anywhere), A4 pages with each unit on its own and table headers repeated, fonts
/// that Debian's fonts-noto-cjk and fonts-wqy-microhei (or Windows and macOS) provide for Chinese, and
/// grades that survive printing — the colours printed exactly, and also a word and a bar whose style
/// differs by grade, for a printer that drops colour. Every value is escaped.
struct BulletinHTMLRenderer {
    let bulletin: Bulletin
    let language: Language

    private var words: BulletinWords { Catalogue.bulletin }
    private var zone: TimeZone { bulletin.agency.timeZone }

    private func say(_ wording: Wording, _ arguments: [String: String] = [:]) -> String {
        Self.escaped(wording.text(in: language, arguments))
    }

    /// `text` safe in HTML text and in quoted attribute values.
    static func escaped(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    func rendered() -> String {
        let title = say(words.documentTitle, ["day": bulletin.day.text(in: language)])
        var html = """
            <!DOCTYPE html>
            <html lang="\(language == .zh ? "zh-Hans" : "en")">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title)</title>
            <style>
            \(Self.style)
            </style>
            </head>
            <body>
            <header>
            <h1>\(say(words.title)) <span class="day">\(Self.escaped(bulletin.day.text(in: language)))</span></h1>
            \(meta())
            </header>
            \(summary())

            """
        if bulletin.units.isEmpty { html += "<p class=\"nothing\">\(say(words.nothingToReport))</p>\n" }
        for (number, unit) in bulletin.units.enumerated() { html += unitSection(unit, number: number + 1) }
        html += "<footer>\n"
        if !bulletin.source.isCheckpointAtLogSize {
            html += "<p class=\"warning\">\(say(words.checkpointBehind, ["size": String(bulletin.source.logSize)]))</p>\n"
        }
        html += "<p>\(say(words.howToCheck, ["size": String(bulletin.source.logSize)]))</p>\n</footer>\n</body>\n</html>\n"
        return html
    }

    // MARK: Parts

    private func meta() -> String {
        let source = bulletin.source
        let items: [(Wording, String)] = [
            (words.agencyLabel, say(words.agencyValue, ["name": bulletin.agency.name, "code": bulletin.agency.code])),
            (words.scopeLabel, bulletin.unit.map(Self.escaped) ?? say(words.allUnits)),
            (words.computedAtLabel, Self.escaped(BulletinValue.time(bulletin.computedAt).text(in: language, zone: zone))),
            (words.asOfLabel, Self.escaped(BulletinValue.time(bulletin.asOf).text(in: language, zone: zone))),
            (words.logLabel, say(words.logSize, ["size": String(source.logSize)])),
            (
                words.checkpointLabel,
                "<span class=\"hash\">"
                    + say(words.checkpointValue, ["size": String(source.checkpointSize), "root": source.checkpointRootBase64]) + "</span>"
            ),
        ]
        return "<dl class=\"meta\">\n" + items.map { "<dt>\(say($0.0))</dt><dd>\($0.1)</dd>" }.joined(separator: "\n") + "\n</dl>"
    }

    private func summary() -> String {
        var html = "<section class=\"summary\">\n<h2>\(say(words.summary))</h2>\n"
        html += table(
            headers: [say(words.unitColumn), say(words.red), say(words.orange), say(words.rowsColumn)], numericFrom: 1,
            rows: bulletin.units.map { [unitName($0.unit)] + figures($0.counts) } + [[say(words.total)] + figures(bulletin.counts)])
        html += table(
            headers: [say(words.ruleColumn), say(words.red), say(words.orange)], numericFrom: 1,
            rows: RuleID.deadlineRules.map { rule in
                let grades = bulletin.counts.deadlinesByRule[rule] ?? .init()
                return [say(rule.bulletinName), String(grades.red), String(grades.orange)]
            })
        html += table(
            headers: [say(words.sectionColumn), say(words.rowsColumn)], numericFrom: 1,
            rows: bulletin.sections.map { [say($0.title), String(bulletin.counts.rowsBySection[$0.id] ?? 0)] })
        return html + "</section>\n"
    }

    private func figures(_ counts: BulletinCounts) -> [String] {
        [String(counts.deadlines.red), String(counts.deadlines.orange), String(counts.rows)]
    }

    /// A table of cells already escaped; columns from `numericFrom` on are figures.
    private func table(headers: [String], numericFrom: Int, rows: [[String]]) -> String {
        func cells(_ row: [String], _ tag: String) -> String {
            row.enumerated().map {
                $0.offset >= numericFrom ? "<\(tag) class=\"n\">\($0.element)</\(tag)>" : "<\(tag)>\($0.element)</\(tag)>"
            }
            .joined()
        }
        return "<table class=\"counts\">\n<thead><tr>\(cells(headers, "th"))</tr></thead>\n<tbody>\n"
            + rows.map { "<tr>\(cells($0, "td"))</tr>" }.joined(separator: "\n") + "\n</tbody>\n</table>\n"
    }

    private func unitName(_ unit: String?) -> String {
        unit.map(Self.escaped) ?? say(words.unitUnknown)
    }

    private func unitSection(_ unit: BulletinUnit, number: Int) -> String {
        let count = unit.counts.rows
        let heading = (count == 1 ? words.unitHeadingOne : words.unitHeading).text(
            in: language, ["unit": unit.unit ?? words.unitUnknown.text(in: language), "count": String(count)])
        var html = "<section class=\"unit\" id=\"unit-\(number)\">\n<h2>\(Self.escaped(heading))</h2>\n"
        if count == 0 { html += "<p class=\"nothing\">\(say(words.nothingToReport))</p>\n" }
        for part in unit.parts where !part.rows.isEmpty {
            html += "<section class=\"part\" data-section=\"\(Self.escaped(part.sectionID))\">\n"
            html += "<h3>\(say(words.sectionHeading, ["title": part.title.text(in: language), "count": String(part.rows.count)]))</h3>\n"
            html += "<table class=\"rows\">\n<colgroup><col class=\"c-grade\"><col class=\"c-object\"><col class=\"c-case\">"
            html += "<col class=\"c-details\"><col class=\"c-action\"></colgroup>\n<thead><tr>"
            html += [words.gradeColumn, words.objectColumn, words.caseColumn, words.detailsColumn, words.actionColumn].map {
                "<th>\(say($0))</th>"
            }
            .joined()
            html += "</tr></thead>\n<tbody>\n" + part.rows.map(row).joined() + "</tbody>\n</table>\n</section>\n"
        }
        return html + "</section>\n"
    }

    private func row(_ row: BulletinRow) -> String {
        let grade = row.grade.map { "<span class=\"badge\">\(say($0.bulletinName))</span>" } ?? ""
        var object = ""
        if let id = row.object?.id ?? row.subject { object += "<span class=\"id\">\(Self.escaped(id))</span>" }
        if let name = row.object?.displayName(in: language) { object += "<br><span class=\"name\">\(Self.escaped(name))</span>" }
        let facts = row.facts.map { "<dt>\(say($0.label))</dt><dd>\(Self.escaped($0.value.text(in: language, zone: zone)))</dd>" }.joined()
        let gradeClass = row.grade.map { " class=\"\($0.rawValue)\"" } ?? ""
        return "<tr\(gradeClass)><td class=\"grade\">\(grade)</td><td>\(object)</td><td><span class=\"id\">"
            + Self.escaped(row.caseNumber ?? "") + "</span></td><td><dl class=\"facts\">\(facts)</dl></td><td>"
            + say(row.action.wording) + "</td></tr>\n"
    }

    // MARK: Style

    /// Inline, with nothing fetched: a CJK stack from what Debian (fonts-noto-cjk, fonts-wqy-microhei),
    /// Windows and macOS ship, then the generic family.
    static let style = """
        @page { size: A4; margin: 14mm 12mm 16mm 12mm; }
        * { box-sizing: border-box; }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { margin: 0 auto; padding: 8mm 0; max-width: 186mm; color: #111; background: #fff; font-size: 10pt; line-height: 1.45;
          font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei",
            "Droid Sans Fallback", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", sans-serif; }
        h1 { font-size: 17pt; margin: 0 0 4pt; }
        h1 .day { font-weight: normal; margin-left: 8pt; }
        h2 { font-size: 13pt; margin: 12pt 0 6pt; padding-bottom: 2pt; border-bottom: 1.5pt solid #222; }
        h3 { font-size: 11pt; margin: 10pt 0 4pt; break-after: avoid; page-break-after: avoid; }
        dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 1pt 10pt; margin: 4pt 0 8pt; }
        dl.meta dt { font-weight: bold; }
        dl.meta dd { margin: 0; }
        .hash { overflow-wrap: anywhere; }
        table { width: 100%; border-collapse: collapse; margin: 4pt 0 10pt; }
        table.counts { width: auto; min-width: 50%; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        th, td { border: 0.75pt solid #888; padding: 3pt 5pt; text-align: left; vertical-align: top; }
        th { background: #e6e6e6; }
        .n { text-align: right; }
        section.unit { break-before: page; page-break-before: always; }
        col.c-grade { width: 9%; } col.c-object { width: 24%; } col.c-case { width: 19%; } col.c-details { width: 34%; }
        col.c-action { width: 14%; }
        .id { font-family: "DejaVu Sans Mono", "Noto Sans Mono CJK SC", monospace; font-size: 9pt; overflow-wrap: anywhere; }
        dl.facts { margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: 0 6pt; }
        dl.facts dt { color: #444; }
        dl.facts dd { margin: 0; overflow-wrap: anywhere; }
        td.grade { text-align: center; white-space: nowrap; }
        .badge { display: inline-block; font-weight: bold; padding: 0 4pt; border: 1.5pt solid currentColor; border-radius: 2pt; }
        tr.red { background: #fde0e0; }
        tr.red td.grade { border-left: 6pt solid #c62828; }
        tr.red .badge { color: #b71c1c; background: #fff; }
        tr.orange { background: #ffebcc; }
        tr.orange td.grade { border-left: 6pt double #e65100; }
        tr.orange .badge { color: #a84300; background: #fff; }
        tr.yellow { background: #fff8c4; }
        tr.yellow td.grade { border-left: 6pt dashed #b59a00; }
        tr.yellow .badge { color: #6d5d00; background: #fff; }
        tr.green td.grade { border-left: 6pt dotted #2e7d32; }
        tr.green .badge { color: #1b5e20; background: #fff; }
        .nothing { font-style: italic; }
        footer { margin-top: 12pt; padding-top: 4pt; border-top: 0.75pt solid #888; font-size: 9pt; color: #333; }
        .warning { font-weight: bold; }
        @media print { body { padding: 0; max-width: none; } }
        """
}
