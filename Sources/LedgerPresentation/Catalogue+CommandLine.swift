public import PropertyLedger

extension Catalogue {
    /// What to type next, for the `ledger` tool only: the libraries' reasons never name options or commands,
    /// so the tool adds them after the reason (`…; give --actor BADGE or set LEDGER_ACTOR`). Placeholders
    /// are the reason's own arguments.
    public static let commandLineHints: [String: Wording] = [
        "store-missing": .init(zh: "请用 `ledger init` 创建", en: "create one with `ledger init`"),
        "actor-required": .init(zh: "请用 --actor 警号 指定，或设置 LEDGER_ACTOR", en: "give --actor BADGE or set LEDGER_ACTOR"),
        "first-officer-actor-unknown": .init(zh: "不加 --actor，或用 --actor {badge}", en: "leave out --actor, or give --actor {badge}"),
        "location-needs-parent": .init(zh: "请用 --parent 指定上级位置", en: "give --parent"),
        "location-not-found": .init(zh: "请先用 `ledger location add` 添加", en: "add it with `ledger location add`"),
        "case-not-found": .init(zh: "请先用 `ledger case open` 立案登记", en: "open it with `ledger case open`"),
        "object-has-chip": .init(zh: "请用 `ledger chip replace`", en: "use `ledger chip replace`"),
        "object-has-no-chip": .init(zh: "请用 `ledger chip bind`", en: "use `ledger chip bind`"),
        "object-not-new": .init(zh: "请用 `ledger return` 或 `ledger move`", en: "use `ledger return` or `ledger move`"),
        "object-not-stored-yet": .init(
            zh: "可用 `ledger checkin {object} --to 位置` 入库", en: "check it in with `ledger checkin {object} --to LOCATION`"),
        "last-supervisor": .init(
            zh: "可用 `ledger officer add 警号 --role supervisor` 添加", en: "add one with `ledger officer add BADGE --role supervisor`"),
        "override-needs-reason": .init(zh: "请用 --reason 说明原因", en: "give --reason TEXT"),
        "officer-holds-objects": .init(
            zh: "请用 `ledger return` 办理归还，或加 --override-holdings 和 --reason 注销",
            en: "return them with `ledger return`, or retire with --override-holdings and --reason"),
        "due-too-far": .init(zh: "请给出更早的 --due", en: "give an earlier --due"),
        "owner-return-needs-recipient": .init(zh: "请用 --recipient 写明", en: "give --recipient"),
        "too-few-seizers": .init(zh: "请用 --seized-by 甲,乙 指定", en: "give --seized-by A,B"),
        "seizure-in-future": .init(zh: "请检查 --seized-at", en: "check --seized-at"),
        "seizure-too-early": .init(zh: "请检查 --seized-at", en: "check --seized-at"),
        "dossier-needs-pages": .init(zh: "请用 --pages 指定", en: "give --pages"),
        "tree-node-missing": .init(zh: "请运行 `ledger verify`", en: "run `ledger verify`"),
        "tree-node-malformed": .init(zh: "请运行 `ledger verify`", en: "run `ledger verify`"),
        "verifier-key-unreadable": .init(zh: "请运行 `ledger verify`", en: "run `ledger verify`"),
        "stored-checkpoint-unverifiable": .init(zh: "请运行 `ledger verify`", en: "run `ledger verify`"),
        "checkpoint-file-unverifiable": .init(zh: "请运行 `ledger verify`", en: "run `ledger verify`"),
        "checkpoint-file-ahead": .init(zh: "请运行 `ledger verify`", en: "run `ledger verify`"),
        "writes-blocked": .init(zh: "请运行 `ledger verify`", en: "run `ledger verify`"),
        "store-write-failed": .init(
            zh: "请检查磁盘（空间、错误），然后运行 `ledger verify` 并重试", en: "check the disk (space, errors), run `ledger verify`, then try again"),
        "checkpoint-file-missing": .init(zh: "`ledger checkpoint` 会从台账库重新写出该文件", en: "`ledger checkpoint` writes it again from the store"),
        "sm-crypto-unavailable": .init(
            zh: "请用 --crypto intl 创建台账，或安装支持 SM2/SM3 的 libcrypto",
            en: "create the log with --crypto intl or install a libcrypto with SM2/SM3"),
    ]

    /// The words the tool puts before a reason of a kind that does not say it itself.
    public static let commandLinePrefixes: [String: Wording] = [
        "verificationFailed": .init(zh: "校验失败：", en: "verification failed: "),
        "invalidInput": .init(zh: "输入无效：", en: "invalid input: "),
    ]

    /// `reason` in `language` for the command line: its wording, then what to type, if there is a hint.
    public static func commandLineText(_ reason: Reason, in language: Language, times: TimeFormat? = nil) -> String {
        let text = render(reason, in: language, times: times)
        guard let hint = commandLineHints[reason.id] else { return text }
        let separator = language == .zh ? "；" : "; "
        return text + separator + fill(hint.text(in: language), with: reason.arguments, in: language)
    }
}
