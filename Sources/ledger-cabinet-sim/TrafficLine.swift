import CabinetSimulator
import Foundation

/// One line of the simulator's transcript for a request sent (`→ …`) or a response received (`← …`).
///
/// Protocol words (types, fields, reason ids) stay as the protocol spells them, in either language; what the
/// ledger wrote for people (`message`) is shown as it came.
enum TrafficLine {
    static func text(for traffic: CabinetTraffic, showsJSON: Bool) -> String {
        switch traffic {
        case .sent(let line): "→ " + (showsJSON ? line : request(line))
        case .received(let response): "← " + (showsJSON ? response.line : self.response(response))
        }
    }

    static func request(_ line: String) -> String {
        guard let request = try? JSONValue(parsing: Data(line.utf8)), let type = request["type"]?.stringValue else {
            return line
        }
        switch type {
        case "hello":
            return "hello adapter \(request["adapter"].map(String.init(describing:)) ?? "–")"
        case "authorize":
            var text = "authorize " + credential(request["credential"])
            if let witness = request["witness"] { text += " witness " + credential(witness) }
            return text
        case "door":
            return "door \(request["state"].map(String.init(describing:)) ?? "?") session \(value(request["session"]))"
        case "inventory":
            let reads = request["tags"]?.arrayValue ?? []
            let tags = Set(reads.compactMap { $0["uid"]?.stringValue })
            let complete = request["complete"]?.boolValue == true ? "complete" : "incomplete"
            return "inventory round \(value(request["round"])) \(complete) · \(tags.count) tags in \(reads.count) reads"
        case "alarm":
            var text = "alarm \(value(request["kind"]))"
            if let session = request["session"] { text += " session \(value(session))" }
            return text
        default:
            return line
        }
    }

    static func response(_ response: CabinetResponse) -> String {
        if let error = response.error {
            return "error \(error.reason)" + (error.message.map { ": " + $0 } ?? "")
        }
        guard response.isOK else { return response.line }
        if let cabinet = response.cabinet {
            let slots = cabinet.slots.map(\.code).joined(separator: " ")
            return "cabinet \(cabinet.code)" + (cabinet.name.map { " \"\($0)\"" } ?? "") + " · slots " + slots
        }
        if response.fields["allow"] != nil {
            guard response.isAllowed else {
                return "deny \(response.reason ?? "–")" + (response.message.map { ": " + $0 } ?? "")
            }
            var text = "allow session \(value(response.session))"
            if let officer = response.officer {
                text += " · officer " + [officer["badge"], officer["name"]].compactMap { $0.map(value) }.joined(separator: " ")
            }
            return text + " · take \(list(response.expectedTakes)) · put \(list(response.expectedPuts))"
        }
        if let reconciled = response.reconciled {
            return "reconciled session \(value(reconciled.session)) · taken \(list(reconciled.taken))"
                + " · returned \(list(reconciled.returned)) · checked in \(list(reconciled.checkedIn))"
                + " · findings \(reconciled.findings.count)"
        }
        if response.wantsAnotherRound { return "more" + (response.reason.map { ": " + $0 } ?? "") }
        if let finding = response.findingID { return "finding \(value(finding))" }
        return "ok"
    }

    /// A finding, indented under the transcript.
    static func finding(_ finding: CabinetFinding) -> String {
        var text = "  \(value(finding.id)) \(finding.kind)"
        if let object = finding.object { text += " object \(value(object))" }
        if let uid = finding.uid { text += " uid \(uid)" }
        return text
    }

    private static func credential(_ credential: JSONValue?) -> String {
        guard let members = credential?.objectValue, let (kind, id) = members.min(by: { $0.key < $1.key }) else {
            return "?"
        }
        return "\(kind) \(value(id))"
    }

    /// An object as the ledger named it: a string or number as itself, an object by its first naming member.
    static func value(_ value: JSONValue?) -> String {
        guard let value, !value.isNull else { return "–" }
        if value.objectValue != nil {
            for key in ["object", "number", "id", "uid", "label", "name"] {
                if let name = value[key], name.objectValue == nil { return name.description }
            }
        }
        return value.description
    }

    private static func list(_ values: [JSONValue]) -> String {
        values.isEmpty ? "–" : values.map(value).joined(separator: ", ")
    }
}
