public import LedgerPresentation

/// What must happen by a deadline, in both languages (`ledger due`, the bulletin).
extension Deadline.Action {
    public var wording: Wording {
        switch self {
        case .moveToCentralStorage: Wording(zh: "移交案管中心集中保管", en: "move to central storage")
        case .checkIn: Wording(zh: "办理入库", en: "check in")
        case .returnOrExtend: Wording(zh: "归还或办理延期", en: "return, or extend the check-out")
        case .returnToOwner: Wording(zh: "发还权利人", en: "return to the owner")
        }
    }
}
