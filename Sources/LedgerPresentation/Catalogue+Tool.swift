public import ChipReader
public import PropertyLedger

/// Reasons of the `ledger` tool itself, beside the libraries' and the parser's: command lines it cannot run,
/// names on the command line that the store does not have, files it cannot read, readers it cannot use, and
/// the one-line summaries of `verify` and `rebuild --check` failing.
///
/// Unlike the libraries' reasons these may name the tool's commands and options: nobody else gives them.
extension Reason {
    /// Every reason the tool gives, with its arguments.
    public static let toolReasons: [ReasonSpec] = [
        .init("no-command"), .init("unknown-command", "command"), .init("group-needs-subcommand", "group"),
        .init("dry-run-not-recording", "command"), .init("action-needs-location", "value"), .init("override-holdings-needs-reason"),
        .init("rebuild-needs-check"), .init("bom-needs-csv"), .init("json-with-csv"),
        .init("json-with-format", "format"), .init("output-is-store-file", "path"), .init("store-lacks-module", "module", "path"),
        .init("no-such-case", "case"), .init("no-such-location", "location"), .init("no-such-officer", "badge"),
        .init("no-such-file", "path"),
        .init("no-tag-arrived", "seconds"), .init("pcsc-service-unavailable", "detail"), .init("no-reader-available"),
        .init("stocktake-without-reader"),
        .init("verification-failed-at", "index"), .init("verification-failed-outside-entries"), .init("verified-with-warning"),
        .init("verified-with-warnings", "count"), .init("rebuild-check-failed", "difference"),
        .init("rebuild-repair-refused", "difference"), .init("rebuild-check-or-repair"),
        .init("cabinet-group-unknown", "group"), .init("socket-path-too-long", "path", "bytes", "limit"), .init("socket-in-use", "path"),
        .init("socket-path-not-a-socket", "path"), .init("socket-path-inspect-failed", "path", "errno", "detail"),
        .init("socket-probe-failed", "path", "errno", "detail"), .init("socket-stale-remove-failed", "path", "errno", "detail"),
        .init("socket-create-failed", "path", "errno", "detail"), .init("socket-bind-failed", "path", "errno", "detail"),
        .init("socket-chmod-failed", "path", "errno", "detail"), .init("socket-chown-failed", "path", "group", "errno", "detail"),
        .init("socket-listen-failed", "path", "errno", "detail"), .init("hook-read-failed", "errno", "detail"),
        .init("hook-write-failed", "errno", "detail"), .init("output-write-failed", "detail"),
        .init("transfer-bundle-unwritten", "transfer", "index", "path"),
        .init("transfer-receipt-unwritten", "transfer", "index", "path", "peerSize"), .init("error-detail", "detail"),
        .init("options-conflict", "option", "other"), .init("cabinet-slot-option-invalid", "value"),
        .init("cabinet-slot-unknown", "slot", "cabinet"), .init("cabinet-slot-without-reader", "slot"),
        .init("cabinet-reader-given-twice", "reader"), .init("round-interval-invalid", "value"),
        .init("cabinet-reader-not-present", "reader"), .init("cabinet-slot-unreadable", "slot", "reader"),
        .init("passphrase-needed", "badge"), .init("passphrase-unreadable", "fd", "detail"), .init("passphrase-fd-invalid", "value"),
        .init("passphrases-differ"), .init("approval-file-malformed", "path"),
        .init("approval-validity-invalid", "value"),
        .init("agent-directory-exposed", "path"), .init("agent-unavailable", "badge"), .init("login-duration-invalid", "value"),
        .init("agent-failed-to-start", "badge"), .init("not-logged-in", "badge"), .init("key-file-not-enrolled", "path", "key", "enrolled"),
    ]

    // MARK: Officers' keys

    /// No `--passphrase-fd` and no terminal to ask on.
    public static func passphraseNeeded(badge: String) -> Reason { Reason("passphrase-needed", ["badge": badge]) }
    public static func passphraseUnreadable(fd: Int32, detail: String) -> Reason {
        Reason("passphrase-unreadable", ["fd": String(fd), "detail": detail])
    }
    public static func passphraseFDInvalid(_ value: String) -> Reason { Reason("passphrase-fd-invalid", ["value": value]) }
    public static let passphrasesDiffer = Reason("passphrases-differ")
    /// `approve … --valid` that is not `90m`, `8h` or `2d`, or is longer than a week.
    public static func approvalValidityInvalid(_ value: String) -> Reason { Reason("approval-validity-invalid", ["value": value]) }
    /// The login agents' directory is not the user's own, mode 0700.
    public static func agentDirectoryExposed(_ path: String) -> Reason { Reason("agent-directory-exposed", ["path": path]) }
    /// The agent stopped answering (expired, logged out) between a command's start and its signature.
    public static func agentUnavailable(badge: String) -> Reason { Reason("agent-unavailable", ["badge": badge]) }
    public static func loginDurationInvalid(_ value: String) -> Reason { Reason("login-duration-invalid", ["value": value]) }
    public static func agentFailedToStart(badge: String) -> Reason { Reason("agent-failed-to-start", ["badge": badge]) }
    public static func notLoggedIn(badge: String) -> Reason { Reason("not-logged-in", ["badge": badge]) }
    public static func approvalFileMalformed(_ path: String) -> Reason { Reason("approval-file-malformed", ["path": path]) }
    /// The key file holds a key other than the one the log has for its holder.
    public static func keyFileNotEnrolled(_ path: String, key: String, enrolled: String) -> Reason {
        Reason("key-file-not-enrolled", ["path": path, "key": key, "enrolled": enrolled])
    }

    // MARK: Command lines

    public static let noCommand = Reason("no-command")
    public static func unknownCommand(_ command: String) -> Reason { Reason("unknown-command", ["command": command]) }
    public static func groupNeedsSubcommand(_ group: String) -> Reason { Reason("group-needs-subcommand", ["group": group]) }
    public static func dryRunNotRecording(_ command: String) -> Reason { Reason("dry-run-not-recording", ["command": command]) }
    /// `scan --action checkin|return` without `--to`.
    public static func actionNeedsLocation(_ action: String) -> Reason { Reason("action-needs-location", ["value": action]) }
    public static let overrideHoldingsNeedsReason = Reason("override-holdings-needs-reason")
    public static let rebuildNeedsCheck = Reason("rebuild-needs-check")
    public static let bomNeedsCSV = Reason("bom-needs-csv")
    public static let jsonWithCSV = Reason("json-with-csv")
    /// `bulletin --json --format text|html` without `--out`: a script that asked for JSON never gets text or HTML.
    public static func jsonWithFormat(_ format: String) -> Reason { Reason("json-with-format", ["format": format]) }
    /// A read-only store that was never migrated for `module`, whose reports need its tables.
    public static func storeLacksModule(_ module: String, path: String) -> Reason {
        Reason("store-lacks-module", ["module": module, "path": path])
    }
    /// `bulletin --out` naming the store or a file beside it, which it would replace.
    public static func outputIsStoreFile(_ path: String) -> Reason { Reason("output-is-store-file", ["path": path]) }

    // MARK: What the store does not have, files

    public static func noSuchCase(_ number: String) -> Reason { Reason("no-such-case", ["case": number]) }
    public static func noSuchLocation(_ code: String) -> Reason { Reason("no-such-location", ["location": code]) }
    public static func noSuchOfficer(_ badge: String) -> Reason { Reason("no-such-officer", ["badge": badge]) }
    public static func noSuchFile(_ path: String) -> Reason { Reason("no-such-file", ["path": path]) }
    public static func noTagArrived(seconds: Int) -> Reason { Reason("no-tag-arrived", ["seconds": String(seconds)]) }

    // MARK: A command's own failure

    /// `verify` found problems; the first bad entry is `index` (nil: the problems are outside the entries).
    public static func verificationFailed(at index: Int64?) -> Reason {
        index.map { Reason("verification-failed-at", ["index": String($0)]) } ?? Reason("verification-failed-outside-entries")
    }
    /// `verify` found the log intact but `count` warnings about the files beside it.
    public static func verifiedWithWarnings(_ count: Int) -> Reason {
        count == 1 ? Reason("verified-with-warning") : Reason("verified-with-warnings", ["count": String(count)])
    }
    /// `rebuild --check` found the projections differ; `difference` is the first, as the library describes it.
    public static func rebuildCheckFailed(_ difference: String) -> Reason { Reason("rebuild-check-failed", ["difference": difference]) }
    /// `rebuild --repair` left the projections alone: an entry the replay cannot read is `difference`.
    public static func rebuildRepairRefused(_ difference: String) -> Reason { Reason("rebuild-repair-refused", ["difference": difference]) }
    /// `rebuild` was given both `--check` and `--repair`.
    public static let rebuildCheckOrRepair = Reason("rebuild-check-or-repair")

    // MARK: `cabinet run`

    /// Two options (as typed) that exclude each other.
    public static func optionsConflict(_ option: String, _ other: String) -> Reason {
        Reason("options-conflict", ["option": option, "other": other])
    }
    /// A `--slot` value that is not `CODE=READER NAME`.
    public static func cabinetSlotOptionInvalid(_ value: String) -> Reason { Reason("cabinet-slot-option-invalid", ["value": value]) }
    /// `--slot` names a location that is not a slot of the cabinet.
    public static func cabinetSlotUnknown(_ slot: String, cabinet: String) -> Reason {
        Reason("cabinet-slot-unknown", ["slot": slot, "cabinet": cabinet])
    }
    /// A slot of the cabinet that no `--slot` gives a reader: its contents would look taken.
    public static func cabinetSlotWithoutReader(_ slot: String) -> Reason { Reason("cabinet-slot-without-reader", ["slot": slot]) }
    public static func cabinetReaderGivenTwice(_ reader: String) -> Reason { Reason("cabinet-reader-given-twice", ["reader": reader]) }
    public static func roundIntervalInvalid(_ value: String) -> Reason { Reason("round-interval-invalid", ["value": value]) }
}

extension ReaderError {
    /// pcscd is not there; `detail` says what the reader monitor saw.
    public static func serviceUnavailable(_ detail: String) -> ReaderError {
        ReaderError(.noService, reason: "pcsc-service-unavailable", ["detail": detail])
    }
    /// No reader is connected, or the policy refuses every one.
    public static let noReaderAvailable = ReaderError(.other, reason: "no-reader-available")
    /// A stocktake round ended without a reader ever being there: nothing is recorded.
    public static let stocktakeWithoutReader = ReaderError(.other, reason: "stocktake-without-reader")
    /// `cabinet run` names a reader that pcscd does not have (or the policy refuses).
    public static func readerNotPresent(_ reader: String) -> ReaderError {
        ReaderError(.unknownReader, reason: "cabinet-reader-not-present", ["reader": reader])
    }
    /// A patrol found a slot it cannot read: its reader is gone, or a tag on it cannot be read.
    public static func slotUnreadable(_ slot: String, reader: String) -> ReaderError {
        ReaderError(.other, reason: "cabinet-slot-unreadable", ["slot": slot, "reader": reader])
    }
}

extension Catalogue {
    /// The tool's own reasons (``PropertyLedger/Reason/toolReasons``).
    static let tool: [String: Wording] = [
        "no-command": .init(zh: "未给出命令", en: "no command given"),
        "passphrase-needed": .init(
            zh: "需要 {badge} 的私钥口令：在终端上运行，或用 --passphrase-fd N 从文件描述符读取（口令不能写在命令行上）",
            en:
                "{badge}'s key passphrase is needed: run on a terminal, or read it from a file descriptor with --passphrase-fd N (never on the command line)"
        ),
        "passphrase-unreadable": .init(
            zh: "无法从文件描述符 {fd} 读取口令：{detail}", en: "cannot read the passphrase from file descriptor {fd}: {detail}"),
        "passphrase-fd-invalid": .init(
            zh: "“{value}”不是可用的文件描述符号", en: "\"{value}\" is not a usable file descriptor number"),
        "passphrases-differ": .init(zh: "两次输入的口令不一致", en: "the two passphrases differ"),
        "approval-validity-invalid": .init(
            zh: "--valid “{value}”不可用：写作 90m、8h、2d，最长 7d", en: "--valid \"{value}\" is not usable: write 90m, 8h or 2d, at most 7d"),
        "agent-directory-exposed": .init(
            zh: "登录代理目录 {path} 不是当前用户独有（须为本人所有、权限 700）",
            en: "the login agents' directory {path} is not yours alone (it must be yours, mode 700)"),
        "agent-unavailable": .init(
            zh: "{badge} 的登录代理已不再应答（已过期或已退出）：请重新 ledger login",
            en: "{badge}'s login agent no longer answers (expired or logged out): ledger login again"),
        "login-duration-invalid": .init(
            zh: "--for “{value}”不可用：写作 30s、90m、8h，最长 12h", en: "--for \"{value}\" is not usable: write 30s, 90m or 8h, at most 12h"),
        "agent-failed-to-start": .init(zh: "{badge} 的登录代理未能启动", en: "{badge}'s login agent did not start"),
        "not-logged-in": .init(zh: "{badge} 没有登录", en: "{badge} is not logged in"),
        "approval-file-malformed": .init(zh: "{path} 不是审批文件", en: "{path} is not an approval file"),
        "key-file-not-enrolled": .init(
            zh: "私钥文件 {path} 中的密钥 {key} 不是台账为其持有人登记的有效密钥 {enrolled}",
            en: "the key {key} in {path} is not the active key the log has for its holder, {enrolled}"),
        "cabinet-group-unknown": .init(zh: "没有用户组“{group}”", en: "there is no group \"{group}\""),
        "socket-path-too-long": .init(
            zh: "套接字路径 {path} 有 {bytes} 字节，超过上限 {limit}", en: "the socket path {path} is {bytes} bytes, over the limit of {limit}"),
        "socket-in-use": .init(zh: "{path} 上已有智能柜服务在监听", en: "a cabinet service is already listening at {path}"),
        "socket-path-not-a-socket": .init(zh: "{path} 已存在且不是套接字：不会删除它", en: "{path} exists and is not a socket: it is left alone"),
        "socket-path-inspect-failed": .init(
            zh: "无法检查 {path}：{detail}（errno {errno}）", en: "cannot examine {path}: {detail} (errno {errno})"),
        "socket-probe-failed": .init(
            zh: "无法判断 {path} 上的套接字是否仍在使用：{detail}（errno {errno}）",
            en: "cannot tell whether the socket at {path} is in use: {detail} (errno {errno})"),
        "socket-stale-remove-failed": .init(
            zh: "无法删除 {path} 上残留的套接字：{detail}（errno {errno}）", en: "cannot remove the stale socket at {path}: {detail} (errno {errno})"),
        "socket-create-failed": .init(
            zh: "无法为 {path} 创建套接字：{detail}（errno {errno}）", en: "cannot create a socket for {path}: {detail} (errno {errno})"),
        "socket-bind-failed": .init(
            zh: "无法在 {path} 创建套接字：{detail}（errno {errno}）", en: "cannot bind the socket at {path}: {detail} (errno {errno})"),
        "socket-chmod-failed": .init(
            zh: "无法设置 {path} 的权限：{detail}（errno {errno}）", en: "cannot set the mode of {path}: {detail} (errno {errno})"),
        "socket-chown-failed": .init(
            zh: "无法将 {path} 交给用户组 {group}：{detail}（errno {errno}）", en: "cannot give {path} to group {group}: {detail} (errno {errno})"),
        "socket-listen-failed": .init(zh: "无法在 {path} 监听：{detail}（errno {errno}）", en: "cannot listen at {path}: {detail} (errno {errno})"),
        "hook-read-failed": .init(
            zh: "读取智能柜请求失败：{detail}（errno {errno}）", en: "reading the cabinet's requests failed: {detail} (errno {errno})"),
        "output-write-failed": .init(
            zh: "无法写出结果（标准输出：{detail}）；命令已记入台账的内容仍然有效，可用 ledger history 查看",
            en:
                "could not write the result to standard output ({detail}); whatever the command recorded stays recorded (see ledger history)"
        ),
        "transfer-bundle-unwritten": .init(
            zh: "移交 {transfer} 已记入台账（移交清单为第 {index} 条），财物待回执，但移交文件未能写到 {path}；请用 `ledger transfer bundle {transfer} --out 文件` 重新生成",
            en:
                "transfer {transfer} is recorded (its manifest is entry #{index}) and its objects wait for the receipt, but its bundle was not written to {path}; write it with `ledger transfer bundle {transfer} --out FILE`"
        ),
        "transfer-receipt-unwritten": .init(
            zh:
                "移交 {transfer} 已接收（第 {index} 条），但回执未能写到 {path}；请用 `ledger transfer receipt {transfer} --peer-size {peerSize} --out 文件` 重新生成",
            en:
                "transfer {transfer} is received (entry #{index}), but its receipt was not written to {path}; write it with `ledger transfer receipt {transfer} --peer-size {peerSize} --out FILE`"
        ),
        "error-detail": .init(zh: "{detail}", en: "{detail}"),
        "hook-write-failed": .init(
            zh: "向智能柜写回应答失败：{detail}（errno {errno}）", en: "writing a response to the cabinet failed: {detail} (errno {errno})"),
        "unknown-command": .init(zh: "没有“{command}”这个命令", en: "unknown command \"{command}\""),
        "group-needs-subcommand": .init(zh: "`ledger {group}` 后须给出子命令", en: "`ledger {group}` needs a subcommand"),
        "dry-run-not-recording": .init(
            zh: "--dry-run 只用于写入记录的命令；`ledger {command}` 不写入任何记录",
            en: "--dry-run is for commands that record an entry; `ledger {command}` writes none"),
        "action-needs-location": .init(zh: "--action {value} 须用 --to 指定存放位置", en: "--action {value} needs --to LOCATION"),
        "override-holdings-needs-reason": .init(
            zh: "--override-holdings 须同时用 --reason 说明原因：为何这些财物仍未归还",
            en: "--override-holdings needs --reason TEXT: say why the objects stay out"),
        "rebuild-needs-check": .init(
            zh: "`ledger rebuild` 须指定 --check（只比较）或 --repair（按台账修复投影表）",
            en: "`ledger rebuild` needs --check (compare only) or --repair (rewrite the projections from the log)"),
        "rebuild-check-or-repair": .init(zh: "--check 与 --repair 只能选一个", en: "give --check or --repair, not both"),
        "bom-needs-csv": .init(zh: "--bom 只用于 --format csv", en: "--bom is for --format csv only"),
        "json-with-csv": .init(
            zh: "--json 不能与 --format csv 同时使用（导出的 JSON 形式是 --format jsonl）",
            en: "--json cannot be combined with --format csv (export's JSON form is --format jsonl)"),
        "json-with-format": .init(
            zh: "--json 不能与 --format {format} 同时使用，除非用 --out 把通报写入文件（通报的 JSON 形式是 --format json）",
            en:
                "--json cannot be combined with --format {format} unless --out writes the bulletin to a file (its JSON form is --format json)"
        ),
        "store-lacks-module": .init(
            zh: "台账库 {path} 是只读的，且从未为 {module} 模块迁移过，没有期限和通报所需的表：请在可写的副本上运行",
            en: "the store {path} is read-only and was never migrated for the {module} module, whose tables deadlines and "
                + "the bulletin need: run this on a writable copy"),
        "output-is-store-file": .init(
            zh: "不能写入 {path}：这是台账库或其旁边的文件，写入会将其替换",
            en: "refusing to write {path}: it is the ledger store or a file beside it, which this would replace"),

        "no-such-case": .init(zh: "没有案件编号为 {case} 的案件", en: "there is no case {case}"),
        "no-such-location": .init(zh: "没有编号为 {location} 的存放位置", en: "there is no location {location}"),
        "no-such-officer": .init(zh: "没有警号为 {badge} 的警员", en: "there is no officer {badge}"),
        "no-such-file": .init(zh: "文件不存在：{path}", en: "no such file: {path}"),

        "no-tag-arrived": .init(zh: "{seconds} 秒内没有读到可识别的芯片", en: "no readable tag arrived within {seconds} seconds"),
        "pcsc-service-unavailable": .init(
            zh: "PC/SC 服务（pcscd）不可用：{detail}；请启动 pcscd 并连接读卡器",
            en: "the PC/SC service (pcscd) is unavailable: {detail}; start pcscd and connect the reader"),
        "no-reader-available": .init(
            zh: "没有可用的读卡器：未连接读卡器，或所有读卡器都被拒绝使用（见 `ledger readers`）",
            en: "no reader is available: none is connected, or every one is refused (see `ledger readers`)"),
        "stocktake-without-reader": .init(
            zh: "本轮盘点期间一直没有可用的读卡器；未登记任何记录",
            en: "no reader was available during the stocktake round; nothing was recorded"),

        "verification-failed-at": .init(zh: "校验失败，首个出错序号为 {index}", en: "verification failed at index {index}"),
        "verification-failed-outside-entries": .init(zh: "校验失败，问题不在记录本身", en: "verification failed outside the entries"),
        "verified-with-warning": .init(zh: "台账校验通过，但有 1 条警告", en: "the log verifies, with a warning"),
        "verified-with-warnings": .init(
            zh: "台账校验通过，但有 {count} 条警告，第一条", en: "the log verifies, with {count} warnings; the first"),
        "rebuild-check-failed": .init(zh: "重建校验失败：{difference}", en: "rebuild check failed: {difference}"),
        "rebuild-repair-refused": .init(
            zh: "未修复，投影表未作任何改动：{difference}", en: "not repaired, the projections are unchanged: {difference}"),

        "options-conflict": .init(zh: "{option} 不能与 {other} 同时使用", en: "{option} cannot be combined with {other}"),
        "cabinet-slot-option-invalid": .init(
            zh: "--slot 的写法是 格位编号=\"读卡器名称\"，而不是“{value}”", en: "--slot takes CODE=\"READER NAME\", not \"{value}\""),
        "cabinet-slot-unknown": .init(
            zh: "{slot} 不是智能柜 {cabinet} 的格位（类型为 slot、上级为该柜的存放位置）",
            en: "{slot} is not a slot of cabinet {cabinet} (a location of kind slot inside it)"),
        "cabinet-slot-without-reader": .init(
            zh: "{slot} 格没有读卡器：请用 --slot {slot}=\"读卡器名称\" 指定；不读的格位看上去会像被取空",
            en: "slot {slot} has no reader: give --slot {slot}=\"READER NAME\" (a slot never read would look emptied)"),
        "cabinet-reader-given-twice": .init(
            zh: "读卡器“{reader}”被指定了两次：一台读卡器只能用于一个格位或用于刷卡",
            en: "the reader \"{reader}\" is given twice: a reader serves one slot, or the cards"),
        "round-interval-invalid": .init(
            zh: "--round-interval 须为 0.1 到 60 之间的秒数，不能是“{value}”",
            en: "--round-interval takes seconds from 0.1 to 60, not \"{value}\""),
        "cabinet-reader-not-present": .init(
            zh: "没有读卡器“{reader}”：名称须与 `ledger readers` 列出的完全一致",
            en: "there is no reader \"{reader}\": give its name exactly as `ledger readers` lists it"),
        "cabinet-slot-unreadable": .init(
            zh: "{slot} 格无法读取（读卡器 {reader} 已断开，或其上的芯片无法读取）：巡检须读到每个格位",
            en: "slot {slot} cannot be read (reader {reader} is gone, or a tag on it cannot be read): a patrol reads every slot"),
    ]
}
