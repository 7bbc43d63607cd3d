/// `custody.transferred`: the object left this agency's custody for another agency's — recorded on that
/// agency's receipt (the Transfers module), never before: like a detention centre acting on a stamped 换押证.
public struct TransferredOut: Codable, Sendable, Equatable {
    public var object: String
    /// The receiving log's origin.
    public var to: String
    /// The transfer it went with.
    public var transfer: String

    public init(object: String, to: String, transfer: String) {
        self.object = object
        self.to = to
        self.transfer = transfer
    }
}

/// `custody.received`: an object another agency handed over enters this agency's custody under its original
/// id (一物一码), for one of this agency's cases, registered with the sender's record — not re-keyed. It is then
/// checked in like any registered object.
public struct ObjectReceived: Codable, Sendable, Equatable {
    public var object: String
    public var kind: ObjectKind
    /// This agency's case it is received for.
    public var `case`: String
    /// The sending log's origin, and the transfer it came with.
    public var from: String
    public var transfer: String
    /// The sender's registration as its log holds it (corrections applied), with `case` this agency's.
    public var item: ItemRegistered?
    public var dossier: DossierRegistered?
    /// The chip it carries, bound here too when no other object here has it.
    public var chip: String?
    /// When custody changed on paper and the goods stayed put (权属移交，实物不动): the origin of the agency they
    /// stay with. Such an object is not checked in here.
    public var heldBy: String?

    public init(
        object: String, kind: ObjectKind, case caseNumber: String, from: String, transfer: String, item: ItemRegistered?,
        dossier: DossierRegistered?, chip: String?, heldBy: String? = nil
    ) {
        self.heldBy = heldBy
        self.object = object
        self.kind = kind
        self.case = caseNumber
        self.from = from
        self.transfer = transfer
        self.item = item
        self.dossier = dossier
        self.chip = chip
    }
}
