import Foundation
import LedgerPresentation
import PropertyLedger

/// The bulletin for a terminal: every line at most 80 columns wide (CJK characters count two). Object names
/// and unit names too long for their line are cut with an ellipsis; labelled values wrap under themselves.
struct BulletinTextRenderer {
    static let width = 80
    /// Where a row's labelled lines start, under its grade mark.
    static let rowIndent = "    "

    let bulletin: Bulletin
    let language: Language

    private var words: BulletinWords { Catalogue.bulletin }
    private var zone: TimeZone { bulletin.agency.timeZone }

    private func say(_ wording: Wording, _ arguments: [String: String] = [:]) -> String {
        wording.text(in: language, arguments)
    }

    func rendered() -> String {
        var blocks = [heading(), summary()]
        if bulletin.units.isEmpty { blocks.append(say(words.nothingToReport)) }
        blocks += bulletin.units.map(unitBlock)
        return blocks.joined(separator: "\n\n") + "\n"
    }

    // MARK: The heading

    private func heading() -> String {
        let title = say(words.title) + "  " + bulletin.day.text(in: language)
        let source = bulletin.source
        var card = LabelledLines()
        card.append(say(words.agencyLabel), say(words.agencyValue, ["name": bulletin.agency.name, "code": bulletin.agency.code]))
        card.append(say(words.scopeLabel), bulletin.unit ?? say(words.allUnits))
        card.append(say(words.computedAtLabel), BulletinValue.time(bulletin.computedAt).text(in: language, zone: zone))
        card.append(say(words.asOfLabel), BulletinValue.time(bulletin.asOf).text(in: language, zone: zone))
        card.append(say(words.logLabel), say(words.logSize, ["size": String(source.logSize)]))
        card.append(
            say(words.checkpointLabel),
            say(words.checkpointValue, ["size": String(source.checkpointSize), "root": source.checkpointRootBase64]))
        var lines = [TextFit.truncated(title, toWidth: Self.width), String(repeating: "=", count: min(Self.width, displayWidth(title)))]
        lines += card.rendered(indent: "").split(separator: "\n").map { TextFit.truncated(String($0), toWidth: Self.width) }
        if !source.isCheckpointAtLogSize {
            lines += TextFit.wrapped("! " + say(words.checkpointBehind, ["size": String(source.logSize)]), toWidth: Self.width)
        }
        lines += TextFit.wrapped(say(words.howToCheck, ["size": String(source.logSize)]), toWidth: Self.width)
        return lines.joined(separator: "\n")
    }

    // MARK: The summary: by unit, by rule, by section

    private func summary() -> String {
        var byUnit = TextTable(headers: [words.unitColumn, words.red, words.orange, words.rowsColumn].map { say($0) })
        for unit in bulletin.units {
            byUnit.append(cells: [fitted(unitName(unit.unit), 40)] + figures(unit.counts))
        }
        byUnit.append(cells: [say(words.total)] + figures(bulletin.counts))

        var byRule = TextTable(headers: [words.ruleColumn, words.red, words.orange].map { say($0) })
        for rule in RuleID.deadlineRules {
            let grades = bulletin.counts.deadlinesByRule[rule] ?? .init()
            byRule.append(cells: [say(rule.bulletinName), String(grades.red), String(grades.orange)])
        }

        var bySection = TextTable(headers: [words.sectionColumn, words.rowsColumn].map { say($0) })
        for section in bulletin.sections {
            bySection.append(cells: [fitted(say(section.title), 60), String(bulletin.counts.rowsBySection[section.id] ?? 0)])
        }
        return [say(words.summary), byUnit.rendered, byRule.rendered, bySection.rendered].joined(separator: "\n\n")
    }

    private func figures(_ counts: BulletinCounts) -> [String] {
        [String(counts.deadlines.red), String(counts.deadlines.orange), String(counts.rows)]
    }

    private func unitName(_ unit: String?) -> String {
        unit.map(TextFit.oneLine) ?? say(words.unitUnknown)
    }

    private func fitted(_ text: String, _ width: Int) -> String {
        TextFit.truncated(TextFit.oneLine(text), toWidth: width)
    }

    // MARK: Units, sections, rows

    private func unitBlock(_ unit: BulletinUnit) -> String {
        let count = unit.counts.rows
        let name = unitName(unit.unit)
        let heading = (count == 1 ? words.unitHeadingOne : words.unitHeading).text(in: language, ["unit": name, "count": String(count)])
        // The name gives way, never the count.
        let room = Self.width - 6 - (displayWidth(heading) - displayWidth(name))
        let fittedHeading = (count == 1 ? words.unitHeadingOne : words.unitHeading).text(
            in: language, ["unit": TextFit.truncated(name, toWidth: max(room, 8)), "count": String(count)])
        var blocks = ["== " + fittedHeading + " =="]
        if count == 0 { blocks.append(say(words.nothingToReport)) }
        for part in unit.parts where !part.rows.isEmpty {
            let title = say(words.sectionHeading, ["title": say(part.title), "count": String(part.rows.count)])
            let line = TextFit.truncated(say(words.sectionLine, ["heading": title]), toWidth: Self.width)
            let rows = part.rows.map { ($0, labelled($0)) }
            // One column for the values of the whole section, whatever each row's labels.
            let labelWidth = rows.flatMap { $0.1.map { displayWidth($0.label) } }.max() ?? 0
            blocks.append(([line] + rows.map { rowBlock($0.0, $0.1, labelWidth: labelWidth) }).joined(separator: "\n\n"))
        }
        return blocks.joined(separator: "\n\n")
    }

    /// A row's labelled lines: its case, its facts, what to do.
    private func labelled(_ row: BulletinRow) -> [(label: String, value: String)] {
        var lines: [(label: String, value: String)] = []
        if let caseNumber = row.caseNumber { lines.append((say(words.caseLabel), caseNumber)) }
        lines += row.facts.map { (say($0.label), $0.value.text(in: language, zone: zone)) }
        lines.append((say(words.actionLabel), say(row.action.wording)))
        return lines
    }

    private func rowBlock(_ row: BulletinRow, _ labelled: [(label: String, value: String)], labelWidth: Int) -> String {
        let mark =
            row.grade.map { "[" + (language == .en ? say($0.bulletinName).uppercased() : say($0.bulletinName)) + "]" } ?? "-"
        let what = row.object?.id ?? row.subject ?? ""
        let head = TextFit.oneLine(mark + " " + what)
        var first = head
        if let name = row.object?.displayName(in: language) {
            let room = Self.width - displayWidth(head) - 2
            first =
                room >= 4
                ? head + "  " + TextFit.truncated(TextFit.oneLine(name), toWidth: room) : TextFit.truncated(head, toWidth: Self.width)
        }

        let valueWidth = Self.width - displayWidth(Self.rowIndent) - labelWidth - 2
        var lines = [first]
        let continuation = String(repeating: " ", count: labelWidth + 2)
        for (label, value) in labelled {
            for (number, piece) in TextFit.wrapped(TextFit.oneLine(value), toWidth: valueWidth).enumerated() {
                lines.append(
                    TextFit.withoutTrailingSpaces(Self.rowIndent + (number == 0 ? padded(label, to: labelWidth + 2) : continuation) + piece)
                )
            }
        }
        return lines.joined(separator: "\n")
    }
}
