import CommandLineSupport
import Foundation
import LedgerPresentation
import PropertyLedger

/// `ledger officer retire BADGE`: a retired officer can do nothing.
struct OfficerRetireCommand: RecordingCommand {
    static let spec = CommandSpec(
        "officer retire", arguments: "BADGE", summary: "retire an officer: a retired officer can do nothing", writesEntry: true,
        options: [
            Option(name: "reason", value: "TEXT", help: "why"),
            .flag(
                "override-holdings",
                help: "retire even though the officer still holds checked-out objects (needs --reason; the entry lists them)"),
        ],
        notes: [
            "The last active supervisor cannot be retired: add another supervisor first.",
            "What a retired officer still holds can be returned as usual (`ledger return`, --by defaults to the holder).",
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
