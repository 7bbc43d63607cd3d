import Foundation
import PropertyLedger

/// The custody commands: record under the rules, then show the current state.
extension CommandRunner {
    var actor: String? {
        invocation.actor ?? ProcessInfo.processInfo.environment["LEDGER_ACTOR"].flatMap { $0.isEmpty ? nil : $0 }
    }

    func record(_ command: CustodyCommand) async throws {
        let store = try await openStore()
        let recorded = try await store.record(command, actor: actor)
        struct Result: Encodable {
            let index: Int64
            let type: String
            let id: String?
            let entry: String
        }
        let object = recorded.entry.event.object
        let isRegistration: Bool
        switch recorded.entry.event {
        case .itemRegistered, .dossierRegistered: isRegistration = true
        default: isRegistration = false
        }
        var text =
            isRegistration
            ? "Registered \(object ?? "") (entry #\(recorded.index))"
            : "Recorded entry #\(recorded.index): \(recorded.entry.event.type)" + (object.map { " \($0)" } ?? "")
        // Echo the due time as the clerk means it, so a wrong zone shows at once.
        if case .checkedOut(let e) = recorded.entry.event { text += ", due \(Timestamp.display(e.due))" }
        try output.emit(
            Result(
                index: recorded.index, type: recorded.entry.event.type, id: isRegistration ? object : nil,
                entry: String(decoding: try recorded.entry.encoded(), as: UTF8.self)),
            text: text)
    }

    func officerList() async throws {
        let officers = try await openStore().officers()
        var table = TextTable("BADGE", "NAME", "ROLE", "UNIT", "STATUS")
        for o in officers { table.append(o.badge, o.name, o.role.rawValue, o.unit ?? "", o.isRetired ? "retired" : "active") }
        struct Result: Encodable {
            let officers: [Officer]
        }
        try output.emit(Result(officers: officers), text: table.rendered)
    }

    func locationList() async throws {
        let locations = try await openStore().locations()
        var table = TextTable("CODE", "NAME", "KIND", "PARENT", "CENTRAL")
        for l in locations { table.append(l.code, l.name, l.kind.rawValue, l.parent ?? "", l.isCentral ? "yes" : "") }
        struct Result: Encodable {
            let locations: [Location]
        }
        try output.emit(Result(locations: locations), text: table.rendered)
    }

    func caseShow(_ number: String) async throws {
        let store = try await openStore()
        guard let record = try await store.caseRecord(number) else { throw LedgerError(.notFound, "there is no case \(number)") }
        let objects = try await store.objects(matching: ObjectFilter(caseNumber: number))
        let people = try await People.read(from: store)
        struct Result: Encodable {
            let `case`: CaseRecord
            let objects: [ObjectJSON]
        }
        var table = TextTable("ID", "NAME", "STATUS", "WHERE")
        for o in objects {
            table.append(o.id, o.name, o.status.rawValue, o.location ?? o.holder.map { "held by \(people.name($0))" } ?? "")
        }
        let text = """
            \(record.number)  \(record.title)
              kind           \(record.kind.rawValue)\(record.isPropertyCrime ? ", property crime" : "")
              status         \(record.status.rawValue)
              opened         \(Timestamp.display(record.openedAt))
              last progress  \(Timestamp.display(record.lastProgressAt))

            \(table.rendered)
            """
        try output.emit(Result(case: record, objects: objects.map { ObjectJSON($0) }), text: text)
    }

    func show(_ reference: String) async throws {
        let store = try await openStore()
        let object = try await store.object(reference)
        let text = try await describe(object, store: store)
        try output.emit(ObjectJSON(object), text: text)
    }

    func whereIs(_ uid: String) async throws {
        let store = try await openStore()
        let object = try await store.object("chip:\(uid)")
        let text = try await describe(object, store: store)
        try output.emit(ObjectJSON(object), text: text)
    }

    /// What a clerk needs at a glance: what it is, its case, where it is or who holds it, anything overdue.
    private func describe(_ object: CustodyObject, store: LedgerStore) async throws -> String {
        let now = Timestamp.string(Date())
        let people = try await People.read(from: store)
        var lines = ["\(object.id)  \(object.name)" + (object.item.map { " ×\($0.quantity) \($0.unit)" } ?? "")]
        let record = try await store.caseRecord(object.caseNumber)
        lines.append("  case      \(object.caseNumber)" + (record.map { " \($0.title)" } ?? ""))
        switch object.status {
        case .inStorage:
            let name = try await object.location.asyncMap { try await store.location($0)?.name } ?? nil
            lines.append("  status    in storage at \(object.location ?? "?")" + (name.map { " (\($0))" } ?? ""))
        case .checkedOut:
            lines.append(
                "  status    checked out to \(object.holder.map(people.name) ?? "?"), due \(object.due.map { Timestamp.display($0) } ?? "?")"
                    + (object.isOverdue(at: now) ? "  ** OVERDUE **" : ""))
        case .registered:
            lines.append("  status    registered, not yet in storage")
        case .disposed:
            lines.append("  status    disposed of")
        }
        if let chip = object.chip { lines.append("  chip      \(chip)") }
        if let item = object.item {
            if let features = item.features { lines.append("  features  \(features)") }
            if let weight = item.weight { lines.append("  weight    \(weight)") }
            lines.append("  seized    \(Timestamp.display(item.seizedAt)) by \(people.names(item.seizedBy))")
        }
        if let dossier = object.dossier {
            lines.append("  volume    \(dossier.volume) of \(dossier.volumes), \(dossier.pages) pages")
        }
        lines.append("  entries   registered at #\(object.registeredAt), last #\(object.updatedAt)")
        return lines.joined(separator: "\n")
    }

    func history(_ reference: String, withProofs: Bool) async throws {
        let store = try await openStore()
        let history = try await store.history(of: reference)
        let checkpoint = withProofs ? try await store.checkpoint() : nil
        let people = try await People.read(from: store)
        struct Item: Encodable {
            let index: Int64
            let type, at: String
            let actor: String?
            let entry: String
            let receipt: String?
        }
        var items: [Item] = []
        var table = TextTable("#", "AT", "ACTOR", "EVENT", "DETAIL")
        for record in history {
            let receipt = try await checkpoint.asyncMap {
                try await store.receipt(index: record.index, size: Int64($0.checkpoint.size)).text
            }
            items.append(
                Item(
                    index: record.index, type: record.entry.event.type, at: record.entry.at, actor: record.entry.actor,
                    entry: String(decoding: record.bytes, as: UTF8.self), receipt: receipt))
            table.append(
                String(record.index), Timestamp.display(record.entry.at), record.entry.actor.map(people.name) ?? "",
                record.entry.event.type, summary(record.entry.event, people: people))
        }
        var text = table.rendered
        if let checkpoint {
            text +=
                "\n\nEach entry's inclusion proof verifies against the checkpoint at size \(checkpoint.checkpoint.size); "
                + "with --json each entry carries its receipt."
            for item in items {
                guard let receipt = item.receipt, let parsed = try? Receipt(parsing: receipt) else { continue }
                text += "\n#\(item.index): " + parsed.proof.map { String($0.base64EncodedString().prefix(12)) + "…" }.joined(separator: " ")
            }
        }
        struct Result: Encodable {
            let object: String
            let entries: [Item]
        }
        let id = try await store.resolve(reference)
        try output.emit(Result(object: id, entries: items), text: text)
    }

    func list(_ filter: ObjectFilter) async throws {
        let store = try await openStore()
        // A filter naming something that does not exist is a mistake to point out, not an empty list.
        if let number = filter.caseNumber, try await store.caseRecord(number) == nil {
            throw LedgerError(.notFound, "there is no case \(number)")
        }
        if let code = filter.location, try await store.location(code) == nil {
            throw LedgerError(.notFound, "there is no location \(code)")
        }
        let people = try await People.read(from: store)
        if let badge = filter.holder, people.name(badge) == badge {
            throw LedgerError(.notFound, "there is no officer \(badge)")
        }
        // One more than asked for says whether the list was cut short.
        var probe = filter
        probe.limit = filter.limit < Int.max ? filter.limit + 1 : filter.limit
        var objects = try await store.objects(matching: probe)
        let more = objects.count > filter.limit
        if more { objects.removeLast(objects.count - filter.limit) }
        let now = Timestamp.string(Date())
        var table = TextTable("ID", "KIND", "CASE", "NAME", "STATUS", "LOCATION/HOLDER", "DUE")
        for o in objects {
            table.append(
                o.id, o.kind.rawValue, o.caseNumber, o.name, o.status.rawValue, o.location ?? o.holder.map(people.name) ?? "",
                (o.due.map { Timestamp.display($0) } ?? "") + (o.isOverdue(at: now) ? " OVERDUE" : ""))
        }
        struct Result: Encodable {
            let objects: [ObjectJSON]
            let count: Int
            let more: Bool
        }
        let footer =
            more
            ? "(the first \(counted(objects.count, "object")); more match: raise --limit to see them)"
            : "(\(counted(objects.count, "object")))"
        try output.emit(
            Result(objects: objects.map { ObjectJSON($0) }, count: objects.count, more: more),
            text: (objects.isEmpty ? "" : table.rendered + "\n") + footer)
    }

    func rebuildCheck() async throws {
        let differences = try await openStore().rebuildCheck()
        struct Result: Encodable {
            let ok: Bool
            let differences: [String]
        }
        try output.emit(
            Result(ok: differences.isEmpty, differences: differences),
            text: differences.isEmpty
                ? "OK: the projections are exactly what the log produces"
                : (["FAILED: the projections differ from the log:"] + differences.map { "  \($0)" }).joined(separator: "\n"))
        if !differences.isEmpty {
            throw CommandFailure(status: .verificationFailed, message: "rebuild check failed: \(differences[0])", resultPrinted: true)
        }
    }

    private func summary(_ event: CustodyEvent, people: People) -> String {
        switch event {
        case .itemRegistered(let e): "\(e.name) ×\(e.quantity) \(e.unit), seized by \(people.names(e.seizedBy))"
        case .dossierRegistered(let e): "volume \(e.volume)/\(e.volumes), \(e.pages) pages"
        case .chipBound(let e): "chip \(e.uid)"
        case .chipReplaced(let e): "chip \(e.previousUID) → \(e.uid): \(e.reason)"
        case .checkedIn(let e): "→ \(e.location)"
        case .checkedOut(let e):
            "\(e.from) → \(people.name(e.to)) for \(e.reason.rawValue), approved by \(people.name(e.approvedBy)), due \(Timestamp.display(e.due))"
        case .returned(let e): "→ \(e.location) by \(people.name(e.by)), \(e.condition)"
        case .moved(let e): "\(e.from) → \(e.location)" + (e.reason.map { ": \($0)" } ?? "")
        case .disposed(let e): "\(e.method.rawValue), approved by \(people.name(e.approvedBy))" + (e.recipient.map { ", to \($0)" } ?? "")
        case .corrected(let e): "corrects #\(e.corrects) \(e.field): \(e.old) → \(e.new) (\(e.reason))"
        default: ""
        }
    }
}

extension Optional {
    /// `map` for an async transform.
    func asyncMap<U>(_ transform: (Wrapped) async throws -> U) async rethrows -> U? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
