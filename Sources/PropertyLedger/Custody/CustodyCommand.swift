public import Foundation

/// Something a user asks the ledger to record. The rules (``CustodyRules``) turn it into a ``CustodyEntry``
/// or refuse it; nothing is written when they refuse.
public enum CustodyCommand: Sendable, Equatable {
    case addOfficer(badge: String, name: String, unit: String?, role: Role)
    /// Refused for the last active supervisor, and for an officer who still holds checked-out objects unless
    /// `overridesHoldings` is set and a `reason` is given (the entry then lists what is still held).
    case retireOfficer(badge: String, reason: String?, overridesHoldings: Bool = false)
    case addLocation(code: String, name: String, kind: LocationKind, parent: String?, isCentral: Bool)
    /// `unit`: the handling unit; by default the acting officer's.
    case openCase(number: String, title: String, kind: CaseKind, isPropertyCrime: Bool, unit: String? = nil)
    case recordProgress(caseNumber: String, note: String)
    case solveCase(caseNumber: String, note: String?)
    case closeCase(caseNumber: String, note: String?)
    case registerItem(ItemRegistration)
    case registerDossier(DossierRegistration)
    case bindChip(object: String, uid: String)
    case replaceChip(object: String, uid: String, reason: String)
    /// `caseNumber`, when given, must be the object's case.
    case checkIn(object: String, location: String, caseNumber: String?)
    /// `approval`: the approver's signed approval (``SignedApproval``), required once he has an enrolled key.
    case checkOut(
        object: String, to: String, reason: CheckoutReason, approvedBy: String, due: Date, note: String?, caseNumber: String?,
        approval: SignedApproval? = nil)
    /// A later due time for a checked-out object, approved by a supervisor who is not its holder.
    case extendCheckout(
        object: String, due: Date, approvedBy: String, reason: String, caseNumber: String? = nil, approval: SignedApproval? = nil)
    /// `by` is who brings it back; by default the holder.
    case returnObject(object: String, location: String, condition: String, by: String?, caseNumber: String?)
    /// `rule`: the policy rule that requires the move, when one does (named in the entry).
    case move(object: String, location: String, reason: String?, caseNumber: String?, rule: String? = nil)
    case dispose(
        object: String, method: DisposalMethod, approvedBy: String, recipient: String?, note: String?, caseNumber: String?,
        approval: SignedApproval? = nil)
    case correct(index: Int64, field: String, value: String, reason: String)
    /// A stocktake of `location`: the chip UIDs seen there in one round.
    case recordStocktake(location: String, seenUIDs: [String])
    /// A signing key for an officer (or a device): witnessed by a supervisor who signs the entry; the first
    /// supervisor's own while no supervisor has one; a replacement (``KeyEnrolment/replaces``) by its holder,
    /// signed with the key it replaces.
    case enrollKey(KeyEnrolment)
    /// Revokes an enrolled key, by a supervisor or its holder.
    case revokeKey(key: String, reason: String)
    /// From this entry on every entry must be signed; by a supervisor with a key. It cannot be undone.
    case requireSignatures(reason: String)
    /// The object, in storage, leaves for the agency whose log has origin `to`, on its receipt of `transfer`
    /// (recorded by the Transfers module when the receipt checks out).
    case transferOut(object: String, to: String, transfer: String)
    /// An object another agency handed over enters custody here, with the sender's record, for a case of this
    /// agency (recorded by the Transfers module from a bundle it checked).
    case receiveObject(ObjectReceived)
}

public struct ItemRegistration: Sendable, Equatable {
    public var caseNumber: String
    public var name: String
    public var quantity: String
    public var unit: String
    public var weight: String?
    public var features: String?
    public var source: String?
    public var seizedAt: Date?
    public var seizedBy: [String]
    public var photos: [String]

    public init(
        caseNumber: String, name: String, quantity: String, unit: String, weight: String? = nil, features: String? = nil,
        source: String? = nil, seizedAt: Date? = nil, seizedBy: [String], photos: [String] = []
    ) {
        self.caseNumber = caseNumber
        self.name = name
        self.quantity = quantity
        self.unit = unit
        self.weight = weight
        self.features = features
        self.source = source
        self.seizedAt = seizedAt
        self.seizedBy = seizedBy
        self.photos = photos
    }
}

public struct DossierRegistration: Sendable, Equatable {
    public var caseNumber: String
    public var title: String?
    public var volume: Int
    public var volumes: Int
    public var pages: Int

    public init(caseNumber: String, title: String? = nil, volume: Int, volumes: Int, pages: Int) {
        self.caseNumber = caseNumber
        self.title = title
        self.volume = volume
        self.volumes = volumes
        self.pages = pages
    }
}

/// What ``LedgerStore/record(_:actor:at:)`` wrote.
public struct RecordedEntry: Sendable, Equatable {
    public var index: Int64
    public var entry: CustodyEntry
    /// The entry's exact bytes as stored (with its signature, when it has one); as they would be, for an evaluation.
    public var bytes: Data
}
