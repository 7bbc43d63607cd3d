/// `ledger cabinet run`: a cabinet made of PC/SC readers, one line for each thing that happens — what the clerk
/// typed and what the ledger answered, what the readers saw. The ledger's own messages (a denial, a request for
/// another round) come worded already and fill `{message}`.
public struct CabinetRunWords: CatalogueSection {
    // Starting
    public let ready = Wording(zh: "智能柜 {cabinet}（{name}）：{slots}", en: "Cabinet {cabinet} ({name}): {slots}")
    public let slotReaders = Wording(zh: "{slot} 格用读卡器 {readers}", en: "slot {slot} on {readers}")
    public let slotSeparator = Wording(zh: "；", en: "; ")
    public let cardReader = Wording(zh: "警务卡在读卡器 {reader} 上刷", en: "police IC cards are read on {reader}")
    public let prompt = Wording(
        zh: "请输入：authorize 警号 | authorize card 卡号 | open | close | quit",
        en: "type: authorize BADGE | authorize card UID | open | close | quit")
    public let resumed = Wording(
        zh: "会话 {session} 仍在进行（{state}），继续该会话", en: "session {session} is still running ({state}); going on with it")

    // What the clerk types
    public let unknownInput = Wording(
        zh: "无法识别“{line}”：请输入 authorize 警号、authorize card 卡号、open、close 或 quit",
        en: "cannot read \"{line}\": type authorize BADGE, authorize card UID, open, close or quit")
    public let noSession = Wording(zh: "没有进行中的会话：请先 authorize", en: "no session: authorize first")
    public let cardPresented = Wording(zh: "读卡器 {reader} 上刷卡 {card}", en: "card {card} presented on {reader}")
    public let cardUnreadable = Wording(
        zh: "读卡器 {reader} 上的卡无法读取（{detail}）：请重新刷卡", en: "the card on {reader} cannot be read ({detail}); present it again")

    // What the ledger answers
    public let allowed = Wording(
        zh: "准许开柜：{officer}，会话 {session}；可取出：{take}；可放回：{put}",
        en: "allowed: {officer}, session {session}; may take: {take}; may put back: {put}")
    public let officer = Wording(zh: "{name}（{badge}）", en: "{name} ({badge})")
    public let denied = Wording(zh: "拒绝开柜：{message}", en: "denied: {message}")
    public let doorOpened = Wording(
        zh: "会话 {session} 柜门已开：取放完毕后输入 close", en: "session {session}: door open; type close when done")
    public let doorClosed = Wording(
        zh: "会话 {session} 柜门已关：{settle} 秒后开始盘点，每 {interval} 秒一轮，直至台账核对完毕",
        en: "session {session}: door closed; inventory rounds from {settle} s on, every {interval} s, until the ledger reconciles")
    public let round = Wording(zh: "第 {round} 轮：{message}", en: "round {round}: {message}")
    public let roundIncomplete = Wording(zh: "第 {round} 轮不完整（{problems}）：{message}", en: "round {round} incomplete ({problems}): {message}")
    public let reconciled = Wording(
        zh: "会话 {session} 核对完毕：取出 {taken}；归还 {returned}；入库 {checkedIn}；告警 {findings}",
        en: "session {session} reconciled: taken {taken}; returned {returned}; checked in {checkedIn}; findings {findings}")
    public let unverified = Wording(
        zh: "会话 {session} 的盘点始终不一致，按未核对结束：告警 {findings}",
        en: "session {session}: the rounds never agreed; closed unreconciled, findings {findings}")
    public let patrolReconciled = Wording(
        zh: "巡检核对完毕：告警 {findings}", en: "patrol reconciled: findings {findings}")
    public let patrolUnverified = Wording(
        zh: "巡检的盘点始终不一致：未记录任何内容", en: "patrol: the rounds never agreed; nothing recorded")
    public let finding = Wording(zh: "{finding} {kind} {subject}", en: "{finding} {kind} {subject}")
    public let refused = Wording(zh: "台账未接受 {request} 请求：{message}", en: "the ledger refused the {request} request: {message}")
    /// An empty list (nothing taken, no findings).
    public let none = Wording(zh: "无", en: "none")
    public let listSeparator = Wording(zh: "、", en: ", ")

    // What the readers see
    public let tagPlaced = Wording(zh: "{slot} 格：读卡器 {reader} 上放入芯片 {uid}", en: "slot {slot}: tag {uid} placed on {reader}")
    public let tagLifted = Wording(zh: "{slot} 格：芯片已离开读卡器 {reader}", en: "slot {slot}: tag lifted from {reader}")
    public let tagUnreadable = Wording(
        zh: "{slot} 格：读卡器 {reader} 上的芯片无法读取（{detail}）：请拿起后重新放上",
        en: "slot {slot}: the tag on {reader} cannot be read ({detail}); lift it and place it again")
    public let tagPresent = Wording(zh: "{slot} 格：读卡器 {reader} 上有芯片 {uid}", en: "slot {slot}: tag {uid} on {reader}")
    public let tagUnreadableAtStart = Wording(
        zh: "{slot} 格：读卡器 {reader} 上的芯片无法读取：请拿起后重新放上", en: "slot {slot}: the tag on {reader} cannot be read; lift it and place it again")
    public let readerGone = Wording(zh: "读卡器 {reader} 已断开", en: "reader {reader} is gone")
    public let readerBack = Wording(zh: "读卡器 {reader} 已恢复", en: "reader {reader} is back")
    public let serviceLost = Wording(
        zh: "PC/SC 服务中断（{detail}）：恢复前的盘点都不完整", en: "the PC/SC service went away ({detail}); rounds are incomplete until it is back")
    public let serviceRestored = Wording(zh: "PC/SC 服务已恢复", en: "the PC/SC service is back")

    // Why a round is incomplete
    public let problemReaderMissing = Wording(zh: "{slot} 格没有读卡器 {reader}", en: "slot {slot}: no reader {reader}")
    public let problemTagUnreadable = Wording(zh: "{slot} 格的芯片无法读取", en: "slot {slot}: a tag cannot be read")
    public let problemServiceDown = Wording(zh: "PC/SC 服务不可用", en: "the PC/SC service is away")
}

extension Catalogue {
    public static let cabinetRun = CabinetRunWords()
}
