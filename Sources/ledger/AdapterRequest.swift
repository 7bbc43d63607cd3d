/// A request of the cabinet hook protocol, version 1 (docs/cabinet-protocol.md), as `ledger cabinet run` builds
/// it: the members a vendor's adapter would send, nothing the protocol does not define.
struct AdapterRequest: Encodable {
    /// Who the cabinet identified: `{"badge": B}` or `{"card": UID}`.
    struct Credential: Encodable, Equatable {
        var badge: String?
        var card: String?

        static func badge(_ badge: String) -> Credential { Credential(badge: badge) }
        static func card(_ uid: String) -> Credential { Credential(card: uid) }
    }

    /// One read: the tag, the slot whose reader read it, and that reader as the antenna.
    struct Tag: Encodable, Equatable {
        var uid: String
        var slot: String
        var antenna: String
    }

    let v = 1
    var id: Int
    var type: String
    var cabinet: String
    var adapter: String?
    var credential: Credential?
    var witness: Credential?
    var session: String?
    var state: String?
    var round: Int?
    var complete: Bool?
    var tags: [Tag]?

    init(id: Int, type: String, cabinet: String) {
        self.id = id
        self.type = type
        self.cabinet = cabinet
    }

    static func hello(cabinet: String) -> Self {
        var request = Self(id: 0, type: "hello", cabinet: cabinet)
        request.adapter = "ledger-cabinet-run/1"
        return request
    }

    static func authorize(_ credential: Credential, witness: Credential?, cabinet: String) -> Self {
        var request = Self(id: 0, type: "authorize", cabinet: cabinet)
        request.credential = credential
        request.witness = witness
        return request
    }

    static func door(_ state: String, session: String, cabinet: String) -> Self {
        var request = Self(id: 0, type: "door", cabinet: cabinet)
        request.session = session
        request.state = state
        return request
    }

    /// A round; `session` nil for a patrol.
    static func inventory(round: Int, complete: Bool, tags: [Tag], session: String?, cabinet: String) -> Self {
        var request = Self(id: 0, type: "inventory", cabinet: cabinet)
        request.session = session
        request.round = round
        request.complete = complete
        request.tags = tags
        return request
    }
}
