/// A response of the cabinet hook protocol, version 1, as `ledger cabinet run` reads it: every member it uses,
/// each optional (the message types answer with different members), and members it does not know ignored, as
/// the protocol asks of an adapter.
struct AdapterReply: Codable, Equatable {
    struct Failure: Codable, Equatable {
        var reason: String
        var message: String
        var args: [String: String]?
    }

    struct Cabinet: Codable, Equatable {
        struct Slot: Codable, Equatable {
            var code: String
            var name: String
        }
        var code: String
        var name: String
        var slots: [Slot]
    }

    /// `hello`'s running session.
    struct Running: Codable, Equatable {
        var session: String
        var state: String
    }

    struct Officer: Codable, Equatable {
        var badge: String
        var name: String
    }

    struct Expectation: Codable, Equatable {
        var take: [String]
        var put: [String]
    }

    struct Finding: Codable, Equatable {
        var id: String
        var kind: String
        var object: String?
        var uid: String?
        var slot: String?
        var detail: String?
    }

    struct Reconciled: Codable, Equatable {
        var session: String?
        var taken: [String]
        var returned: [String]
        var checkedIn: [String]
        var findings: [Finding]
    }

    var ok: Bool
    var error: Failure?
    // hello
    var cabinet: Cabinet?
    var running: Running?
    // authorize
    var allow: Bool?
    var session: String?
    var reason: String?
    var message: String?
    var officer: Officer?
    var expect: Expectation?
    // inventory
    var reconciled: Reconciled?
    var more: Bool?
    var verified: Bool?

    private enum CodingKeys: String, CodingKey {
        case ok, error, cabinet, running, allow, session, reason, message, officer, expect, reconciled, more, verified
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        ok = try container.decode(Bool.self, forKey: .ok)
        error = try container.decodeIfPresent(Failure.self, forKey: .error)
        cabinet = try container.decodeIfPresent(Cabinet.self, forKey: .cabinet)
        // `session` is a string in `authorize` and an object (or null) in `hello`.
        session = try? container.decodeIfPresent(String.self, forKey: .session)
        running =
            try container.decodeIfPresent(Running.self, forKey: .running)
            ?? (try? container.decodeIfPresent(Running.self, forKey: .session))
        allow = try container.decodeIfPresent(Bool.self, forKey: .allow)
        reason = try container.decodeIfPresent(String.self, forKey: .reason)
        message = try container.decodeIfPresent(String.self, forKey: .message)
        officer = try container.decodeIfPresent(Officer.self, forKey: .officer)
        expect = try container.decodeIfPresent(Expectation.self, forKey: .expect)
        reconciled = try container.decodeIfPresent(Reconciled.self, forKey: .reconciled)
        more = try container.decodeIfPresent(Bool.self, forKey: .more)
        verified = try container.decodeIfPresent(Bool.self, forKey: .verified)
    }
}
