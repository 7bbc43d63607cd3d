import CommandLineSupport
import LedgerPresentation
import PropertyLedger
import Transfers

/// `ledger restore SRC --to STORE`: puts a backup in place of a store, refusing one that would roll the log
/// back behind what was signed or what a peer holds.
struct RestoreCommand: LedgerCommand {
    static let spec = CommandSpec(
        "restore", arguments: "SRC",
        summary: Wording(
            zh: "用 ledger backup 的备份目录 SRC 恢复台账库；会让台账倒退或分叉的备份一律拒绝",
            en: "restore the backup directory SRC (from ledger backup) as a store; refused if it would roll the log back or fork it"),
        options: [
            Option(
                name: "to", value: "STORE",
                help: Wording(zh: "要恢复成的台账库（数据库文件路径）", en: "the store to restore (its database path)")),
            Option(
                name: "peer-checkpoint", value: "FILE",
                help: Wording(
                    zh: "对方机关持有的本台账检查点（可多次指定）：备份不得落后于它",
                    en: "a checkpoint of this log a peer holds (repeatable): the backup must not be behind it"),
                isRepeatable: true),
            .flag(
                "discard-newer",
                help: Wording(
                    zh: "旧库仍可打开却有备份之后的记录时，仍然恢复（这些记录只保留在改名后的旧库中）",
                    en:
                        "restore even though the old store still opens and holds entries after the backup (they stay only in the renamed old file)"
                )),
        ],
        notes: [
            Wording(
                zh: "先核对备份清单、数据库文件的长度和摘要，并完整校验备份中的台账；再与台账库自己的检查点文件、--peer-checkpoint "
                    + "以及旧库中已交给对方机关的移交记录比对：落后或分叉即拒绝（退出状态 2），什么也不改动；旧库仍可打开且有更新的记录时也拒绝，除非指定 --discard-newer（已交给对方机关的记录无论如何不得丢弃）。旧数据库从不删除，"
                    + "改名保留为 STORE.replaced-<UTC 时间>。恢复前请停止所有使用该库的进程（智能柜服务、见证服务）。",
                en: "The manifest, the database file's length and digest and a full audit of the backup's log are checked first; then "
                    + "the store's own checkpoint file, each --peer-checkpoint and the old store's entries sent to peers: behind or "
                    + "forked is refused (exit 2) and nothing changes; so is an old store that still opens and holds newer entries, "
                    + "unless --discard-newer (never those sent to a peer). The old database is never deleted: it is renamed to "
                    + "STORE.replaced-<UTC time>. Stop every process using the store (cabinet service, witness) first.")
        ])

    let source: String
    let target: String
    let peerCheckpoints: [String]
    let discardsNewer: Bool

    init(parsing arguments: inout ArgumentReader) throws {
        source = try arguments.positional("SRC")
        target = try arguments.required("to")
        peerCheckpoints = arguments.takeAll("peer-checkpoint")
        discardsNewer = arguments.flag("discard-newer")
    }

    func run(in context: CommandContext) async throws {
        let paths = StoreLocation.paths(store: target, privateKey: context.privateKey)
        let held = try peerCheckpoints.map { (path: $0, text: try InputFile.text($0)) }
        let report = try await LedgerStore.restore(
            from: source, to: paths, modules: CommandContext.modules, peerCheckpoints: held, sharedEntryTypes: Transfers.sharedEntryTypes,
            discardingNewer: discardsNewer)
        let words = Catalogue.backup
        let language = context.language
        var lines = [
            words.restored.text(
                in: language,
                ["path": source, "store": paths.database, "entries": String(report.manifest.entries), "root": report.manifest.root])
        ]
        if let replaced = report.replaced {
            lines.append(words.replacedKept.text(in: language, ["path": replaced]))
            if let extra = report.entriesOnlyInReplaced, extra > 0 {
                lines.append(
                    words.entriesOnlyInReplaced.text(count: extra, one: words.entryOnlyInReplaced, in: language, ["path": replaced]))
            }
        }
        if report.privateKeyMissing { lines.append(words.privateKeyMissing.text(in: language, ["path": paths.privateKey])) }
        try context.output.emit(
            Result(
                store: paths.database, manifest: report.manifest, replaced: report.replaced,
                entriesOnlyInReplaced: report.entriesOnlyInReplaced,
                privateKeyMissing: report.privateKeyMissing),
            text: lines.joined(separator: "\n"))
    }

    struct Result: Encodable {
        let store: String
        let manifest: BackupManifest
        let replaced: String?
        let entriesOnlyInReplaced: Int64?
        let privateKeyMissing: Bool
    }
}
