import ChipReader
import CommandLineSupport
import LedgerPresentation

/// What a command accepts and how `--help` and the completion scripts show it, in Chinese and English.
struct CommandSpec: Sendable {
    /// One word (`verify`) or a group and a subcommand (`officer add`).
    let name: String
    /// The positionals, as usage shows them (`OBJECT [UID]`); the same in both languages, so that help text
    /// can refer to them.
    let arguments: String
    let summary: Wording
    /// The command's own options; `--dry-run` is added for a command that writes an entry.
    let options: [Option]
    /// Paragraphs after the options: alternative forms, notes. Help wraps them to its width.
    let notes: [Wording]
    /// Whether the command records a custody entry, and so takes `--dry-run`.
    let writesEntry: Bool
    /// Values the shell may complete for the first positional (`completion bash|zsh`).
    let argumentChoices: [String]

    init(
        _ name: String, arguments: String = "", summary: Wording, writesEntry: Bool = false, options: [Option] = [],
        notes: [Wording] = [], argumentChoices: [String] = []
    ) {
        self.name = name
        self.arguments = arguments
        self.summary = summary
        self.writesEntry = writesEntry
        self.options = options + (writesEntry ? [Self.dryRunOption] : [])
        self.notes = notes
        self.argumentChoices = argumentChoices
    }

    /// Options every command accepts.
    static let globalOptions: [Option] = [
        Option(
            name: "store", value: "PATH",
            help: Wording(
                zh: "台账库（默认：$LEDGER_STORE，否则为 \(StoreLocation.defaultDatabase)）",
                en: "the ledger store (default: $LEDGER_STORE, else \(StoreLocation.defaultDatabase))")),
        Option(
            name: "private-key", value: "PATH",
            help: Wording(
                zh: "本单位签署检查点的私钥（默认：$LEDGER_PRIVATE_KEY，否则为台账库路径加 .key）",
                en: "the site's private key (default: $LEDGER_PRIVATE_KEY, else the store path + .key)")),
        Option(
            name: "actor", value: "BADGE",
            help: Wording(
                zh: "执行人的警号，写入记录的命令需要（默认：$LEDGER_ACTOR）",
                en: "who is doing it, for commands that write (default: $LEDGER_ACTOR)")),
        Option(
            name: "officer-key", value: "PATH",
            help: Wording(
                zh: "执行人的私钥文件（默认：$LEDGER_KEY_DIR/BADGE.key，否则为 ~/.config/propertyledger/keys/BADGE.key）",
                en: "the actor's key file (default: $LEDGER_KEY_DIR/BADGE.key, else ~/.config/propertyledger/keys/BADGE.key)")),
        Option(
            name: "passphrase-fd", value: "N",
            help: Wording(
                zh: "从文件描述符 N 读取执行人的私钥口令（一行）；默认在终端上询问",
                en: "read the actor's key passphrase from file descriptor N (one line); by default it is asked on the terminal")),
        Option(
            name: "lang", value: "zh|en",
            help: Wording(
                zh: "界面语言（默认依次取 $LEDGER_LANG、LC_ALL、LC_MESSAGES、LANG；均未设置时用台账库的默认语言："
                    + "init --default-lang 所选的语言，未选则为中文）",
                en: "the language shown (default: $LEDGER_LANG, else LC_ALL, LC_MESSAGES, LANG; when none is set, the "
                    + "store's default language: the one init --default-lang chose, else Chinese)")),
        .flag("json", help: Wording(zh: "输出一个 JSON 对象，而不是文本", en: "print one JSON object instead of text")),
        .flag("help", help: Wording(zh: "显示本命令的帮助", en: "show help for this command")),
    ]

    static let dryRunOption = Option.flag(
        "dry-run",
        help: Wording(
            zh: "按规则检查，并显示将会登记的记录；不写入任何内容",
            en: "check it under the rules and print what would be recorded; write nothing"))

    /// `--case CASE`, for the commands that move an object.
    static let caseOption = Option(
        name: "case", value: "CASE",
        help: Wording(zh: "OBJECT 不属于该案件时拒绝办理", en: "refuse unless OBJECT belongs to this case"))

    /// Every TIME argument goes through `Timestamp.parse`; times are shown back in the agency's zone.
    static let timeNotes = [
        Wording(
            zh: "TIME：带时区偏移的 ISO 8601 时间（2026-12-20T12:00:00+08:00、…Z、…+0800）；不带偏移的本地时间"
                + "（2026-12-20T12:00、2026-12-20 12:00:00），按本单位所在时区理解（Asia/Shanghai，即 UTC+8，"
                + "除非创建台账库时用 --zone 另行指定）；或只写日期，表示当天结束时（23:59:59）。",
            en: "TIME: ISO 8601 with an offset (2026-12-20T12:00:00+08:00, …Z, …+0800); a local time "
                + "(2026-12-20T12:00, 2026-12-20 12:00:00), meaning the agency's time zone (Asia/Shanghai, UTC+8, "
                + "unless the store was created with --zone); or a date, meaning the end of that day (23:59:59).")
    ]

    /// `--reader`, for the commands that read tags.
    static let readerOption = Option(
        name: "reader", value: "NAME|stdin",
        help: Wording(
            zh: "使用名称中含有 NAME 的读卡器；键盘式读卡器用 `stdin`",
            en: "use the reader whose name contains NAME; `stdin` for a keyboard-wedge reader"))

    /// `--wedge-format`, for the commands that read a keyboard-wedge reader.
    static let wedgeOption = Option.choice(
        "wedge-format", KeyboardWedgeSource.Format.self,
        help: Wording(
            zh: "键盘式读卡器输入 UID 的格式（默认：hex）",
            en: "how the keyboard-wedge reader types UIDs (default: hex)"))

    /// `ledger --version`, before any command.
    static let versionOption = Option.flag("version", help: Wording(zh: "显示版本号", en: "print the version"))

    /// Every command's spec, in the registry's order.
    static var all: [CommandSpec] { CommandRegistry.all.map { $0.spec } }

    /// Commands with a second word (`officer add`) are grouped under their first.
    static func isGroup(_ word: String) -> Bool { all.contains { $0.name.hasPrefix(word + " ") } }
}
