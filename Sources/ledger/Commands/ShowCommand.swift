import CommandLineSupport
import DossierVault
import Foundation
import LedgerPresentation
import PropertyLedger
import Transfers

/// `ledger show OBJECT`: what it is, where it is, who holds it.
struct ShowCommand: LedgerCommand {
    static let spec = CommandSpec(
        "show", arguments: "OBJECT",
        summary: Wording(
            zh: "显示涉案财物或案卷：是什么、在哪里、由谁领用",
            en: "show an item or dossier: what it is, where it is, who holds it"))

    let reference: String

    init(parsing arguments: inout ArgumentReader) throws {
        reference = try arguments.object()
    }

    func run(in context: CommandContext) async throws {
        try await Self.show(reference, in: context)
    }

    /// Prints the object `reference` names (also for `ledger where`).
    static func show(_ reference: String, in context: CommandContext) async throws {
        let store = try await context.openStore()
        let object = try await store.object(reference)
        let timeFormat = context.timeFormat(for: store)
        let now = Date()
        let deadlines = try await openDeadlines(of: object.id, in: store, at: now)
        let findings = try await openFindings(of: object.id, in: store)
        let id = object.id
        let transfer = try await store.read { snapshot in try Transfers.standing(of: id, in: snapshot) }
        let text = try await describe(
            object, deadlines: deadlines, findings: findings ?? [], transfer: transfer, store: store, timeFormat: timeFormat, now: now)
        try context.output.emit(
            ObjectJSON(object, timeFormat: timeFormat, now: now, deadlines: deadlines, findings: findings, transfer: transfer), text: text)
    }

    /// The smart cabinets' open findings about object `id`; nil for a read-only store from before DossierVault.
    static func openFindings(of id: String, in store: LedgerStore) async throws -> [Finding]? {
        guard CommandContext.servesVault(store) else { return nil }
        return try await store.read { snapshot in try DossierVault.findings(in: snapshot, openOnly: true, object: id) }
    }

    /// The open deadlines of object `id` (DossierVault's rules), graded at `now`, by due time; nil for a read-only
    /// store from before DossierVault, which has none to show.
    static func openDeadlines(of id: String, in store: LedgerStore, at now: Date) async throws -> [Deadline]? {
        guard CommandContext.servesVault(store) else { return nil }
        return try await store.read { snapshot in try DossierVault.deadlines(of: id, in: snapshot, asOf: now) }
    }

    /// What a clerk needs at a glance: what it is, its case, where it is or who holds it, anything overdue, and
    /// one line per open deadline with its grade; in the language of `timeFormat`.
    static func describe(
        _ object: CustodyObject, deadlines: [Deadline]?, findings: [Finding] = [], transfer: TransferStanding? = nil, store: LedgerStore,
        timeFormat: TimeFormat, now: Date
    ) async throws -> String {
        let language = timeFormat.language
        let words = Catalogue.show
        let people = try await People.read(from: store)
        let quantity = object.item.map { " " + Catalogue.objects.quantity.text(in: language, ["quantity": $0.quantity, "unit": $0.unit]) }
        let heading = "\(object.id)  \(Catalogue.objects.name(of: object, in: language))" + (quantity ?? "")
        var card = LabelledLines()
        let record = try await store.caseRecord(object.caseNumber)
        card.append(words.caseLabel.text(in: language), object.caseNumber + (record.map { " \($0.title)" } ?? ""))
        let locationName = try await object.location.asyncMap { try await store.location($0)?.name } ?? nil
        card.append(
            words.statusLabel.text(in: language),
            Catalogue.objects.status(
                of: object, locationName: object.status == .inStorage ? locationName : nil, people: people, timeFormat: timeFormat,
                now: Date()))
        if let chip = object.chip { card.append(words.chipLabel.text(in: language), chip) }
        if let item = object.item {
            if let features = item.features { card.append(words.featuresLabel.text(in: language), features) }
            if let weight = item.weight { card.append(words.weightLabel.text(in: language), weight) }
            card.append(
                words.seizedLabel.text(in: language),
                words.seized.text(
                    in: language, ["time": timeFormat.string(stored: item.seizedAt), "seizers": people.names(item.seizedBy, in: language)]))
        }
        if let dossier = object.dossier {
            card.append(
                words.volumeLabel.text(in: language),
                words.volume.text(
                    in: language,
                    ["volume": String(dossier.volume), "volumes": String(dossier.volumes), "pages": String(dossier.pages)]))
        }
        card.append(
            words.entriesLabel.text(in: language),
            words.entries.text(in: language, ["registered": String(object.registeredAt), "last": String(object.updatedAt)]))
        let deadlineText = DeadlineText(timeFormat: timeFormat, asOf: now)
        for deadline in deadlines ?? [] {
            card.append(Catalogue.deadlines.label.text(in: language), deadlineText.line(deadline))
        }
        for finding in findings {
            card.append(
                Catalogue.cabinets.findingLabel.text(in: language), FindingsCommand.line(finding, people: people, timeFormat: timeFormat))
        }
        let transferWords = Catalogue.transferWords
        if let transfer {
            let wording =
                switch transfer.state {
                case .inTransfer: transferWords.inTransfer
                case .transferred: transferWords.transferredTo
                case .reportedMissing: transferWords.reportedMissing
                }
            card.append(
                transferWords.transferLabel.text(in: language),
                wording.text(in: language, ["transfer": transfer.transfer, "peer": transfer.peer]))
        }
        let labels = words.labels + [Catalogue.deadlines.label, Catalogue.cabinets.findingLabel, transferWords.transferLabel]
        return heading + "\n" + card.rendered(alignedWith: labels.map { $0.text(in: language) })
    }
}
