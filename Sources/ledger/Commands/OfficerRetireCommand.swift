import CommandLineSupport
import Foundation
import LedgerPresentation
import PropertyLedger

/// `ledger officer retire BADGE`: a retired officer can do nothing.
struct OfficerRetireCommand: RecordingCommand {
    static let spec = CommandSpec(
        "officer retire", arguments: "BADGE",
        summary: Wording(
            zh: "注销警员：注销后不能再办理任何业务",
            en: "retire an officer: a retired officer can do nothing"),
        writesEntry: true,
        options: [
            Option(name: "reason", value: "TEXT", help: Wording(zh: "注销原因", en: "why")),
            .flag(
                "override-holdings",
                help: Wording(
                    zh: "即使该警员仍领用着已出库的财物也予注销（需要 --reason；记录中会列出这些财物）",
                    en: "retire even though the officer still holds checked-out objects (needs --reason; the entry lists them)")),
        ],
        notes: [
            Wording(
                zh: "唯一在职的审批领导不能注销：请先添加另一位审批领导。",
                en: "The last active supervisor cannot be retired: add another supervisor first."),
            Wording(
                zh: "已注销警员仍领用的财物可照常办理归还（`ledger return`，--by 默认为领用人）。",
                en: "What a retired officer still holds can be returned as usual (`ledger return`, --by defaults to the holder)."),
        ])

    let custodyCommand: CustodyCommand

    init(parsing arguments: inout ArgumentReader) throws {
        let badge = try arguments.positional("BADGE")
        let reason = arguments.take("reason")
        let overridesHoldings = arguments.flag("override-holdings")
        // The log must say why objects stay out with a retired officer.
        if overridesHoldings && reason?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty != false {
            throw arguments.error(.overrideHoldingsNeedsReason)
        }
        custodyCommand = .retireOfficer(badge: badge, reason: reason, overridesHoldings: overridesHoldings)
    }
}
