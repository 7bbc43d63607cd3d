public import LedgerPresentation
public import PropertyLedger

/// Each rule's name and the document it comes from, in both languages (docs/domain.md, docs/policy.md).
extension RuleID {
    public var name: Wording {
        switch self {
        case .centralStorage: Wording(zh: "未破案件案卷集中保管", en: "central storage of unsolved-case dossiers")
        case .intake: Wording(zh: "涉案财物按时入库", en: "items checked in on time")
        case .checkoutDue: Wording(zh: "调用按期归还", en: "check-outs returned when due")
        case .releaseUnrelated: Wording(zh: "与案件无关财物及时发还", en: "property unrelated to the case released")
        case .grades: Wording(zh: "临期分色预警", en: "colour grades of deadlines")
        case .cabinet: Wording(zh: "智能柜存取", en: "smart-cabinet custody")
        }
    }

    /// The source of the rule as it applies at an agency of `kind`: the intake limit of a procuratorate comes from
    /// the SPP's rules, everyone else's from the MPS's.
    public func source(for kind: Agency.Kind) -> Wording {
        switch self {
        case .centralStorage:
            Wording(
                zh: "洪泽县执法办案管理中心经验材料（未破的侵财类行政案件和无实质性进展超过一个月的未破刑事案件案卷，移交县案管中心集中保管）",
                en:
                    "report on the 洪泽 (Hongze) county law-enforcement case-handling management centre: dossiers of unsolved property-crime administrative cases and of unsolved criminal cases without substantive progress for more than a month go to the county case management centre"
            )
        case .intake where kind == .procuratorate:
            Wording(
                zh: "最高人民检察院《人民检察院刑事诉讼涉案财物管理规定》（2015）",
                en: "SPP, Provisions on the Management of Property Involved in Criminal Proceedings by People's Procuratorates (2015)")
        case .intake, .checkoutDue, .releaseUnrelated:
            Wording(
                zh: "公安部《公安机关涉案财物管理若干规定》（2015）",
                en: "MPS, Provisions on the Management of Property Involved in Cases by Public Security Organs (2015)")
        case .cabinet:
            Wording(
                zh: "公安部《公安机关涉案财物管理若干规定》（2015）；滨州市智能案卷柜双人确认交接经验材料；智能柜读取与核对规则见 docs/cabinet-protocol.md",
                en:
                    "MPS, Provisions on the Management of Property Involved in Cases by Public Security Organs (2015); report on 滨州 (Binzhou): the dossier cabinet opens once both parties confirm the handover; reading and reconciliation in docs/cabinet-protocol.md"
            )
        case .grades:
            Wording(
                zh: "成都市青羊区执法办案管理经验材料（临期分色预警，超期亮红牌）",
                en: "report on 青羊 (Qingyang) district, Chengdu: deadlines flagged by colour before they expire, a red card once overdue")
        }
    }
}
