import PropertyLedger

/// One response line of the protocol: `{"v":1,"id":…,"ok":true,…}` or `{"v":1,"id":…,"ok":false,"error":{…}}`,
/// keys sorted, on one line.
struct CabinetReply {
    let id: CabinetRequest.ID?
    let members: [String: JSONValue]

    static func ok(_ id: CabinetRequest.ID, _ members: [String: JSONValue] = [:]) -> CabinetReply {
        CabinetReply(id: id, members: members.merging(["ok": .bool(true)]) { _, new in new })
    }

    /// A refusal: the reason's id and arguments, and its wording in the cabinet's language.
    static func error(_ id: CabinetRequest.ID?, _ reason: Reason, message: String) -> CabinetReply {
        CabinetReply(
            id: id,
            members: [
                "ok": .bool(false),
                "error": .object([
                    "reason": .string(reason.id), "message": .string(message),
                    "args": .object(reason.arguments.mapValues(JSONValue.string)),
                ]),
            ])
    }

    var line: String {
        var all = members
        all["v"] = .integer(1)
        all["id"] =
            switch id {
            case .string(let text)?: .string(text)
            case .integer(let number)?: .integer(number)
            case nil: .null
            }
        return JSONValue.object(all).rendered()
    }
}

extension JSONValue {
    static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }
}
