import CommandLineSupport
import DossierVault
import Foundation
import LedgerPresentation
import PropertyLedger

/// `ledger findings [--open] [--cabinet CODE]`: the irregularities the smart cabinets reported or their
/// reconciliation found — unauthorised removals, unexpected deposits, unknown tags, wrong slots, alarms,
/// unreconciled sessions — oldest first, with who resolved each.
struct FindingsCommand: LedgerCommand {
    static let spec = CommandSpec(
        "findings",
        summary: Wording(zh: "列出智能柜告警（违规出库、异常放入、未知标签等）", en: "list the cabinets' findings (unauthorised removals, …)"),
        options: [
            .flag("open", help: Wording(zh: "只列未处理的告警", en: "only findings not yet resolved")),
            Option(name: "cabinet", value: "CODE", help: Wording(zh: "只列该智能柜的告警", en: "only this cabinet's findings")),
        ])

    let openOnly: Bool
    let cabinet: String?

    init(parsing arguments: inout ArgumentReader) throws {
        openOnly = arguments.flag("open")
        cabinet = arguments.take("cabinet")
    }

    struct FindingJSON: Encodable {
        let id, kind, cabinet, at: String
        let session, object, uid, slot, detail, officer: String?
        let resolved: Resolution?

        struct Resolution: Encodable {
            let index: Int64
            let at, by, note: String
        }

        init(_ finding: Finding, timeFormat: TimeFormat) {
            id = finding.id
            kind = finding.kind.rawValue
            cabinet = finding.cabinet
            at = timeFormat.iso8601(finding.at)
            session = finding.session
            object = finding.object
            uid = finding.uid
            slot = finding.slot
            detail = finding.detail
            officer = finding.officer
            resolved = finding.resolution.map { Resolution(index: $0.index, at: timeFormat.iso8601($0.at), by: $0.by, note: $0.note) }
        }
    }

    struct Result: Encodable {
        let findings: [FindingJSON]
        let count, open: Int
    }

    /// One finding on a line: its id, kind, where, when and whom the cabinet had identified.
    static func line(_ finding: Finding, people: People, timeFormat: TimeFormat) -> String {
        let language = timeFormat.language
        return Catalogue.cabinets.findingLine.text(
            in: language,
            [
                "finding": finding.id, "kind": finding.kind.wording.text(in: language),
                "place": finding.slot.map { "\(finding.cabinet)/\($0)" } ?? finding.cabinet, "at": timeFormat.string(finding.at),
                "officer": finding.officer.map(people.name) ?? "–",
            ])
    }

    func run(in context: CommandContext) async throws {
        let store = try await context.openVaultStore()
        let openOnly = self.openOnly
        let findings = try await store.read { try DossierVault.findings(in: $0, openOnly: openOnly) }.filter {
            cabinet == nil || $0.cabinet == cabinet
        }
        let people = People(try await store.officers())
        let timeFormat = context.timeFormat(for: store)
        let language = context.language
        let words = Catalogue.cabinets
        let result = Result(
            findings: findings.map { FindingJSON($0, timeFormat: timeFormat) }, count: findings.count, open: findings.filter(\.isOpen).count
        )
        guard !findings.isEmpty else {
            try context.output.emit(result, text: (openOnly ? words.noOpenFindings : words.noFindings).text(in: language))
            return
        }
        var table = TextTable(
            headers: [
                words.findingHeading, words.timeHeading, words.kindHeading, words.cabinetHeading, words.objectHeading, words.officerHeading,
                words.statusHeading,
            ].map { $0.text(in: language) })
        for finding in findings {
            table.append(
                cells: [
                    finding.id, timeFormat.string(finding.at), finding.kind.wording.text(in: language),
                    finding.slot.map { "\(finding.cabinet)/\($0)" } ?? finding.cabinet,
                    finding.object ?? finding.uid ?? finding.detail ?? "", finding.officer.map(people.name) ?? "",
                    finding.resolution.map { words.resolvedBy.text(in: language, ["officer": people.name($0.by)]) }
                        ?? words.open.text(in: language),
                ])
        }
        let footer = words.findingCount.text(in: language, ["count": String(result.count), "open": String(result.open)])
        try context.output.emit(result, text: table.rendered + "\n\n" + footer)
    }
}
