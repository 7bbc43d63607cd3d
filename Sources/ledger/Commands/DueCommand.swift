import CommandLineSupport
import DossierVault
import Foundation
import LedgerPresentation
import PropertyLedger

/// `ledger due`: every open deadline (DossierVault's rules), most urgent first — red, then by due time — with
/// what must happen, the time left in words, the grade and the rule's source.
struct DueCommand: LedgerCommand {
    static let spec = CommandSpec(
        "due",
        summary: Wording(
            zh: "列出所有未办结的期限：红色预警在前，其余按期限先后", en: "every open deadline: red first, then by due time"),
        options: [
            Option(
                name: "as-of", value: "TIME",
                help: Wording(
                    zh: "按该时间计算剩余时间和预警颜色（默认：现在）；不写入任何内容",
                    en: "grade the deadlines at this time (default: now); writes nothing")),
            Option(name: "unit", value: "UNIT", help: Wording(zh: "只列该办案单位的案件的期限", en: "only deadlines of this handling unit's cases")),
            Option(
                name: "grade", value: gradeValues.joined(separator: "|"),
                help: Wording(
                    zh: "只列该颜色的期限；可重复，或用逗号分隔多个（red,orange）", en: "only deadlines of this grade; repeat or comma-separate (red,orange)"),
                choices: gradeValues, isRepeatable: true),
            Option(
                name: "rule", value: ruleValues.joined(separator: "|"),
                help: Wording(zh: "只列该规则的期限；可重复，或用逗号分隔多个", en: "only deadlines under this rule; repeat or comma-separate"),
                choices: ruleValues, isRepeatable: true),
        ],
        notes: [
            Wording(
                zh: "--as-of 只拨动时钟：保管状态仍是台账现在的状态（财物在哪里、案件是否已破），规则参数取该时间有效的值。"
                    + "因此 --as-of 取一个月后，显示的是届时若无变化将会超期的事项。",
                en: "--as-of moves only the clock: the custody state is the store's as it stands (where each object is, which "
                    + "cases are solved), and the rules' parameters are those in force at that time. So --as-of a month ahead "
                    + "shows what will be overdue then if nothing changes meanwhile.")
        ] + CommandSpec.timeNotes)

    /// Most urgent first, as `--grade` lists them.
    static let gradeValues = Grade.allCases.sorted().map(\.rawValue)
    /// The rules that set deadlines (`grades` only colours them).
    static let ruleValues = RuleID.deadlineRules.map(\.rawValue)

    let asOf: TypedTime?
    let unit: String?
    let grades: [Grade]
    let rules: [RuleID]

    init(parsing arguments: inout ArgumentReader) throws {
        asOf = try arguments.time("as-of")
        unit = arguments.take("unit")
        grades = try arguments.choiceList("grade", Grade.self)
        let rules = try arguments.choiceList("rule", RuleID.self)
        if let other = rules.first(where: { !RuleID.deadlineRules.contains($0) }) {
            throw arguments.error(.optionNotOneOf("--rule", allowed: Self.ruleValues, value: other.rawValue))
        }
        self.rules = rules
    }

    struct RuleJSON: Encodable {
        let id: String
        /// In the chosen language.
        let name, source: String
    }

    struct Result: Encodable {
        let asOf: String
        let deadlines: [DeadlineJSON]
        let count: Int
        /// How many of each grade.
        let grades: [String: Int]
        /// The rules of the deadlines listed (and `grades`, whose thresholds coloured them), with their sources.
        let rules: [RuleJSON]
        /// The smart cabinets' open findings (of the unit's cases when `--unit` is given).
        let findings: [FindingsCommand.FindingJSON]
    }

    /// Red first, then by due time, then rule and object: the order to act in.
    static func isMoreUrgent(_ a: Deadline, than b: Deadline) -> Bool {
        (a.grade, a.due, a.rule.rawValue, a.object) < (b.grade, b.due, b.rule.rawValue, b.object)
    }

    func run(in context: CommandContext) async throws {
        let store = try await context.openVaultStore()
        let agency = store.identity.agency
        let asOf = self.asOf?.date(in: agency.timeZone) ?? Date()
        let filter = DeadlineFilter(
            unit: unit, grades: grades.isEmpty ? nil : Set(grades), rules: rules.isEmpty ? nil : Set(rules))
        // One snapshot: the deadlines and the objects they name agree.
        let (found, objects) = try await store.read { snapshot in
            try DossierVault.deadlinesWithObjects(in: snapshot, asOf: asOf, filter: filter)
        }
        let deadlines = found.sorted(by: Self.isMoreUrgent)
        // The smart cabinets' open findings beside them: irregularities as pressing as a red deadline.
        let unit = self.unit
        let findings = try await store.read { snapshot in
            try DossierVault.findings(in: snapshot, openOnly: true).filter { finding in
                guard let unit else { return true }
                let record = try finding.object.flatMap { try snapshot.custody.object($0) }.flatMap {
                    try snapshot.custody.caseRecord($0.caseNumber)
                }
                return record?.unit == unit
            }
        }
        let timeFormat = context.timeFormat(for: store)
        let language = context.language
        let listedRules = RuleID.allCases.filter { rule in rule == .grades ? !deadlines.isEmpty : deadlines.contains { $0.rule == rule } }
        let result = Result(
            asOf: timeFormat.iso8601(asOf),
            deadlines: deadlines.map { DeadlineJSON($0, asOf: asOf, timeFormat: timeFormat, object: objects[$0.object]) },
            count: deadlines.count,
            grades: Dictionary(
                uniqueKeysWithValues: Grade.allCases.map { grade in (grade.rawValue, deadlines.filter { $0.grade == grade }.count) }),
            rules: listedRules.map {
                RuleJSON(id: $0.rawValue, name: $0.name.text(in: language), source: $0.source(for: agency.kind).text(in: language))
            }, findings: findings.map { FindingsCommand.FindingJSON($0, timeFormat: timeFormat) })
        var text = text(
            deadlines, objects: objects, rules: listedRules, agency: agency,
            deadlineText: DeadlineText(timeFormat: timeFormat, asOf: asOf), colour: .standardOutput)
        if !findings.isEmpty {
            let people = People(try await store.officers())
            text += "\n\n" + Catalogue.cabinets.dueFindings.text(in: language, ["count": String(findings.count)])
            for finding in findings { text += "\n  " + FindingsCommand.line(finding, people: people, timeFormat: timeFormat) }
        }
        try context.output.emit(result, text: text)
    }

    /// The table, the count of each grade under it, and the sources of the rules listed.
    private func text(
        _ deadlines: [Deadline], objects: [String: CustodyObject], rules: [RuleID], agency: Agency, deadlineText: DeadlineText,
        colour: TerminalColour
    ) -> String {
        let language = deadlineText.language
        let words = Catalogue.due
        let asOf = deadlineText.timeFormat.string(deadlineText.asOf)
        guard !deadlines.isEmpty else { return words.none.text(in: language, ["asOf": asOf]) }
        var table = TextTable(
            headers: [
                words.gradeHeading, words.dueHeading, words.leftHeading, words.objectHeading, words.nameHeading, words.caseHeading,
                words.ruleHeading, words.actionHeading,
            ].map { $0.text(in: language) })
        // Thousands of rows share a few due times, rules and actions: each is worded once.
        var dueTexts: [Date: String] = [:]
        var leftTexts: [Date: String] = [:]
        let ruleNames = Dictionary(uniqueKeysWithValues: RuleID.allCases.map { ($0, $0.bulletinName.text(in: language)) })
        let actionNames = Dictionary(uniqueKeysWithValues: Deadline.Action.allCases.map { ($0, $0.wording.text(in: language)) })
        for row in deadlines {
            let due = dueTexts[row.due] ?? deadlineText.timeFormat.string(row.due)
            dueTexts[row.due] = due
            let left = leftTexts[row.due] ?? deadlineText.left(row)
            leftTexts[row.due] = left
            table.append(
                cells: [
                    deadlineText.grade(row), due, left, row.object,
                    objects[row.object].map { Catalogue.objects.name(of: $0, in: language) } ?? "",
                    row.caseNumber, ruleNames[row.rule] ?? "", actionNames[row.action] ?? "",
                ])
        }
        // The grade opens each row: coloured after alignment, so escape codes never count as width.
        var lines = table.renderedLines
        for (offset, row) in deadlines.enumerated() where lines.indices.contains(offset + 1) {
            let word = deadlineText.grade(row)
            let line = lines[offset + 1]
            if line.hasPrefix(word) { lines[offset + 1] = colour.paint(word, as: row.grade) + line.dropFirst(word.count) }
        }
        let counts = Grade.allCases.sorted().compactMap { grade -> String? in
            let count = deadlines.filter { $0.grade == grade }.count
            return count == 0
                ? nil : words.gradeCount.text(in: language, ["grade": grade.wording.text(in: language), "count": String(count)])
        }
        let footer = (deadlines.count == 1 ? words.countOne : words.count).text(
            in: language,
            ["asOf": asOf, "count": String(deadlines.count), "grades": counts.joined(separator: words.gradeSeparator.text(in: language))])
        let sources = rules.map { rule in
            words.source.text(
                in: language,
                [
                    "rule": rule.bulletinName.text(in: language), "name": rule.name.text(in: language),
                    "source": rule.source(for: agency.kind).text(in: language),
                ])
        }
        return (lines + ["", footer, "", words.sources.text(in: language)] + sources).joined(separator: "\n")
    }
}
