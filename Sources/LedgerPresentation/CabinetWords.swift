/// The smart cabinets' commands: `officer card`, `checkout --at-cabinet`, `findings`, `finding resolve`,
/// `cabinet status`, `cabinet sessions`, and the finding kinds and session states they show.
public struct CabinetWords: CatalogueSection {
    public let cardBound = Wording(
        zh: "已记录第 {index} 条：警务卡 {card} 绑定给 {officer}", en: "Recorded entry #{index}: card {card} now identifies {officer}")
    public let cardWouldBind = Wording(
        zh: "试运行（未写入）：将记录为第 {index} 条：警务卡 {card} 绑定给 {officer}",
        en: "Would record entry #{index}: card {card} would identify {officer}")
    public let approved = Wording(
        zh: "已记录第 {index} 条：{recipient} 可于 {expires} 前在智能柜 {cabinet} 取出 {object}，应于 {due} 前归还；取出时记为出库",
        en: "Recorded entry #{index}: {recipient} may take {object} from cabinet {cabinet} until {expires}, due back {due}; "
            + "the check-out is recorded when it is taken")
    public let wouldApprove = Wording(
        zh: "试运行（未写入）：将记录为第 {index} 条：{recipient} 可于 {expires} 前在智能柜 {cabinet} 取出 {object}",
        en: "Would record entry #{index}: {recipient} may take {object} from cabinet {cabinet} until {expires}")
    public let resolved = Wording(zh: "已记录第 {index} 条：告警 {finding} 已处理", en: "Recorded entry #{index}: finding {finding} resolved")
    public let wouldResolve = Wording(
        zh: "试运行（未写入）：将记录为第 {index} 条：告警 {finding} 已处理", en: "Would record entry #{index}: finding {finding} resolved")

    // `ledger findings`
    public let noFindings = Wording(zh: "没有告警", en: "No findings")
    public let noOpenFindings = Wording(zh: "没有未处理的告警", en: "No open findings")
    public let findingHeading = Wording(zh: "编号", en: "FINDING")
    public let timeHeading = Wording(zh: "时间", en: "TIME")
    public let kindHeading = Wording(zh: "类型", en: "KIND")
    public let cabinetHeading = Wording(zh: "智能柜", en: "CABINET")
    public let objectHeading = Wording(zh: "财物/案卷", en: "OBJECT")
    public let officerHeading = Wording(zh: "民警", en: "OFFICER")
    public let statusHeading = Wording(zh: "状态", en: "STATUS")
    public let open = Wording(zh: "未处理", en: "open")
    public let resolvedBy = Wording(zh: "已处理（{officer}）", en: "resolved by {officer}")
    public let findingLabel = Wording(zh: "告警", en: "Finding")
    public let findingLine = Wording(
        zh: "{finding} {kind}（{place}，{at}，{officer}），待审批领导处理",
        en: "{finding} {kind} ({place}, {at}, {officer}), for a supervisor to resolve")
    public let dueFindings = Wording(zh: "未处理的智能柜告警（{count} 条）：", en: "Open cabinet findings ({count}):")
    public let findingCount = Wording(zh: "共 {count} 条告警，其中未处理 {open} 条", en: "{count} findings, {open} open")

    // Finding kinds
    public let unauthorisedRemoval = Wording(zh: "违规出库", en: "unauthorised removal")
    public let unexpectedDeposit = Wording(zh: "异常放入", en: "unexpected deposit")
    public let unknownTag = Wording(zh: "未知标签", en: "unknown tag")
    public let wrongSlot = Wording(zh: "错位存放", en: "wrong slot")
    public let missingAfterSession = Wording(zh: "会话后缺失", en: "missing after session")
    public let alarm = Wording(zh: "柜体告警", en: "alarm")
    public let sessionUnreconciled = Wording(zh: "会话未核对", en: "session unreconciled")

    // `ledger cabinet status` and `cabinet sessions`
    public let statusTitle = Wording(zh: "智能柜 {cabinet}（{name}）", en: "Cabinet {cabinet} ({name})")
    public let slotLine = Wording(zh: "  {slot}：{objects}", en: "  {slot}: {objects}")
    public let emptySlot = Wording(zh: "（空）", en: "(empty)")
    public let noSlot = Wording(zh: "未分格", en: "no slot")
    public let runningSession = Wording(
        zh: "进行中的会话：{session}（{state}，{officer}，始于 {at}）", en: "Running session: {session} ({state}, {officer}, since {at})")
    public let noRunningSession = Wording(zh: "没有进行中的会话", en: "No running session")
    public let openFindings = Wording(zh: "未处理的告警：{count} 条", en: "Open findings: {count}")
    public let noSessions = Wording(zh: "没有开门会话", en: "No door sessions")
    public let sessionHeading = Wording(zh: "会话", en: "SESSION")
    public let openedHeading = Wording(zh: "开始时间", en: "OPENED")
    public let stateHeading = Wording(zh: "状态", en: "STATE")
    public let takeHeading = Wording(zh: "可取", en: "TAKE")
    public let putHeading = Wording(zh: "可放回", en: "PUT")

    /// `ledger cabinet serve`, once listening.
    public let listening = Wording(zh: "智能柜服务已在 {path} 监听", en: "cabinet service listening at {path}")

    // Session states
    public let authorized = Wording(zh: "已授权", en: "authorized")
    public let doorOpen = Wording(zh: "柜门已开", en: "door open")
    public let doorClosed = Wording(zh: "待盘点", en: "awaiting inventory")
    public let reconciled = Wording(zh: "已核对", en: "reconciled")
    public let unreconciled = Wording(zh: "未核对", en: "unreconciled")
}

extension Catalogue {
    public static let cabinets = CabinetWords()
}
