import CommandLineSupport
import LedgerPresentation
import PropertyLedger

/// `ledger backup DEST`: a consistent copy of the store, taken while it is in use, into the new directory DEST.
struct BackupCommand: LedgerCommand {
    static let spec = CommandSpec(
        "backup", arguments: "DEST",
        summary: Wording(
            zh: "在使用中为台账库做一致的备份，写入新目录 DEST（不含私钥）",
            en: "back the store up, consistently and while it is in use, into the new directory DEST (no private key)"),
        notes: [
            Wording(
                zh: "DEST 中有三个文件：ledger.db（SQLite 在线备份）、ledger.db.checkpoint（最新的已签署检查点）和 backup.json"
                    + "（记录条数、根、检查点规模和数据库文件的摘要）。备份前先为新增的记录签署检查点，写好后按台账本身的标准完整校验一遍。"
                    + "DEST 已存在：拒绝（退出状态 6）。",
                en: "DEST holds three files: ledger.db (SQLite's online backup), ledger.db.checkpoint (the latest signed checkpoint) "
                    + "and backup.json (the entries, root, checkpoint size and the database file's digest). New entries are signed "
                    + "into a checkpoint first; the copy is audited like the store before it is kept. DEST exists: refused (exit 6).")
        ])

    let destination: String

    init(parsing arguments: inout ArgumentReader) throws {
        destination = try arguments.positional("DEST")
    }

    func run(in context: CommandContext) async throws {
        let store = try await context.openStore()
        let manifest = try await store.backup(into: destination)
        let words = Catalogue.backup
        let text = [
            words.backedUp.text(
                in: context.language,
                [
                    "path": destination, "entries": String(manifest.entries), "root": manifest.root,
                    "checkpoint": String(manifest.checkpoint),
                ]),
            words.keysExcluded.text(in: context.language, ["key": store.paths.privateKey]),
        ]
        try context.output.emit(Result(path: destination, manifest: manifest), text: text.joined(separator: "\n"))
    }

    struct Result: Encodable {
        let path: String
        let manifest: BackupManifest
    }
}
