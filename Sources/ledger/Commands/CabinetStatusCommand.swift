import CommandLineSupport
import DossierVault
import Foundation
import LedgerPresentation
import PropertyLedger

/// `ledger cabinet status CABINET`: what the ledger believes the cabinet holds, slot by slot, its running door
/// session and its open findings.
struct CabinetStatusCommand: LedgerCommand {
    static let spec = CommandSpec(
        "cabinet status", arguments: "CABINET",
        summary: Wording(zh: "查看智能柜：各格存放、进行中的会话、未处理告警", en: "a cabinet's contents by slot, running session, open findings"))

    let cabinet: String

    init(parsing arguments: inout ArgumentReader) throws {
        cabinet = try arguments.positional("CABINET")
    }

    struct SlotJSON: Encodable {
        let code, name: String
        let objects: [String]
    }

    struct Result: Encodable {
        let cabinet, name: String
        let slots: [SlotJSON]
        let unslotted: [String]
        let session: CabinetSessionsCommand.SessionJSON?
        let openFindings: [String]
    }

    func run(in context: CommandContext) async throws {
        let store = try await context.openVaultStore()
        let code = cabinet
        let status = try await store.read { try DossierVault.cabinetStatus(code, in: $0, now: Date()) }
        let people = People(try await store.officers())
        let timeFormat = context.timeFormat(for: store)
        let language = context.language
        let words = Catalogue.cabinets
        let result = Result(
            cabinet: status.cabinet.code, name: status.cabinet.name,
            slots: status.slots.map { SlotJSON(code: $0.slot.code, name: $0.slot.name, objects: $0.objects.map(\.id)) },
            unslotted: status.unslotted.map(\.id), session: status.session.map { .init($0, timeFormat: timeFormat) },
            openFindings: status.findings.map(\.id))
        func list(_ objects: [CustodyObject]) -> String {
            objects.isEmpty
                ? words.emptySlot.text(in: language)
                : objects.map { "\($0.id) \(Catalogue.objects.name(of: $0, in: language))" }.joined(separator: language == .zh ? "、" : ", ")
        }
        var lines = [words.statusTitle.text(in: language, ["cabinet": status.cabinet.code, "name": status.cabinet.name])]
        for (slot, objects) in status.slots {
            lines.append(words.slotLine.text(in: language, ["slot": slot.code, "objects": list(objects)]))
        }
        if !status.unslotted.isEmpty || status.slots.isEmpty {
            lines.append(words.slotLine.text(in: language, ["slot": words.noSlot.text(in: language), "objects": list(status.unslotted)]))
        }
        lines.append(
            status.session.map {
                words.runningSession.text(
                    in: language,
                    [
                        "session": $0.id, "state": $0.state.wording.text(in: language), "officer": people.name($0.officer),
                        "at": timeFormat.string($0.openedAt),
                    ])
            } ?? words.noRunningSession.text(in: language))
        lines.append(words.openFindings.text(in: language, ["count": String(status.findings.count)]))
        for finding in status.findings {
            lines.append(
                "  \(finding.id)  \(finding.kind.wording.text(in: language))  \(finding.object ?? finding.uid ?? finding.detail ?? "")")
        }
        try context.output.emit(result, text: lines.joined(separator: "\n"))
    }
}
