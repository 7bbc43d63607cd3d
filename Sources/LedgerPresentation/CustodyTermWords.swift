public import PropertyLedger

/// The words for the custody codes (an object's status and kind, a case's kind and status, check-out reasons,
/// disposal methods, roles, kinds of location, an officer's standing, the return condition `intact`), as a
/// table cell or a short phrase shows them.
///
/// Each code is worded through an exhaustive `switch` (``word(_:)-swift.method``), so a new case without
/// wording does not compile. Roles and kinds of location have the same words as the reasons' term tables
/// (``Catalogue/terms``, `role-name` and `kind`), and the status words are those of the `status` terms; a
/// test holds them together, so one thing has one name.
public struct CustodyTermWords: CatalogueSection {
    // Where an object stands (`ObjectStatus`).
    public let registered = Wording(zh: "已登记", en: "registered")
    public let inStorage = Wording(zh: "在库", en: "in storage")
    public let checkedOut = Wording(zh: "已出库", en: "checked out")
    public let disposed = Wording(zh: "已处置", en: "disposed of")
    public let transferred = Wording(zh: "已移交", en: "transferred")

    // What it is (`ObjectKind`).
    public let item = Wording(zh: "涉案财物", en: "item")
    public let dossier = Wording(zh: "案卷", en: "dossier")

    // Cases (`CaseKind`, `CaseStatus`).
    public let criminal = Wording(zh: "刑事案件", en: "criminal")
    public let administrative = Wording(zh: "行政案件", en: "administrative")
    public let propertyCrime = Wording(zh: "侵财类", en: "property crime")
    public let unsolved = Wording(zh: "未破", en: "unsolved")
    public let solved = Wording(zh: "已破", en: "solved")
    public let closed = Wording(zh: "已结案", en: "closed")

    // Why an object is checked out (`CheckoutReason`, 调用事由).
    public let interrogation = Wording(zh: "讯问", en: "interrogation")
    public let appraisal = Wording(zh: "鉴定", en: "appraisal")
    public let identification = Wording(zh: "辨认", en: "identification")
    public let examination = Wording(zh: "检验", en: "examination")
    public let court = Wording(zh: "出庭", en: "court")
    public let otherReason = Wording(zh: "其他", en: "other")

    // How an item leaves custody (`DisposalMethod`).
    public let returnedToOwner = Wording(zh: "发还", en: "returned to the owner")
    public let confiscated = Wording(zh: "没收", en: "confiscated")
    public let destroyed = Wording(zh: "销毁", en: "destroyed")
    public let auctioned = Wording(zh: "拍卖", en: "auctioned")

    // Roles (`Role`), as the `role-name` terms word them.
    public let clerk = Wording(zh: "涉案财物管理员", en: "clerk")
    public let officer = Wording(zh: "办案民警", en: "officer")
    public let supervisor = Wording(zh: "审批领导", en: "supervisor")

    // Kinds of location (`LocationKind`), as the `kind` terms word them.
    public let site = Wording(zh: "场所", en: "site")
    public let room = Wording(zh: "保管室", en: "room")
    public let cabinet = Wording(zh: "智能柜", en: "cabinet")
    public let slot = Wording(zh: "柜格", en: "slot")
    public let shelf = Wording(zh: "货架", en: "shelf")

    // An officer's standing.
    public let active = Wording(zh: "在职", en: "active")
    public let retired = Wording(zh: "已注销", en: "retired")

    /// The return condition recorded when nobody gave one (the code ``PropertyLedger/Returned/intact``).
    public let intact = Wording(zh: "完好", en: "intact")
}

extension Catalogue {
    public static let custodyTerms = CustodyTermWords()
}

extension CustodyTermWords {
    public func word(_ status: ObjectStatus) -> Wording {
        switch status {
        case .registered: registered
        case .inStorage: inStorage
        case .checkedOut: checkedOut
        case .disposed: disposed
        case .transferred: transferred
        }
    }

    public func word(_ kind: ObjectKind) -> Wording {
        switch kind {
        case .item: item
        case .dossier: dossier
        }
    }

    public func word(_ kind: CaseKind) -> Wording {
        switch kind {
        case .criminal: criminal
        case .administrative: administrative
        }
    }

    public func word(_ status: CaseStatus) -> Wording {
        switch status {
        case .unsolved: unsolved
        case .solved: solved
        case .closed: closed
        }
    }

    public func word(_ reason: CheckoutReason) -> Wording {
        switch reason {
        case .interrogation: interrogation
        case .appraisal: appraisal
        case .identification: identification
        case .examination: examination
        case .court: court
        case .other: otherReason
        }
    }

    public func word(_ method: DisposalMethod) -> Wording {
        switch method {
        case .returnedToOwner: returnedToOwner
        case .confiscated: confiscated
        case .destroyed: destroyed
        case .auctioned: auctioned
        }
    }

    public func word(_ role: Role) -> Wording {
        switch role {
        case .clerk: clerk
        case .officer: officer
        case .supervisor: supervisor
        }
    }

    public func word(_ kind: LocationKind) -> Wording {
        switch kind {
        case .site: site
        case .room: room
        case .cabinet: cabinet
        case .slot: slot
        case .shelf: shelf
        }
    }

    /// `active` or `retired`.
    public func standing(isRetired: Bool) -> Wording { isRetired ? retired : active }

    /// A return's condition as people read it: the code `intact` in words, anything else (people's own words,
    /// or `完好` in entries written before the code) as it was typed.
    public func condition(_ recorded: String, in language: Language) -> String {
        recorded == Returned.intact ? intact.text(in: language) : recorded
    }
}
