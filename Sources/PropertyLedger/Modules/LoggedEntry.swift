public import Foundation

/// Any entry of the log, read through the envelope every entry shares — `v`, `type`, `at`, `actor`, `device` —
/// with its exact bytes, so a module (or an export) can read entries whose payload only it knows.
public struct LoggedEntry: Sendable, Equatable {
    public let type: String
    /// When it was recorded, ISO 8601 UTC.
    public let at: String
    public let actor: String?
    /// The device that caused it, if one did.
    public let device: Device?
    /// The exact stored bytes.
    public let bytes: Data

    /// Reads the envelope of `bytes`; an unknown format version or a missing field is refused.
    public init(decoding bytes: Data) throws {
        let envelope: EntryEnvelope
        do {
            envelope = try JSONDecoder().decode(EntryEnvelope.self, from: bytes)
        } catch {
            throw LedgerError(.invalidInput, .notAnEntry)
        }
        guard envelope.v == CustodyEntry.formatVersion else {
            throw LedgerError(.invalidInput, .entryVersionUnknown(envelope.v))
        }
        self.type = envelope.type
        self.at = envelope.at
        self.actor = envelope.actor
        self.device = envelope.device
        self.bytes = bytes
    }

    /// The signed approval a module entry carries in its top-level `approval` member, if it has one (the
    /// store records its nonce as used, as it does a custody entry's).
    public var carriedApproval: SignedApproval? {
        guard bytes.range(of: Data(#""approval":"#.utf8)) != nil else { return nil }
        return (try? JSONDecoder().decode(ApprovalMember.self, from: bytes))?.approval
    }

    private struct ApprovalMember: Decodable {
        var approval: SignedApproval?
    }

    /// The entry's own fields, decoded as `Payload` (which ignores the envelope's keys).
    public func payload<Payload: Decodable>(_: Payload.Type) throws -> Payload {
        try JSONDecoder().decode(Payload.self, from: bytes)
    }
}

/// The fields of a module's entry: written flat beside the envelope's `v`, `type`, `at`, `actor` and `device`, with
/// sorted keys, exactly as custody entries are (docs/entry-format.md).
public protocol EntryPayload: Encodable, Sendable {
    /// The entry's `type`; one of its module's ``LedgerModule/entryTypes``.
    static var type: String { get }
}

/// The bytes of a module entry: the envelope and the payload in one JSON object.
struct ModuleEntryEncoding<Payload: EntryPayload>: Encodable {
    let at: String
    let actor: String?
    let device: Device?
    let payload: Payload

    func encode(to encoder: any Encoder) throws {
        try EntryEnvelope(type: Payload.type, at: at, actor: actor, device: device).encode(to: encoder)
        try payload.encode(to: encoder)
    }

    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
