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
    public let witnessKeyRecorded = Wording(
        zh: "已记录第 {index} 条：交换单位 {name} 的见证公钥", en: "Recorded entry #{index}: the witness key of peer {name}")
    public let wouldRecordWitnessKey = Wording(
        zh: "将记录第 {index} 条：交换单位 {name} 的见证公钥（演练，未写入）",
        en: "Would record entry #{index}: the witness key of peer {name} (dry run; nothing written)")
    public let witnessListening = Wording(
        zh: "见证服务已在 http://{address}/add-checkpoint 监听", en: "witness listening at http://{address}/add-checkpoint")
    public let scanThenPressEnter = Wording(
        zh: "请逐一读取到达物品的芯片（清单共 {count} 件），完毕后按回车键。",
        en: "Read the chip of each object that arrived ({count} listed), then press Enter.")
    public let scanThenEndInput = Wording(
        zh: "请逐一读取到达物品的芯片（清单共 {count} 件），完毕后结束输入。",
        en: "Read the chip of each object that arrived ({count} listed), then end the input.")
    public let extraChips = Wording(
        zh: "清单外的芯片（已记录为多出）：{uids}", en: "Chips not in the list (recorded as extra): {uids}")
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
    public let created = Wording(
        zh: "移交 {transfer}：{count} 件移交给 {peer}，清单为第 {index} 条记录；移交文件：{path}",
        en: "Transfer {transfer}: {count} objects to {peer}, manifest entry #{index}; bundle: {path}")
    public let received = Wording(
        zh: "已接收移交 {transfer}（来自 {peer}，第 {index} 条记录）：确认 {confirmed} 件，损坏 {damaged} 件，缺失 {missing} 件；回执：{path}",
        en:
            "Received transfer {transfer} from {peer} (entry #{index}): {confirmed} confirmed, {damaged} damaged, {missing} missing; receipt: {path}"
    )
    public let closed = Wording(
        zh: "移交 {transfer} 已结（{peer} 的回执，第 {index} 条记录）：确认 {confirmed} 件，损坏 {damaged} 件，缺失 {missing} 件",
        en: "Transfer {transfer} closed on {peer}'s receipt (entry #{index}): {confirmed} confirmed, {damaged} damaged, {missing} missing")
    public let transferHeading = Wording(zh: "移交", en: "TRANSFER")
    public let directionHeading = Wording(zh: "方向", en: "WAY")
    public let peerHeading = Wording(zh: "对方", en: "PEER")
    public let caseHeading = Wording(zh: "案件", en: "CASE")
    public let objectsHeading = Wording(zh: "件数", en: "OBJECTS")
    public let stateHeading = Wording(zh: "状态", en: "STATE")
    public let sent = Wording(zh: "移出", en: "sent")
    public let receivedDirection = Wording(zh: "接收", en: "received")
    public let open = Wording(zh: "待回执", en: "awaiting the receipt")
    public let closedAt = Wording(zh: "已结（第 {index} 条）", en: "closed (entry {index})")
    public let noTransfers = Wording(zh: "没有移交", en: "no transfers")
    public let showHeading = Wording(
        zh: "移交 {transfer}  对方 {peer}  案件 {case}  方式 {mode}  {state}",
        en: "transfer {transfer}  peer {peer}  case {case}  mode {mode}  {state}")
    public let confirmed = Wording(zh: "确认", en: "confirmed")
    public let damaged = Wording(zh: "损坏", en: "damaged")
    public let missing = Wording(zh: "缺失", en: "missing")
    public let moveMode = Wording(zh: "随案移送", en: "move")
    public let custodyMode = Wording(zh: "权属移交，实物不动", en: "custody only, goods stay")
    public let awaited = Wording(zh: "待答复", en: "not answered yet")
    public let transferLabel = Wording(zh: "移交", en: "transfer")
    public let inTransfer = Wording(
        zh: "移交 {transfer}（给 {peer}）待回执：不得出库、移库或处置",
        en: "in transfer {transfer} to {peer}, awaiting the receipt: not to be checked out, moved or disposed of")
    public let transferredTo = Wording(
        zh: "已随移交 {transfer} 交给 {peer}，不在本单位保管", en: "handed to {peer} with transfer {transfer}: no longer in this agency's custody")
    public let reportedMissing = Wording(
        zh: "{peer} 在移交 {transfer} 的回执中答复缺失：仍由本单位负责，待查找",
        en: "answered missing by {peer} on the receipt of transfer {transfer}: still this agency's, to be found")
    public let receiptWritten = Wording(zh: "移交 {transfer} 的回执：{path}", en: "The receipt of transfer {transfer}: {path}")
    public let bundleWritten = Wording(zh: "移交 {transfer} 的移交文件：{path}", en: "The bundle of transfer {transfer}: {path}")
    public let unchanged = Wording(zh: "{name} 的台账仍为规模 {size}：本台账已持有该检查点", en: "{name}'s log is still at size {size}: held already")

    // The daily bulletin's transfer sections.
    public let openTransfersTitle = Wording(zh: "待回执的移交", en: "Transfers awaiting the receipt")
    public let discrepanciesTitle = Wording(zh: "移交中缺失或损坏的物品", en: "Objects found missing or damaged in a transfer")
    public let chaseReceipt = Wording(zh: "催收对方回执并结清移交", en: "obtain the receipt and close the transfer")
    public let locateMissing = Wording(zh: "查找缺失物品并说明情况", en: "locate the missing object and report")
    public let reviewDamage = Wording(zh: "核查损坏情况并记录", en: "review the damage and record it")
    public let peerLabel = Wording(zh: "对方", en: "peer")
    public let modeLabel = Wording(zh: "方式", en: "mode")
    public let objectCount = Wording(zh: "件数", en: "objects")
    public let sentAt = Wording(zh: "移交时间", en: "sent")
    public let waiting = Wording(zh: "已等待", en: "waiting for")
    public let resultLabel = Wording(zh: "结果", en: "result")
    public let noteLabel = Wording(zh: "说明", en: "note")
    public let wayLabel = Wording(zh: "方向", en: "way")
    public let answeredAt = Wording(zh: "答复时间", en: "answered")
}

extension Catalogue {
    public static let transferWords = TransferWords()
}

extension TransferWords {
    /// The word for what a receiver found of an object, by the result's raw value (`confirmed`, `damaged`,
    /// `missing`).
    public func result(_ result: some RawRepresentable<String>) -> Wording {
        switch result.rawValue {
        case "damaged": damaged
        case "missing": missing
        default: confirmed
        }
    }
}

extension TransferWords {
    /// The word for a transfer's mode, by its raw value (`move`, `custody`).
    public func mode(_ mode: some RawRepresentable<String>) -> Wording {
        mode.rawValue == "custody" ? custodyMode : moveMode
    }
}
