/// What `ledger peer …`, `ledger witness add-checkpoint` and `ledger prove --consistency` print.
public struct TransferWords: CatalogueSection {
    public let peerAdded = Wording(
        zh: "已记录第 {index} 条：交换单位 {name}（{origin}）", en: "Recorded entry #{index}: peer {name} ({origin})")
    public let wouldAddPeer = Wording(
        zh: "将记录第 {index} 条：交换单位 {name}（{origin}）（演练，未写入）",
        en: "Would record entry #{index}: peer {name} ({origin}) (dry run; nothing written)")
    public let peerUnfrozen = Wording(
        zh: "已记录第 {index} 条：交换单位 {name} 解冻", en: "Recorded entry #{index}: peer {name} unfrozen")
    public let wouldUnfreezePeer = Wording(
        zh: "将记录第 {index} 条：交换单位 {name} 解冻（演练，未写入）", en: "Would record entry #{index}: peer {name} unfrozen (dry run; nothing written)")
    public let nameHeading = Wording(zh: "简称", en: "NAME")
    public let originHeading = Wording(zh: "台账标识", en: "ORIGIN")
    public let witnessedHeading = Wording(zh: "已见证规模", en: "WITNESSED")
    public let statusHeading = Wording(zh: "状态", en: "STATUS")
    public let active = Wording(zh: "正常", en: "active")
    public let frozen = Wording(zh: "已冻结（第 {index} 条）", en: "frozen (entry {index})")
    public let noPeers = Wording(zh: "尚未登记交换单位（ledger peer add NAME --key FILE）", en: "no peers yet (ledger peer add NAME --key FILE)")
    public let accepted = Wording(
        zh: "已见证 {name} 的台账：规模 {from} → {to}，一致性证明有效", en: "Witnessed {name}'s log: size {from} → {to}, consistent")
    public let acceptedFirst = Wording(
        zh: "已见证 {name} 的台账：规模 {to}（首个检查点，首次使用即信任）",
        en: "Witnessed {name}'s log: size {to} (its first checkpoint, trusted on first use)")
    public let unchanged = Wording(zh: "{name} 的台账仍为规模 {size}：本台账已持有该检查点", en: "{name}'s log is still at size {size}: held already")
}

extension Catalogue {
    public static let transferWords = TransferWords()
}
