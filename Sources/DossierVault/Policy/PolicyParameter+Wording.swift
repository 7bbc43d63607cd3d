public import LedgerPresentation

/// Each parameter's name in both languages, for `ledger policy show`.
extension PolicyParameter {
    public var wording: Wording {
        switch self {
        case .centralStorageMonths: Wording(zh: "无实质性进展的月数", en: "months without substantive progress")
        case .intakeLimit: Wording(zh: "扣押后入库时限", en: "time from seizure to check-in")
        case .releaseUnrelatedLimit: Wording(zh: "认定无关后发还时限", en: "time from marking unrelated to release")
        case .gradesYellow: Wording(zh: "剩余时间不超过此值为黄色", en: "yellow at or below this time left")
        case .gradesOrange: Wording(zh: "剩余时间不超过此值为橙色", en: "orange at or below this time left")
        case .cabinetApprovalValid: Wording(zh: "柜内调用审批的有效期", en: "how long an approval to take from a cabinet lasts")
        case .cabinetTwoPerson: Wording(zh: "存取须保管员同时刷卡确认（双人）", en: "a clerk's credential beside the officer's (two persons)")
        case .cabinetAgreeingRounds: Wording(zh: "认定变化所需一致的完整盘点轮数", en: "agreeing complete inventory rounds before a change is believed")
        case .cabinetSessionTimeout: Wording(zh: "开门会话未核对完毕的最长时间", en: "the longest a door session may stay unreconciled")
        }
    }
}
