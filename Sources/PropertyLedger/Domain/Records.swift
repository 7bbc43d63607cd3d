public import Foundation

/// The current state of things, as derived from the log (the projections).

public struct Officer: Sendable, Codable, Equatable {
    public var badge: String
    public var name: String
    public var unit: String?
    public var role: Role
    /// A retired officer can do nothing: not act, receive, approve or seize.
    public var isRetired: Bool
}

public struct Location: Sendable, Codable, Equatable {
    public var code: String
    public var name: String
    public var kind: LocationKind
    public var parent: String?
    public var isCentral: Bool
}

public struct CaseRecord: Sendable, Codable, Equatable {
    public var number: String
    public var title: String
    public var kind: CaseKind
    public var isPropertyCrime: Bool
    public var status: CaseStatus
    public var openedAt: String
    /// The last substantive progress, or the opening: the one-month rule counts from here.
    public var lastProgressAt: String
    /// The handling unit (办案单位), if known.
    public var unit: String?
}

/// Where an item or dossier stands.
public enum ObjectStatus: String, Sendable, Codable, CaseIterable {
    /// Registered, not yet handed to the property room.
    case registered
    case inStorage = "in-storage"
    case checkedOut = "checked-out"
    /// Left custody for good (items only).
    case disposed
    /// Handed to another agency's custody on its receipt (a transfer); this agency keeps only the record.
    case transferred
}

public enum ObjectKind: String, Sendable, Codable, CaseIterable {
    case item, dossier
}

/// Volume `volume` of `volumes` of a case's dossier.
public struct DossierVolume: Sendable, Codable, Equatable {
    public var volume: Int
    public var volumes: Int

    public init(volume: Int, volumes: Int) {
        self.volume = volume
        self.volumes = volumes
    }
}

/// An item (涉案财物) or a dossier volume (案卷), with where it is and who holds it.
public struct CustodyObject: Sendable, Codable, Equatable {
    public var id: String
    public var kind: ObjectKind
    public var caseNumber: String
    public var name: String
    public var status: ObjectStatus
    public var location: String?
    public var holder: String?
    /// When a checked-out object is due back (ISO 8601, UTC).
    public var due: String?
    public var chip: String?
    /// The registration, with corrections applied.
    public var item: ItemRegistered?
    public var dossier: DossierRegistered?
    /// The log index of the registration and of the latest entry about the object.
    public var registeredAt: Int64
    public var updatedAt: Int64
    /// Where a checked-out object was taken from (its place in storage while it is out); nil otherwise.
    public var checkedOutFrom: String?
    /// A dossier's volume number, read even when the registration is not (what its name shows when untitled).
    public var volume: DossierVolume?

    /// Whether it is checked out past its due time at `now` (ISO 8601 strings in UTC compare as text).
    public func isOverdue(at now: String) -> Bool {
        status == .checkedOut && (due.map { $0 < now } ?? false)
    }
}

// MARK: Times as dates

extension CaseRecord {
    /// When the case was opened; nil only if the stored text is damaged.
    public var openedDate: Date? { Timestamp.storedDate(openedAt) }
    /// The last substantive progress, or the opening.
    public var lastProgressDate: Date? { Timestamp.storedDate(lastProgressAt) }
}

extension CustodyObject {
    /// When a checked-out object is due back.
    public var dueDate: Date? { due.flatMap(Timestamp.storedDate) }
}

extension CustodyEntry {
    /// When the entry was recorded (a claim: order comes from the log index).
    public var date: Date? { Timestamp.storedDate(at) }
}
