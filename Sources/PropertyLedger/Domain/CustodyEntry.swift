public import Foundation

/// One custody entry: a JSON object with sorted keys holding the format version `v`, the `type`, the time
/// `at` (a claim, ISO 8601 UTC: order comes from the log index alone), the `actor`'s badge, and the event's
/// own fields.
///
/// The bytes are written once and stored exactly; they are decoded to rebuild projections and to show
/// history, never re-encoded.
public struct CustodyEntry: Sendable, Equatable {
    public static let formatVersion = 1

    public var at: String
    public var actor: String?
    /// The device that caused the entry, when one did (a cabinet reporting what was taken out).
    public var device: Device?
    public var event: CustodyEvent

    public init(at: String, actor: String?, device: Device? = nil, event: CustodyEvent) {
        self.at = at
        self.actor = actor
        self.device = device
        self.event = event
    }

    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    public static func decode(_ bytes: Data) throws -> CustodyEntry {
        try JSONDecoder().decode(CustodyEntry.self, from: bytes)
    }
}

extension CustodyEntry: Codable {
    public func encode(to encoder: any Encoder) throws {
        try EntryEnvelope(type: event.type, at: at, actor: actor, device: device).encode(to: encoder)
        // The payload's fields go into the same JSON object.
        switch event {
        case .officerAdded(let e): try e.encode(to: encoder)
        case .officerRetired(let e): try e.encode(to: encoder)
        case .locationAdded(let e): try e.encode(to: encoder)
        case .caseOpened(let e): try e.encode(to: encoder)
        case .caseProgressed(let e): try e.encode(to: encoder)
        case .caseSolved(let e), .caseClosed(let e): try e.encode(to: encoder)
        case .itemRegistered(let e): try e.encode(to: encoder)
        case .dossierRegistered(let e): try e.encode(to: encoder)
        case .chipBound(let e): try e.encode(to: encoder)
        case .chipReplaced(let e): try e.encode(to: encoder)
        case .checkedIn(let e): try e.encode(to: encoder)
        case .checkedOut(let e): try e.encode(to: encoder)
        case .checkoutExtended(let e): try e.encode(to: encoder)
        case .returned(let e): try e.encode(to: encoder)
        case .moved(let e): try e.encode(to: encoder)
        case .disposed(let e): try e.encode(to: encoder)
        case .corrected(let e): try e.encode(to: encoder)
        case .stocktakeRecorded(let e): try e.encode(to: encoder)
        case .keyEnrolled(let e): try e.encode(to: encoder)
        case .keyRevoked(let e): try e.encode(to: encoder)
        case .signaturesRequired(let e): try e.encode(to: encoder)
        case .transferredOut(let e): try e.encode(to: encoder)
        case .objectReceived(let e): try e.encode(to: encoder)
        }
    }

    public init(from decoder: any Decoder) throws {
        let envelope = try EntryEnvelope(from: decoder)
        guard envelope.v == Self.formatVersion else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "unknown entry format version \(envelope.v)"))
        }
        at = envelope.at
        actor = envelope.actor
        device = envelope.device
        switch envelope.type {
        case "officer.added": event = .officerAdded(try OfficerAdded(from: decoder))
        case "officer.retired": event = .officerRetired(try OfficerRetired(from: decoder))
        case "location.added": event = .locationAdded(try LocationAdded(from: decoder))
        case "case.opened": event = .caseOpened(try CaseOpened(from: decoder))
        case "case.progressed": event = .caseProgressed(try CaseProgressed(from: decoder))
        case "case.solved": event = .caseSolved(try CaseStatusChanged(from: decoder))
        case "case.closed": event = .caseClosed(try CaseStatusChanged(from: decoder))
        case "item.registered": event = .itemRegistered(try ItemRegistered(from: decoder))
        case "dossier.registered": event = .dossierRegistered(try DossierRegistered(from: decoder))
        case "chip.bound": event = .chipBound(try ChipBound(from: decoder))
        case "chip.replaced": event = .chipReplaced(try ChipReplaced(from: decoder))
        case "custody.checked-in": event = .checkedIn(try CheckedIn(from: decoder))
        case "custody.checked-out": event = .checkedOut(try CheckedOut(from: decoder))
        case "custody.checkout-extended": event = .checkoutExtended(try CheckoutExtended(from: decoder))
        case "custody.returned": event = .returned(try Returned(from: decoder))
        case "custody.moved": event = .moved(try Moved(from: decoder))
        case "custody.disposed": event = .disposed(try Disposed(from: decoder))
        case "correction": event = .corrected(try Corrected(from: decoder))
        case "stocktake.recorded": event = .stocktakeRecorded(try StocktakeRecorded(from: decoder))
        case "key.enrolled": event = .keyEnrolled(try KeyEnrolled(from: decoder))
        case "key.revoked": event = .keyRevoked(try KeyRevoked(from: decoder))
        case "log.signatures-required": event = .signaturesRequired(try SignaturesRequired(from: decoder))
        case "custody.transferred": event = .transferredOut(try TransferredOut(from: decoder))
        case "custody.received": event = .objectReceived(try ObjectReceived(from: decoder))
        default:
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "unknown entry type \(envelope.type)"))
        }
    }
}
