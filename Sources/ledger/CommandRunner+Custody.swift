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
        let text =
            isRegistration
            ? "Registered \(object ?? "") (entry #\(recorded.index))"
            : "Recorded entry #\(recorded.index): \(recorded.entry.event.type)" + (object.map { " \($0)" } ?? "")
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
        try output.emit(officers, text: table.rendered)
    }

    func locationList() async throws {
        let locations = try await openStore().locations()
        var table = TextTable("CODE", "NAME", "KIND", "PARENT", "CENTRAL")
        for l in locations { table.append(l.code, l.name, l.kind.rawValue, l.parent ?? "", l.isCentral ? "yes" : "") }
        try output.emit(locations, text: table.rendered)
    }

    func caseShow(_ number: String) async throws {
        let store = try await openStore()
        guard let record = try await store.caseRecord(number) else { throw LedgerError(.notFound, "there is no case \(number)") }
        let objects = try await store.objects(matching: ObjectFilter(caseNumber: number))
        struct Result: Encodable {
            let `case`: CaseRecord
            let objects: [CustodyObject]
        }
        var table = TextTable("ID", "NAME", "STATUS", "WHERE")
        for o in objects { table.append(o.id, o.name, o.status.rawValue, o.location ?? o.holder.map { "held by \($0)" } ?? "") }
        let text = """
            \(record.number)  \(record.title)
              kind           \(record.kind.rawValue)\(record.isPropertyCrime ? ", property crime" : "")
              status         \(record.status.rawValue)
              opened         \(record.openedAt)
              last progress  \(record.lastProgressAt)

            \(table.rendered)
            """
        try output.emit(Result(case: record, objects: objects), text: text)
    }

    func show(_ reference: String) async throws {
        let store = try await openStore()
        let object = try await store.object(reference)
        let text = try await describe(object, store: store)
        try output.emit(object, text: text)
    }

    func whereIs(_ uid: String) async throws {
        let store = try await openStore()
        let object = try await store.object("chip:\(uid)")
        let text = try await describe(object, store: store)
        try output.emit(object, text: text)
    }

    /// What a clerk needs at a glance: what it is, its case, where it is or who holds it, anything overdue.
    private func describe(_ object: CustodyObject, store: LedgerStore) async throws -> String {
        let now = Timestamp.string(Date())
        var lines = ["\(object.id)  \(object.name)" + (object.item.map { " ×\($0.quantity) \($0.unit)" } ?? "")]
        let record = try await store.caseRecord(object.caseNumber)
        lines.append("  case      \(object.caseNumber)" + (record.map { " \($0.title)" } ?? ""))
        switch object.status {
        case .inStorage:
            let name = try await object.location.asyncMap { try await store.location($0)?.name } ?? nil
            lines.append("  status    in storage at \(object.location ?? "?")" + (name.map { " (\($0))" } ?? ""))
        case .checkedOut:
            lines.append(
                "  status    checked out to \(object.holder ?? "?"), due \(object.due ?? "?")"
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
            lines.append("  seized    \(item.seizedAt) by \(item.seizedBy.joined(separator: ", "))")
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
                String(record.index), record.entry.at, record.entry.actor ?? "", record.entry.event.type, summary(record.entry.event))
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
        try output.emit(items, text: text)
    }

    func list(_ filter: ObjectFilter) async throws {
        let objects = try await openStore().objects(matching: filter)
        let now = Timestamp.string(Date())
        var table = TextTable("ID", "KIND", "CASE", "NAME", "STATUS", "LOCATION/HOLDER", "DUE")
        for o in objects {
            table.append(
                o.id, o.kind.rawValue, o.caseNumber, o.name, o.status.rawValue, o.location ?? o.holder ?? "",
                (o.due ?? "") + (o.isOverdue(at: now) ? " OVERDUE" : ""))
        }
        try output.emit(objects, text: table.rendered + "\n(\(counted(objects.count, "object")))")
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

    private func summary(_ event: CustodyEvent) -> String {
        switch event {
        case .itemRegistered(let e): "\(e.name) ×\(e.quantity) \(e.unit), seized by \(e.seizedBy.joined(separator: ","))"
        case .dossierRegistered(let e): "volume \(e.volume)/\(e.volumes), \(e.pages) pages"
        case .chipBound(let e): "chip \(e.uid)"
        case .chipReplaced(let e): "chip \(e.previousUID) → \(e.uid): \(e.reason)"
        case .checkedIn(let e): "→ \(e.location)"
        case .checkedOut(let e): "\(e.from) → \(e.to) for \(e.reason.rawValue), approved by \(e.approvedBy), due \(e.due)"
        case .returned(let e): "→ \(e.location) by \(e.by), \(e.condition)"
        case .moved(let e): "\(e.from) → \(e.location)" + (e.reason.map { ": \($0)" } ?? "")
        case .disposed(let e): "\(e.method.rawValue), approved by \(e.approvedBy)" + (e.recipient.map { ", to \($0)" } ?? "")
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
