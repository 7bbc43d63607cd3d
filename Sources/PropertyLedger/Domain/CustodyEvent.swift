/// What a custody entry records. Each case's payload is a small struct whose fields are written flat into the
/// entry's JSON object beside `v`, `type`, `at` and `actor` (see ``CustodyEntry``).
///
/// The format is permanent once written: add new types and optional fields; never change or remove one.
/// `docs/entry-format.md` documents every type and field.
public enum CustodyEvent: Sendable, Equatable {
    case officerAdded(OfficerAdded)
    case officerRetired(OfficerRetired)
    case locationAdded(LocationAdded)
    case caseOpened(CaseOpened)
    case caseProgressed(CaseProgressed)
    case caseSolved(CaseStatusChanged)
    case caseClosed(CaseStatusChanged)
    case itemRegistered(ItemRegistered)
    case dossierRegistered(DossierRegistered)
    case chipBound(ChipBound)
    case chipReplaced(ChipReplaced)
    case checkedIn(CheckedIn)
    case checkedOut(CheckedOut)
    case checkoutExtended(CheckoutExtended)
    case returned(Returned)
    case moved(Moved)
    case disposed(Disposed)
    case corrected(Corrected)
    case stocktakeRecorded(StocktakeRecorded)
    case keyEnrolled(KeyEnrolled)
    case keyRevoked(KeyRevoked)
    case signaturesRequired(SignaturesRequired)
    case transferredOut(TransferredOut)
    case objectReceived(ObjectReceived)

    /// The `type` field of the entry.
    public var type: String {
        switch self {
        case .officerAdded: "officer.added"
        case .officerRetired: "officer.retired"
        case .locationAdded: "location.added"
        case .caseOpened: "case.opened"
        case .caseProgressed: "case.progressed"
        case .caseSolved: "case.solved"
        case .caseClosed: "case.closed"
        case .itemRegistered: "item.registered"
        case .dossierRegistered: "dossier.registered"
        case .chipBound: "chip.bound"
        case .chipReplaced: "chip.replaced"
        case .checkedIn: "custody.checked-in"
        case .checkedOut: "custody.checked-out"
        case .checkoutExtended: "custody.checkout-extended"
        case .returned: "custody.returned"
        case .moved: "custody.moved"
        case .disposed: "custody.disposed"
        case .corrected: "correction"
        case .stocktakeRecorded: "stocktake.recorded"
        case .keyEnrolled: "key.enrolled"
        case .keyRevoked: "key.revoked"
        case .signaturesRequired: "log.signatures-required"
        case .transferredOut: "custody.transferred"
        case .objectReceived: "custody.received"
        }
    }

    /// The item or dossier the event concerns, if any: its history lists the event.
    public var object: String? {
        switch self {
        case .itemRegistered(let e): e.id
        case .dossierRegistered(let e): e.id
        case .chipBound(let e): e.object
        case .chipReplaced(let e): e.object
        case .checkedIn(let e): e.object
        case .checkedOut(let e): e.object
        case .checkoutExtended(let e): e.object
        case .returned(let e): e.object
        case .moved(let e): e.object
        case .disposed(let e): e.object
        case .corrected(let e): e.object
        case .transferredOut(let e): e.object
        case .objectReceived(let e): e.object
        default: nil
        }
    }
}

// MARK: People and places

/// A role an officer holds. Roles decide who may do what (separation of duties).
public enum Role: String, Sendable, Codable, CaseIterable {
    /// 涉案财物管理员: receives, binds chips, stores, issues and takes back.
    case clerk
    /// 办案民警: seizes, borrows for case work, records progress.
    case officer
    /// 法制/案管 supervisor, unit head: approves check-outs, disposals and exceptions.
    case supervisor
}

public struct OfficerAdded: Codable, Sendable, Equatable {
    public var badge: String
    public var name: String
    public var unit: String?
    public var role: Role
}

public struct OfficerRetired: Codable, Sendable, Equatable {
    public var badge: String
    public var reason: String?
    /// The objects the officer still held when retired (only with an explicit override), so the log explains
    /// why they are out with a retired officer. Absent when the officer held nothing.
    public var stillHolding: [String]?
}

/// site → room → cabinet → slot or shelf.
public enum LocationKind: String, Sendable, Codable, CaseIterable {
    case site, room, cabinet, slot, shelf
}

public struct LocationAdded: Codable, Sendable, Equatable {
    public var code: String
    public var name: String
    public var kind: LocationKind
    public var parent: String?
    /// Central storage of the case management centre (案管中心).
    public var central: Bool
}

// MARK: Cases

public enum CaseKind: String, Sendable, Codable, CaseIterable {
    /// 刑事
    case criminal
    /// 行政
    case administrative
}

public enum CaseStatus: String, Sendable, Codable, CaseIterable {
    /// 未破
    case unsolved
    /// 已破
    case solved
    /// 结案
    case closed
}

public struct CaseOpened: Codable, Sendable, Equatable {
    public var `case`: String
    public var title: String
    public var kind: CaseKind
    /// 侵财类: a property crime.
    public var propertyCrime: Bool
    /// The handling unit (办案单位), which the daily bulletin groups by: as given, else the opening officer's
    /// unit. Absent in entries written before it existed, and when neither was known.
    public var unit: String?
}

/// Substantive progress (实质性进展): restarts the one-month clock for unsolved dossiers.
public struct CaseProgressed: Codable, Sendable, Equatable {
    public var `case`: String
    public var note: String
}

public struct CaseStatusChanged: Codable, Sendable, Equatable {
    public var `case`: String
    public var note: String?
}

// MARK: Items, dossiers and chips

public struct ItemRegistered: Codable, Sendable, Equatable {
    /// Issued with the agency-code prefix, so it stays unique after a transfer: `P-370321-2026-000001`.
    public var id: String
    public var `case`: String
    public var name: String
    /// A decimal number as text, so no rounding ever changes it.
    public var quantity: String
    public var unit: String
    public var weight: String?
    public var features: String?
    public var source: String?
    public var seizedAt: String
    /// At least two officers seize.
    public var seizedBy: [String]
    /// SHA-256 digests (hex) of the photos; the photos themselves live elsewhere.
    public var photos: [String]?
}

public struct DossierRegistered: Codable, Sendable, Equatable {
    /// `D-370321-2026-000001`.
    public var id: String
    public var `case`: String
    public var title: String?
    public var volume: Int
    public var volumes: Int
    public var pages: Int
}

public struct ChipBound: Codable, Sendable, Equatable {
    public var object: String
    /// Upper-case hex, as read with `FF CA 00 00 00`.
    public var uid: String
}

public struct ChipReplaced: Codable, Sendable, Equatable {
    public var object: String
    public var previousUID: String
    public var uid: String
    public var reason: String
}

// MARK: Custody

public struct CheckedIn: Codable, Sendable, Equatable {
    public var object: String
    public var location: String
}

/// The legal reasons for a check-out (调用).
public enum CheckoutReason: String, Sendable, Codable, CaseIterable {
    case interrogation, appraisal, identification, examination, court, other
}

public struct CheckedOut: Codable, Sendable, Equatable {
    public var object: String
    /// The officer who takes it.
    public var to: String
    public var reason: CheckoutReason
    public var note: String?
    /// A supervisor who is not the recipient.
    public var approvedBy: String
    /// When it is due back (ISO 8601, UTC).
    public var due: String
    /// Where it was taken from.
    public var from: String
    /// The approver's signed approval of exactly this check-out; absent when he had no enrolled key.
    public var approval: SignedApproval? = nil
}

/// An extension of a check-out's due time (the register's 延期), approved by a supervisor who is not the
/// holder; the check-out's other terms stay.
public struct CheckoutExtended: Codable, Sendable, Equatable {
    public var object: String
    /// The new due time (ISO 8601, UTC).
    public var due: String
    /// The due time it replaces.
    public var previousDue: String
    public var approvedBy: String
    public var reason: String
    /// The approver's signed approval of exactly this extension; absent when he had no enrolled key.
    public var approval: SignedApproval? = nil
}

public struct Returned: Codable, Sendable, Equatable {
    public var object: String
    public var location: String
    /// The condition found on return (完好, 破损 …).
    public var condition: String
    /// Who brought it back.
    public var by: String
}

public struct Moved: Codable, Sendable, Equatable {
    public var object: String
    public var from: String
    public var location: String
    public var reason: String?
    /// The policy rule that required the move (`central-storage`), when a rule did; absent for a clerk's own.
    public var rule: String?
}

/// How an item leaves custody for good (处置).
public enum DisposalMethod: String, Sendable, Codable, CaseIterable {
    /// 发还: returned to the owner or a proxy, never to an officer.
    case returnedToOwner = "returned-to-owner"
    /// 没收
    case confiscated
    /// 销毁
    case destroyed
    /// 拍卖
    case auctioned
}

public struct Disposed: Codable, Sendable, Equatable {
    public var object: String
    public var method: DisposalMethod
    public var approvedBy: String
    /// For a return to the owner: the recipient's name (no ID or phone numbers: the log is permanent).
    public var recipient: String?
    public var note: String?
    /// The approver's signed approval of exactly this disposal; absent when he had no enrolled key.
    public var approval: SignedApproval? = nil
}

/// A correction never erases: it names the entry it corrects, keeps the old value and gives the reason.
public struct Corrected: Codable, Sendable, Equatable {
    /// The log index of the corrected entry.
    public var corrects: Int64
    /// The `type` of the corrected entry.
    public var correctedType: String
    /// What the corrected entry is about: a badge, a location code, a case number or an object id.
    public var subject: String
    /// The item or dossier, when the subject is one (its history then shows the correction).
    public var object: String?
    public var field: String
    public var old: String
    public var new: String
    public var reason: String
}

// MARK: Stocktakes

/// A stocktake (盘点) of a location: records traced to the shelf and shelf items back to records (IAPE
/// standard 21). Lists hold object ids, except `unknown`, which holds chip UIDs bound to nothing.
public struct StocktakeRecorded: Codable, Sendable, Equatable {
    public struct Counts: Codable, Sendable, Equatable {
        public var found: Int
        public var missing: Int
        public var misplaced: Int
        public var unknown: Int
    }

    public var location: String
    /// Recorded at the location (or below it) and seen.
    public var found: [String]
    /// Recorded at the location, not seen.
    public var missing: [String]
    /// Seen here, recorded elsewhere (or not in storage).
    public var misplaced: [String]
    /// Chips seen that are bound to no live object.
    public var unknown: [String]
    public var counts: Counts
}
