public import PropertyLedger

/// What each kind of entry is called where people read it (`custody.checked-out` → 出库, checked out): the
/// history's EVENT column, and what a command says it recorded.
///
/// ``name(of:)`` words every event through an exhaustive `switch`, so a new entry type without a name does not
/// compile; the entry's own `type` stays in JSON and in the log.
public struct EventNameWords: CatalogueSection {
    public let officerAdded = Wording(zh: "添加警员", en: "officer added")
    public let officerRetired = Wording(zh: "注销警员", en: "officer retired")
    public let locationAdded = Wording(zh: "添加存放位置", en: "location added")
    public let caseOpened = Wording(zh: "立案登记", en: "case opened")
    public let caseProgressed = Wording(zh: "案件进展", en: "case progress")
    public let caseSolved = Wording(zh: "案件告破", en: "case solved")
    public let caseClosed = Wording(zh: "结案", en: "case closed")
    public let itemRegistered = Wording(zh: "登记涉案财物", en: "item registered")
    public let dossierRegistered = Wording(zh: "登记案卷", en: "dossier registered")
    public let chipBound = Wording(zh: "绑定芯片", en: "chip bound")
    public let chipReplaced = Wording(zh: "更换芯片", en: "chip replaced")
    public let checkedIn = Wording(zh: "入库", en: "checked in")
    public let checkedOut = Wording(zh: "出库", en: "checked out")
    public let checkoutExtended = Wording(zh: "出库延期", en: "check-out extended")
    public let returned = Wording(zh: "归还入库", en: "returned")
    public let moved = Wording(zh: "移库", en: "moved")
    public let disposed = Wording(zh: "处置", en: "disposed of")
    public let corrected = Wording(zh: "更正", en: "correction")
    public let stocktakeRecorded = Wording(zh: "盘点", en: "stocktake")
    public let keyEnrolled = Wording(zh: "登记签名密钥", en: "signing key enrolled")
    public let keyRevoked = Wording(zh: "吊销签名密钥", en: "signing key revoked")
    public let signaturesRequired = Wording(zh: "启用强制签名", en: "signatures required")
    public let transferredOut = Wording(zh: "移交他单位", en: "transferred")
    public let objectReceived = Wording(zh: "接收移交", en: "received")
}

extension Catalogue {
    public static let eventNames = EventNameWords()
}

extension EventNameWords {
    /// The name of `event`'s kind of entry.
    public func name(of event: CustodyEvent) -> Wording {
        switch event {
        case .officerAdded: officerAdded
        case .officerRetired: officerRetired
        case .locationAdded: locationAdded
        case .caseOpened: caseOpened
        case .caseProgressed: caseProgressed
        case .caseSolved: caseSolved
        case .caseClosed: caseClosed
        case .itemRegistered: itemRegistered
        case .dossierRegistered: dossierRegistered
        case .chipBound: chipBound
        case .chipReplaced: chipReplaced
        case .checkedIn: checkedIn
        case .checkedOut: checkedOut
        case .checkoutExtended: checkoutExtended
        case .returned: returned
        case .moved: moved
        case .disposed: disposed
        case .corrected: corrected
        case .stocktakeRecorded: stocktakeRecorded
        case .keyEnrolled: keyEnrolled
        case .keyRevoked: keyRevoked
        case .signaturesRequired: signaturesRequired
        case .transferredOut: transferredOut
        case .objectReceived: objectReceived
        }
    }
}
