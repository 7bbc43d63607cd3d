/// The daily problem bulletin's own words (每日执法问题通报): its heading, the sections, the labels of what each
/// row states, what to do, the grades and rules, in the text, HTML and (for nothing but its section titles)
/// JSON forms. The rows' values are codes and people's words; these words frame them.
public struct BulletinWords: CatalogueSection {
    public let title = Wording(zh: "每日执法问题通报", en: "Daily problem bulletin")
    /// The HTML document's title, as a browser tab or a printed page header shows it.
    public let documentTitle = Wording(zh: "每日执法问题通报 {day}", en: "Daily problem bulletin {day}")

    // What the bulletin is and what it was computed from.
    public let dayLabel = Wording(zh: "日期", en: "day")
    public let scopeLabel = Wording(zh: "范围", en: "units")
    public let allUnits = Wording(zh: "全部单位", en: "all units")
    public let agencyLabel = Wording(zh: "机关", en: "agency")
    public let agencyValue = Wording(zh: "{name}（{code}）", en: "{name} ({code})")
    public let computedAtLabel = Wording(zh: "生成时间", en: "computed at")
    public let asOfLabel = Wording(zh: "期限计至", en: "deadlines as of")
    public let logLabel = Wording(zh: "日志", en: "log")
    public let logSize = Wording(zh: "{size} 条记录", en: "{size} entries")
    public let checkpointLabel = Wording(zh: "检查点", en: "checkpoint")
    public let checkpointValue = Wording(zh: "{size} 条记录，根哈希 {root}", en: "size {size}, root {root}")
    /// When no checkpoint could be signed at the log's size (a read-only store, no private key here).
    public let checkpointBehind = Wording(
        zh: "检查点早于本通报依据的日志（{size} 条）", en: "the checkpoint is older than the log this bulletin reads ({size} entries)")
    public let howToCheck = Wording(
        zh: "核验：本通报依据日志前 {size} 条记录；以 ledger checkpoint 或 ledger verify 核对上列检查点（大小与根哈希）。",
        en: "To check: this bulletin reads the log's first {size} entries; compare the checkpoint above (size and root) "
            + "with ledger checkpoint or ledger verify.")

    // The summary.
    public let summary = Wording(zh: "汇总", en: "Summary")
    public let unitColumn = Wording(zh: "单位", en: "unit")
    public let ruleColumn = Wording(zh: "规则", en: "rule")
    public let sectionColumn = Wording(zh: "栏目", en: "section")
    public let rowsColumn = Wording(zh: "条目", en: "rows")
    public let total = Wording(zh: "合计", en: "total")
    /// Objects of cases without a handling unit.
    public let unitUnknown = Wording(zh: "单位不明", en: "unit unknown")
    public let nothingToReport = Wording(zh: "无问题。", en: "Nothing to report.")
    public let unitHeading = Wording(zh: "{unit}（{count} 条）", en: "{unit} ({count} rows)")
    public let unitHeadingOne = Wording(zh: "{unit}（{count} 条）", en: "{unit} ({count} row)")
    public let sectionHeading = Wording(zh: "{title}（{count}）", en: "{title} ({count})")
    /// A section's heading in the text form, as a line of its own.
    public let sectionLine = Wording(zh: "【{heading}】", en: "-- {heading} --")

    // The sections.
    public let redAndOrangeDeadlines = Wording(zh: "红色、橙色预警期限", en: "Red and orange deadlines")
    public let notStoredInTime = Wording(zh: "超期未入库", en: "Items not stored in time")
    public let dueForCentralStorage = Wording(zh: "应移交案管中心集中保管的案卷", en: "Dossiers due for central storage")
    public let overdueCheckouts = Wording(zh: "调用超期未归还", en: "Overdue check-outs")
    public let stocktakeDiscrepancies = Wording(zh: "盘点差异", en: "Stocktake discrepancies")
    public let corrections = Wording(zh: "当日更正", en: "Corrections made that day")
    public let cabinetFindings = Wording(zh: "智能柜告警", en: "Smart-cabinet findings")
    public let findingKind = Wording(zh: "告警类型", en: "finding")
    public let findingID = Wording(zh: "告警编号", en: "finding id")
    public let cabinet = Wording(zh: "智能柜", en: "cabinet")
    public let slot = Wording(zh: "柜格", en: "slot")
    public let tag = Wording(zh: "标签", en: "tag")
    public let detail = Wording(zh: "说明", en: "detail")
    public let identified = Wording(zh: "识别民警", en: "officer identified")
    public let resolvedNote = Wording(zh: "处理结果", en: "resolution")
    public let reviewFinding = Wording(zh: "核查并处理（ledger finding resolve）", en: "review it and resolve it (ledger finding resolve)")

    // The table columns of the HTML form.
    public let gradeColumn = Wording(zh: "预警", en: "grade")
    public let objectColumn = Wording(zh: "物品或案卷", en: "item or dossier")
    public let caseColumn = Wording(zh: "案件", en: "case")
    public let detailsColumn = Wording(zh: "情况", en: "details")
    public let actionColumn = Wording(zh: "应办", en: "to do")

    // The grades (分色预警), as a label beside the colour, so a grade survives a printer that drops colour.
    public let red = Wording(zh: "红", en: "red")
    public let orange = Wording(zh: "橙", en: "orange")
    public let yellow = Wording(zh: "黄", en: "yellow")
    public let green = Wording(zh: "绿", en: "green")

    // The rules, short.
    public let centralStorageRule = Wording(zh: "案卷集中保管", en: "central storage")
    public let intakeRule = Wording(zh: "入库时限", en: "intake")
    public let checkoutDueRule = Wording(zh: "调用归还", en: "check-out due")
    public let releaseUnrelatedRule = Wording(zh: "无关财物发还", en: "release unrelated")
    public let gradesRule = Wording(zh: "分色预警", en: "colour grades")
    public let cabinetRule = Wording(zh: "智能柜", en: "smart cabinets")

    // What to do.
    public let moveToCentralStorage = Wording(zh: "移交案管中心集中保管", en: "move to central storage")
    public let checkIn = Wording(zh: "办理入库", en: "check it in")
    public let returnOrExtend = Wording(zh: "归还或办理延期", en: "return it or extend the check-out")
    public let returnToOwner = Wording(zh: "发还所有人", en: "return it to its owner")
    public let locateMissing = Wording(zh: "查找下落并说明", en: "find it, or report why it is missing")
    public let putBackMisplaced = Wording(zh: "放回登记位置或登记移库", en: "put it back, or record the move")
    public let identifyChip = Wording(zh: "查明芯片所属物品", en: "find what the chip belongs to")
    public let reviewCorrection = Wording(zh: "核查更正是否属实", en: "check the correction")

    // The labels of what a row states.
    public let caseLabel = Wording(zh: "案件", en: "case")
    public let ruleLabel = Wording(zh: "规则", en: "rule")
    public let actionLabel = Wording(zh: "应办", en: "to do")
    public let due = Wording(zh: "期限", en: "due")
    public let timeLeft = Wording(zh: "剩余", en: "time left")
    public let overdueBy = Wording(zh: "已超期", en: "overdue by")
    public let seizedAt = Wording(zh: "扣押时间", en: "seized")
    public let lastProgress = Wording(zh: "最后进展", en: "last progress")
    public let checkedOutAt = Wording(zh: "出库时间", en: "checked out")
    public let since = Wording(zh: "起算", en: "since")
    public let location = Wording(zh: "现在位置", en: "location")
    public let takenFrom = Wording(zh: "调出位置", en: "taken from")
    public let holder = Wording(zh: "领用人", en: "holder")
    public let finding = Wording(zh: "差异", en: "finding")
    public let stocktakeLocation = Wording(zh: "盘点位置", en: "stocktake of")
    public let recordedLocation = Wording(zh: "登记位置", en: "recorded at")
    public let chip = Wording(zh: "芯片", en: "chip")
    public let at = Wording(zh: "时间", en: "at")
    public let by = Wording(zh: "经办人", en: "by")
    /// The log entry a row reports (a stocktake, a correction), by index: `ledger prove` gives its receipt.
    public let entry = Wording(zh: "记录", en: "entry")
    public let corrects = Wording(zh: "被更正记录", en: "corrects")
    public let field = Wording(zh: "字段", en: "field")
    public let change = Wording(zh: "更正内容", en: "change")
    public let reason = Wording(zh: "原因", en: "reason")

    // Values.
    /// A calendar day: in Chinese without leading zeros, as official style has it; in English ISO 8601.
    public let dayValue = Wording(zh: "{year}年{month}月{day}日", en: "{year}-{month}-{day}")
    public let entryIndex = Wording(zh: "第 {index} 条", en: "entry #{index}")
    public let changeValue = Wording(zh: "{old} → {new}", en: "{old} → {new}")
    /// An officer as ``People`` shows one, `张丽 (000004)`, from the name the bulletin recorded.
    public let person = Wording(zh: "{name} ({badge})", en: "{name} ({badge})")
    public let daysAndHours = Wording(zh: "{days}天{hours}小时", en: "{days} d {hours} h")
    public let hoursAndMinutes = Wording(zh: "{hours}小时{minutes}分钟", en: "{hours} h {minutes} min")
    public let minutes = Wording(zh: "{minutes}分钟", en: "{minutes} min")
}

extension Catalogue {
    public static let bulletin = BulletinWords()
}
