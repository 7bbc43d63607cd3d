import CommandLineSupport
import DossierVault
import Foundation
import LedgerPresentation
import PropertyLedger

/// `ledger dossier sweep`: the transfer list to central storage (洪泽's one-month rule) — every dossier that must be
/// in central storage by the time asked about and is not, with where it is or who holds it — and, with
/// `--record`, the moves a clerk at central storage records once the dossiers have arrived: one transaction,
/// each move naming the rule (``DossierVault/recordSweep(to:in:actor:asOf:unit:device:at:)``).
struct DossierSweepCommand: LedgerCommand {
    static let spec = CommandSpec(
        "dossier sweep",
        summary: Wording(
            zh: "移交集中保管清单：应在案管中心而不在的案卷；加 --record 登记移交",
            en: "the transfer list to central storage; --record records the moves"),
        writesEntry: true,
        options: [
            Option(
                name: "as-of", value: "TIME",
                help: Wording(zh: "列出截至该时间到期的案卷（默认：现在）", en: "list the dossiers due by this time (default: now)")),
            Option(
                name: "to", value: "CENTRAL-LOCATION",
                help: Wording(zh: "移入的集中保管位置（用于 --record；须是集中保管位置）", en: "the central-storage location they go to (for --record)")),
            Option(name: "unit", value: "UNIT", help: Wording(zh: "只列该办案单位的案件的案卷", en: "only dossiers of this handling unit's cases")),
            .flag(
                "record",
                help: Wording(
                    zh: "案卷实物送达后，登记每一卷移入 --to 位置（一个事务，每条记录注明规则 central-storage）",
                    en: "once the dossiers have arrived, record each one's move to --to (one transaction, each naming rule central-storage)"
                )),
        ],
        notes: [
            Wording(
                zh: "--record 须由案管中心的涉案财物管理员（--actor）办理，且 --to 须是集中保管位置，否则拒绝（退出状态 2），不写入任何内容。"
                    + "已出库的案卷须先归还，尚未入库的须先入库，这些案卷不移交，另行列出。",
                en: "--record is a clerk's (--actor) at central storage, and --to must be a central-storage location; otherwise it is "
                    + "refused (exit status 2) and nothing is written. Dossiers checked out must first be returned, and those "
                    + "never checked in first checked in: they are not moved, and are listed apart."),
            Wording(
                zh: "加 --dry-run（与 --record 同用）时，按同样的规则检查并显示将会记录的移库，不写入任何内容。",
                en: "With --dry-run (and --record), the moves are checked under the same rules and shown, and nothing is written."),
        ] + CommandSpec.timeNotes)

    let asOf: TypedTime?
    let location: String?
    let unit: String?
    let records: Bool

    init(parsing arguments: inout ArgumentReader) throws {
        asOf = try arguments.time("as-of")
        records = arguments.flag("record")
        location = records ? try arguments.required("to", because: "--record") : arguments.take("to")
        unit = arguments.take("unit")
        // Without --record there is nothing to evaluate: the list never writes.
        if arguments.contains("dry-run") && !records { throw arguments.error(.optionRequired("--record", with: "--dry-run")) }
    }

    struct Item: Encodable {
        let dossier: String
        let name: String?
        let caseNumber: String
        let unit: String?
        let since, due: String
        let location, holder: String?
        let disposition: String
        /// For a recorded (or, with `--dry-run`, evaluated) move: its entry's index and exact text.
        var index: Int64?
        var entry: String?

        private enum CodingKeys: String, CodingKey {
            case dossier, name, unit, since, due, location, holder, disposition, index, entry
            case caseNumber = "case"
        }
    }

    struct ListResult: Encodable {
        let asOf: String
        let to: String?
        let dossiers: [Item]
        let count: Int
        /// How many of them can be moved now.
        let movable: Int
    }

    struct RecordResult: Encodable {
        let asOf: String
        let to: String
        let moved: [Item]
        let notMoved: [Item]
        let dryRun: Bool?
    }

    /// What the command needs to word the dossiers: their names, the locations' names, the officers'.
    struct Names {
        let objects: [String: CustodyObject]
        let locations: [String: String]
        let people: People
    }

    func run(in context: CommandContext) async throws {
        let store = try await context.openVaultStore()
        let zone = store.identity.agency.timeZone
        let now = Date()
        let asOf = self.asOf?.date(in: zone) ?? now
        let timeFormat = context.timeFormat(for: store)
        let target = try await location.asyncMap { try await Self.centralLocation($0, in: store) }
        if records, let target {
            let recording =
                context.isDryRun
                ? try await Self.evaluateSweep(
                    to: target.code, in: store, actor: context.actor, asOf: asOf, unit: unit, at: now,
                    signer: try await context.signer(in: store, evenForDryRun: true))
                : try await DossierVault.recordSweep(
                    to: target.code, in: store, actor: context.actor, asOf: asOf, unit: unit, at: now,
                    signer: try await context.signer(in: store))
            let names = try await Self.names(of: recording.moved + recording.notMoved, in: store)
            var moved = recording.moved.map { Self.item($0, names: names, timeFormat: timeFormat) }
            for (offset, entry) in recording.moves.enumerated() where moved.indices.contains(offset) {
                moved[offset].index = entry.index
                moved[offset].entry = String(decoding: try entry.entry.encoded(), as: UTF8.self)
            }
            let result = RecordResult(
                asOf: timeFormat.iso8601(asOf), to: target.code, moved: moved,
                notMoved: recording.notMoved.map { Self.item($0, names: names, timeFormat: timeFormat) },
                dryRun: context.isDryRun ? true : nil)
            try context.output.emit(
                result,
                text: recordText(recording, target: target, names: names, timeFormat: timeFormat, asOf: asOf, isDryRun: context.isDryRun))
            return
        }
        let unit = self.unit
        let items = try await store.read { snapshot in try DossierVault.sweep(in: snapshot, asOf: asOf, unit: unit) }
        let names = try await Self.names(of: items, in: store)
        let result = ListResult(
            asOf: timeFormat.iso8601(asOf), to: target?.code, dossiers: items.map { Self.item($0, names: names, timeFormat: timeFormat) },
            count: items.count, movable: items.filter(\.canMoveNow).count)
        try context.output.emit(result, text: listText(items, target: target, names: names, timeFormat: timeFormat, asOf: asOf))
    }

    /// The location `code` names, when it is central storage: a list for a place that is not would mislead.
    ///
    /// - Throws: ``LedgerError``: `location-not-found` (not found), `sweep-target-not-central` (refused).
    static func centralLocation(_ code: String, in store: LedgerStore) async throws -> Location {
        guard let location = try await store.location(code) else {
            throw LedgerError(.notFound, Reason("location-not-found", ["code": code]))
        }
        guard location.isCentral else { throw LedgerError(.refused, Reason("sweep-target-not-central", ["location": location.code])) }
        return location
    }

    /// What recording the sweep now would write, or the refusal it would meet: recorded in a transaction that is
    /// then rolled back, so it meets exactly the rules (and the write lock) a recording does, and writes nothing.
    static func evaluateSweep(
        to location: String, in store: LedgerStore, actor: String?, asOf: Date, unit: String?, at date: Date,
        signer: (any EntrySigner)?
    ) async throws -> SweepRecording {
        struct Evaluated: Error {
            let recording: SweepRecording
        }
        do {
            // Signed like the recording (the transaction is rolled back): a keyed clerk's entries are refused unsigned.
            try await store.transaction(actor: actor, at: date, signer: signer) { transaction -> Void in
                throw Evaluated(recording: try DossierVault.recordSweep(to: location, asOf: asOf, unit: unit, in: &transaction))
            }
        } catch let evaluated as Evaluated {
            return evaluated.recording
        }
        preconditionFailure("the transaction always throws")
    }

    static func names(of items: [SweepItem], in store: LedgerStore) async throws -> Names {
        var objects: [String: CustodyObject] = [:]
        for item in items { objects[item.dossier] = try? await store.object(item.dossier) }
        let locations = Dictionary(try await store.locations().map { ($0.code, $0.name) }) { first, _ in first }
        return Names(objects: objects, locations: locations, people: try await People.read(from: store))
    }

    static func item(_ item: SweepItem, names: Names, timeFormat: TimeFormat) -> Item {
        let name = names.objects[item.dossier]?.name
        return Item(
            dossier: item.dossier, name: name?.isEmpty == false ? name : nil, caseNumber: item.caseNumber, unit: item.unit,
            since: timeFormat.iso8601(item.since), due: timeFormat.iso8601(item.due), location: item.location, holder: item.holder,
            disposition: item.disposition.rawValue)
    }

    // MARK: Text

    private static func name(_ item: SweepItem, _ names: Names, _ language: Language) -> String {
        names.objects[item.dossier].map { Catalogue.objects.name(of: $0, in: language) } ?? ""
    }

    private static func place(_ code: String, _ names: Names, _ language: Language) -> String {
        names.locations[code].map { Catalogue.objects.namedLocation.text(in: language, ["code": code, "name": $0]) } ?? code
    }

    /// Where the dossier is, or who holds it, or that it was never checked in.
    private static func whereabouts(_ item: SweepItem, _ names: Names, _ language: Language) -> String {
        if let location = item.location { return place(location, names, language) }
        if let holder = item.holder { return names.people.name(holder) }
        return Catalogue.sweep.neverStored.text(in: language)
    }

    private static func next(_ item: SweepItem, _ language: Language) -> String {
        let words = Catalogue.sweep
        return switch item.disposition {
        case .movable: words.movable.text(in: language)
        case .mustBeReturned: words.mustBeReturned.text(in: language)
        case .mustBeCheckedIn: words.mustBeCheckedIn.text(in: language)
        }
    }

    private func listText(_ items: [SweepItem], target: Location?, names: Names, timeFormat: TimeFormat, asOf: Date) -> String {
        let language = timeFormat.language
        let words = Catalogue.sweep
        let asOfText = timeFormat.string(asOf)
        guard !items.isEmpty else { return words.none.text(in: language, ["asOf": asOfText]) }
        var title = words.title.text(in: language, ["asOf": asOfText])
        if let target {
            title += "  " + words.destination.text(in: language, ["location": Self.place(target.code, names, language)])
        }
        var table = TextTable(
            headers: [
                words.dossierHeading, words.nameHeading, words.caseHeading, words.unitHeading, words.dueHeading, words.whereHeading,
                words.nextHeading,
            ].map { $0.text(in: language) })
        for item in items {
            table.append(
                cells: [
                    item.dossier, Self.name(item, names, language), item.caseNumber, item.unit ?? "", timeFormat.string(item.due),
                    Self.whereabouts(item, names, language), Self.next(item, language),
                ])
        }
        let movable = String(items.filter(\.canMoveNow).count)
        let count = (items.count == 1 ? words.countOne : words.count).text(
            in: language, ["count": String(items.count), "movable": movable])
        return [title, table.rendered, count].joined(separator: "\n")
    }

    private func recordText(
        _ recording: SweepRecording, target: Location, names: Names, timeFormat: TimeFormat, asOf: Date, isDryRun: Bool
    ) -> String {
        let language = timeFormat.language
        let words = Catalogue.sweep
        guard !recording.moved.isEmpty || !recording.notMoved.isEmpty else {
            return words.none.text(in: language, ["asOf": timeFormat.string(asOf)])
        }
        var lines: [String] = []
        if let first = recording.moves.first, let last = recording.moves.last {
            let one = recording.moves.count == 1
            let heading = isDryRun ? (one ? words.wouldMoveOne : words.wouldMove) : (one ? words.movedOne : words.moved)
            lines.append(
                heading.text(
                    in: language,
                    [
                        "count": String(recording.moves.count), "first": String(first.index), "last": String(last.index),
                        "location": Self.place(target.code, names, language),
                    ]))
            for (item, entry) in zip(recording.moved, recording.moves) {
                lines.append(
                    words.movedLine.text(
                        in: language,
                        [
                            "index": String(entry.index), "dossier": item.dossier, "name": Self.name(item, names, language),
                            "from": Self.whereabouts(item, names, language),
                        ]))
            }
        } else {
            lines.append(words.movedNone.text(in: language))
        }
        if !recording.notMoved.isEmpty {
            lines.append(words.notMoved.text(in: language, ["count": String(recording.notMoved.count)]))
            for item in recording.notMoved {
                lines.append(
                    words.notMovedLine.text(
                        in: language,
                        [
                            "dossier": item.dossier, "name": Self.name(item, names, language),
                            "status": Self.whereabouts(item, names, language),
                            "next": Self.next(item, language),
                        ]))
            }
        }
        return lines.joined(separator: "\n")
    }
}
