import Foundation
public import PropertyLedger

/// One request of the cabinet hook protocol, version 1 (docs/cabinet-protocol.md), read from one line.
///
/// The line comes from outside — a vendor's adapter — and is hostile until read: anything it lacks or gets
/// wrong is a ``Rejection`` with a reason and, when the id could be read, the id to answer with.
public struct CabinetRequest: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        case hello, authorize, door, inventory, alarm
    }

    /// The adapter's id for the request, echoed in the response.
    public enum ID: Sendable, Hashable {
        case string(String)
        case integer(Int64)
    }

    /// Who the cabinet identified.
    public enum Credential: Sendable, Hashable {
        case badge(String)
        /// A police IC card, by its UID (normalized).
        case card(String)
    }

    public enum Body: Sendable, Hashable {
        case hello(adapter: String?)
        case authorize(credential: Credential, witness: Credential?)
        case door(session: String, state: CabinetDoorChanged.State)
        case inventory(session: String?, round: InventoryRound)
        case alarm(kind: String, session: String?)
    }

    public let id: ID
    public let cabinet: String
    public let body: Body

    public var kind: Kind {
        switch body {
        case .hello: .hello
        case .authorize: .authorize
        case .door: .door
        case .inventory: .inventory
        case .alarm: .alarm
        }
    }

    /// A line that is not a request: why, and the id to answer with (nil when it could not be read).
    public struct Rejection: Error, Sendable, Hashable {
        public let id: ID?
        public let reason: Reason
    }

    /// Most tags one round may report: a line of 64 KiB holds fewer anyway.
    static let mostTags = 4_096

    /// The request `line` holds.
    ///
    /// - Throws: ``Rejection``: `cabinet-line-not-json`, `cabinet-version-unsupported`, `cabinet-type-unknown`,
    ///   `cabinet-field-invalid` naming the field.
    public init(line: some Collection<UInt8>) throws(Rejection) {
        guard let fields = JSONInput.parse(line) else { throw Rejection(id: nil, reason: .cabinetLineNotJSON) }
        guard fields.isObject else { throw Rejection(id: nil, reason: .cabinetVersionUnsupported) }
        let id = Self.id(fields["id"])
        func invalid(_ field: String) -> Rejection { Rejection(id: id, reason: .cabinetFieldInvalid(field)) }
        guard fields["v"]?.integer == 1 else { throw Rejection(id: id, reason: .cabinetVersionUnsupported) }
        guard let id else { throw invalid("id") }
        guard let typeName = fields["type"]?.string else { throw invalid("type") }
        guard let kind = Kind(rawValue: typeName) else { throw Rejection(id: id, reason: .cabinetTypeUnknown(String(typeName.prefix(40)))) }
        guard let cabinet = Self.text(fields["cabinet"]) else { throw invalid("cabinet") }
        func optionalText(_ field: String, in object: JSONInput = fields) throws(Rejection) -> String? {
            guard let value = object[field] else { return nil }
            guard let text = Self.text(value) else { throw invalid(field) }
            return text
        }
        self.id = id
        self.cabinet = cabinet
        switch kind {
        case .hello:
            body = .hello(adapter: fields["adapter"]?.string.map { String($0.prefix(200)) })
        case .authorize:
            guard let credential = try Self.credential(fields["credential"], field: "credential", invalid: invalid) else {
                throw invalid("credential")
            }
            body = .authorize(credential: credential, witness: try Self.credential(fields["witness"], field: "witness", invalid: invalid))
        case .door:
            guard let session = Self.text(fields["session"]) else { throw invalid("session") }
            guard let state = fields["state"]?.string.flatMap(CabinetDoorChanged.State.init(rawValue:)) else { throw invalid("state") }
            body = .door(session: session, state: state)
        case .inventory:
            let session = try optionalText("session")
            guard let round = fields["round"]?.integer, round >= 0, round <= Int64(Int32.max) else { throw invalid("round") }
            guard let complete = fields["complete"]?.bool else { throw invalid("complete") }
            guard case .array(let tags)? = fields["tags"], tags.count <= Self.mostTags else { throw invalid("tags") }
            var reads: [TagRead] = []
            reads.reserveCapacity(tags.count)
            for (offset, tag) in tags.enumerated() {
                let field = "tags[\(offset)]"
                guard tag.isObject else { throw invalid(field) }
                guard let typed = tag["uid"]?.string, let uid = try? ChipUID.normalize(typed) else { throw invalid(field + ".uid") }
                let slot = tag["slot"]
                guard slot == nil || Self.text(slot) != nil else { throw invalid(field + ".slot") }
                let rssi = tag["rssi"]
                guard rssi == nil || (rssi?.number.map(\.isFinite) ?? false) else { throw invalid(field + ".rssi") }
                let antenna = tag["antenna"]
                let antennaText = antenna?.integer.map(String.init) ?? Self.text(antenna)
                guard antenna == nil || antennaText != nil else { throw invalid(field + ".antenna") }
                reads.append(TagRead(uid: uid, slot: Self.text(slot), rssi: rssi?.number, antenna: antennaText))
            }
            body = .inventory(session: session, round: InventoryRound(round: Int(round), complete: complete, tags: reads))
        case .alarm:
            guard let kind = fields["kind"]?.string else { throw invalid("kind") }
            body = .alarm(kind: String(kind.prefix(64)), session: try optionalText("session"))
        }
    }

    private static func credential(_ value: JSONInput?, field: String, invalid: (String) -> Rejection) throws(Rejection) -> Credential? {
        guard let value else { return nil }
        guard value.isObject else { throw invalid(field) }
        if let badge = text(value["badge"]), value["card"] == nil { return .badge(badge) }
        if let card = value["card"]?.string, value["badge"] == nil {
            guard let uid = try? ChipUID.normalize(card) else { throw invalid(field + ".card") }
            return .card(uid)
        }
        throw invalid(field)
    }

    /// A non-empty string of at most 64 characters, trimmed and NFKC, without control characters: codes,
    /// badges and session ids.
    private static func text(_ value: JSONInput?) -> String? {
        guard let string = value?.string else { return nil }
        // Printable ASCII, every code and slot a cabinet sends, is its own NFKC form with no control character.
        if !string.isEmpty, string.utf8.count <= 64, string.utf8.allSatisfy({ $0 >= 0x21 && $0 <= 0x7E }) { return string }
        let text = string.precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty, text.count <= 64, text.unicodeScalars.allSatisfy({ !CharacterSet.controlCharacters.contains($0) }) else {
            return nil
        }
        return text
    }

    private static func id(_ value: JSONInput?) -> ID? {
        if let string = value?.string, string.utf8.count <= 128 { return .string(string) }
        if case .integer(let integer)? = value { return .integer(integer) }
        return nil
    }
}
