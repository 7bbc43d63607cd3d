extension Catalogue {
    /// The store's reasons (``PropertyLedger/Reason/storeReasons``).
    static let store: [String: Wording] = [
        "store-missing": .init(zh: "{path} 处没有台账库", en: "there is no ledger store at {path}"),
        "store-exists": .init(zh: "{path} 处已有台账库；不予覆盖", en: "a store already exists at {path}; refusing to overwrite it"),
        "store-empty-file": .init(zh: "{path} 是空文件，不是 PropertyLedger 台账库", en: "{path} is an empty file, not a PropertyLedger store"),
        "store-foreign": .init(
            zh: "{path} 是 SQLite 数据库，但不是 PropertyLedger 台账库",
            en: "{path} is a SQLite database but not a PropertyLedger store"),
        "store-too-new": .init(
            zh: "{path} 的库结构版本为 {version}；本程序只认识到 {known}：请升级程序",
            en: "{path} has schema version {version}; this ledger knows up to {known}: upgrade the tool"),
        "store-identity-missing": .init(
            zh: "{path} 缺少台账标识（log_meta 不完整）",
            en: "{path} is missing its log identity (log_meta is incomplete)"),
        "store-damaged": .init(zh: "{path} 不是台账库或已损坏（{detail}）", en: "{path} is not a ledger store or is damaged ({detail})"),
        "store-locked": .init(
            zh: "{path} 被其他进程锁定（{detail}）；请稍后重试",
            en: "{path} is locked by another process ({detail}); try again"),
        "store-cannot-open": .init(zh: "无法打开 {path}：{detail}", en: "cannot open {path}: {detail}"),
        "store-write-failed": .init(
            zh: "写入台账库 {path} 失败（{detail}）：本次写入已回滚，未记入台账",
            en: "writing to the store {path} failed ({detail}): the write was rolled back and nothing of it is recorded"),
        "store-read-only": .init(
            zh: "台账库 {path} 为只读（{target} 不可写：{detail}）：只能查阅和校验，不能写入",
            en: "the store {path} is read-only ({target} is not writable: {detail}): it can be read and verified, not written"),
        "upgrade-blocked-read-only": .init(
            zh: "{path} 须升级到本版本的库结构，但台账库为只读（{target} 不可写：{detail}）",
            en: "{path} must be upgraded to this version's schema, but the store is read-only ({target} is not writable: {detail})"),
        "verifier-key-unreadable": .init(zh: "台账库的验证公钥无法读取（{detail}）", en: "the store's verifier key is unreadable ({detail})"),
        "writes-blocked": .init(
            zh: "{cause}；问题解决前不得追加记录",
            en: "{cause}; appends are refused until this is resolved"),

        "entry-beyond-log": .init(
            zh: "没有第 {index} 条记录；台账共有 {size} 条记录",
            en: "there is no entry {index}; the log has {size} entries"),
        "index-outside-tree": .init(
            zh: "序号 {index} 不在 {size} 条记录的树中",
            en: "index {index} is not in a tree of {size} entries"),
        "no-consistency-proof": .init(zh: "无法给出从 {from} 到 {to} 的一致性证明", en: "no consistency proof from size {from} to {to}"),
        "size-beyond-log": .init(zh: "规模 {requested} 超出台账现有的 {size} 条记录", en: "size {requested} is beyond the log's {size} entries"),
        "entry-too-large": .init(zh: "{bytes} 字节的记录超过 1 MiB 上限", en: "an entry of {bytes} bytes is larger than the 1 MiB limit"),
        "entry-would-be-too-large": .init(zh: "这条记录会超过 1 MiB 上限", en: "the entry would be larger than the 1 MiB limit"),
        "tree-node-missing": .init(
            zh: "默克尔树节点（层 {level}，序号 {index}）缺失",
            en: "tree node (level {level}, index {index}) is missing"),
        "tree-node-malformed": .init(
            zh: "默克尔树节点（层 {level}，序号 {index}）的哈希长 {bytes} 字节，应为 32 字节",
            en: "tree node (level {level}, index {index}) holds a hash of {bytes} bytes, not 32"),
        "not-an-entry": .init(zh: "这不是台账记录（缺少 v、type 或 at）", en: "the entry is not a ledger entry (no v, type or at)"),
        "entry-version-unknown": .init(
            zh: "记录格式版本为 {version}；本程序只读取版本 1",
            en: "the entry has format version {version}; this ledger reads version 1"),

        "no-checkpoint-yet": .init(zh: "尚未签署任何检查点", en: "no checkpoint has been signed yet"),
        "no-checkpoint-at-size": .init(
            zh: "没有在规模 {size} 签署的检查点；已签署的规模：{signed}",
            en: "no checkpoint was signed at size {size}; signed sizes: {signed}"),
        "entry-outside-checkpoint": .init(
            zh: "第 {index} 条记录不在规模为 {size} 的检查点中",
            en: "entry {index} is not in the checkpoint of size {size}"),
        "tree-differs-from-checkpoint": .init(
            zh: "规模 {size} 的树与其已签署的检查点不再一致",
            en: "the tree at size {size} no longer matches its signed checkpoint"),
        "store-behind-checkpoint": .init(
            zh: "台账库只有 {entries} 条记录，少于规模为 {checkpointSize} 的检查点",
            en: "the store has {entries} entries, fewer than its checkpoint at size {checkpointSize}"),
        "checkpoint-not-extended": .init(
            zh: "拒绝签署：规模 {size} 的树不是规模 {checkpointSize} 检查点的延续（{detail}）",
            en: "refusing to sign: the tree at size {size} does not extend the checkpoint at size {checkpointSize} ({detail})"),
        "stored-checkpoint-unverifiable": .init(
            zh: "库内最后一个检查点验证不通过（{detail}）",
            en: "the store's last checkpoint does not verify ({detail})"),
        "checkpoint-file-unverifiable": .init(
            zh: "检查点文件 {path} 验证不通过；已原样保留作为证据",
            en: "the checkpoint file {path} does not verify; it is kept as evidence"),
        "checkpoint-file-ahead": .init(
            zh: "检查点文件 {path} 中有规模 {size} 的检查点，台账库中却没有（库内最新为规模 {latest}）；已原样保留作为证据",
            en:
                "the checkpoint file {path} holds a checkpoint at size {size} that the store does not have (its latest is at size {latest}); it is kept as evidence"
        ),
        "checkpoint-lost": .init(
            zh: "台账库丢失了检查点文件 {path} 中规模 {size} 的已签署检查点（是否恢复了旧备份？）",
            en: "the store has lost the checkpoint signed at size {size} that the checkpoint file {path} holds (a restored backup?)"),
        "checkpoint-forked": .init(
            zh: "台账库中规模 {size} 的检查点与检查点文件 {path} 不同：台账出现了分叉",
            en: "the store's checkpoint at size {size} differs from the checkpoint file {path}: the log was forked"),
        "entries-lost": .init(
            zh: "台账库只有 {entries} 条记录，但{source}签署于规模 {size}：记录已丢失（是否恢复了旧备份或文件被截断？）",
            en:
                "the store has {entries} entries but {source} was signed at size {size}: entries were lost (a restored backup or a truncated file?)"
        ),
        "tree-altered": .init(
            zh: "台账库规模 {size} 的树与{source}不同：台账被改动或出现分叉",
            en: "the store's tree at size {size} differs from {source}: the log was altered or forked"),
        "private-key-missing": .init(
            zh: "私钥 {path} 不存在；无法签署检查点",
            en: "the private key {path} is missing; checkpoints cannot be signed"),
        "private-key-exposed": .init(
            zh: "私钥 {path} 可被他人读取（权限 {mode}）；请对其执行 chmod 600",
            en: "the private key {path} is readable by others (mode {mode}); run chmod 600 on it"),
        "private-key-unreadable": .init(zh: "私钥 {path} 无法读取：{detail}", en: "the private key {path} is unreadable: {detail}"),
        "private-key-foreign": .init(zh: "私钥 {path} 不属于本台账", en: "the private key {path} does not belong to this log"),

        "backup-manifest-invalid": .init(
            zh: "备份清单 {path} 无效：{detail}", en: "the backup manifest {path} is not valid: {detail}"),
        "backup-database-mismatch": .init(
            zh: "{path} 与备份清单不符（{what}）：备份已损坏或被改动，未恢复任何内容",
            en: "{path} does not match its manifest ({what}): the backup is damaged or altered; nothing was restored"),
        "backup-differs-from-manifest": .init(
            zh: "备份中的台账与其清单不符（{what}），未恢复任何内容",
            en: "the backup's log does not match its manifest ({what}); nothing was restored"),
        "backup-not-intact": .init(
            zh: "备份中的台账校验未通过：{cause}；未恢复任何内容",
            en: "the backup's log does not verify: {cause}; nothing was restored"),
        "restore-behind-checkpoint": .init(
            zh: "备份只有 {entries} 条记录，而检查点文件 {path} 已在 {size} 条时签名：恢复它会让台账倒退，未恢复任何内容",
            en:
                "the backup holds {entries} entries but the checkpoint file {path} was signed at size {size}: restoring it would roll the log back; nothing was restored"
        ),
        "restore-forked": .init(
            zh: "备份中的台账在 {size} 条时与 {path} 所签的检查点不同：它不是本台账的历史，未恢复任何内容",
            en:
                "the backup's log at size {size} differs from the checkpoint {path} signed: it is not this log's history; nothing was restored"
        ),
        "restore-behind-peer": .init(
            zh: "备份只有 {entries} 条记录，而对方机关持有的检查点 {path} 已在 {size} 条时签名：恢复它会让台账在对方眼中倒退，未恢复任何内容",
            en:
                "the backup holds {entries} entries but a peer holds the checkpoint {path}, signed at size {size}: restoring it would roll the log back behind what the peer saw; nothing was restored"
        ),
        "restore-loses-shared-entry": .init(
            zh: "被替换的台账库 {path} 有备份之后的第 {index} 条记录（{type}），对方机关可能已持有涵盖它的检查点；未恢复任何内容",
            en:
                "the store being replaced, {path}, holds entry {index} ({type}) beyond the backup, which a peer may already hold a checkpoint of; nothing was restored"
        ),
        "restore-loses-entries": .init(
            zh: "被替换的台账库 {path} 仍可打开，且比备份（{entries} 条）多 {count} 条记录：恢复会丢弃它们；确需如此请加 --discard-newer。未恢复任何内容",
            en:
                "the store being replaced, {path}, still opens and holds {count} entries more than the backup's {entries}: restoring would drop them; add --discard-newer if that is meant. Nothing was restored"
        ),
        "restore-peer-checkpoint-invalid": .init(
            zh: "{path} 不是本台账签名的检查点", en: "{path} is not a checkpoint signed by this backup's log"),
        "restore-refused": .init(
            zh: "备份与本台账库的检查点冲突：{cause}；未恢复任何内容", en: "the backup conflicts with this store's checkpoint: {cause}; nothing was restored"),

        "file-exists": .init(zh: "{path} 已存在；不予覆盖", en: "{path} already exists; refusing to overwrite it"),
        "file-unreadable": .init(zh: "无法读取 {path}", en: "cannot read {path}"),
        "file-too-large": .init(zh: "{path} 超过 1 MiB", en: "{path} is larger than 1 MiB"),
        "file-not-text": .init(zh: "{path} 不是 UTF-8 文本", en: "{path} is not UTF-8 text"),
        "file-operation-failed": .init(zh: "无法{operation} {path}：{detail}", en: "cannot {operation} {path}: {detail}"),

        "module-name-invalid": .init(
            zh: "模块名“{module}”只能由小写半角字母、数字和“-”组成",
            en: "module name \"{module}\" must be lower-case ASCII letters, digits and '-'"),
        "module-name-taken": .init(zh: "有两个模块都叫 {module}", en: "two modules are named {module}"),
        "module-claims-core-type": .init(
            zh: "模块 {module} 占用了核心记录类型 {type}",
            en: "module {module} claims the core entry type {type}"),
        "entry-type-claimed-twice": .init(
            zh: "模块 {modules} 都声明了记录类型 {type}",
            en: "modules {modules} both claim entry type {type}"),
        "module-migrations-unknown": .init(
            zh: "台账库中有本版本不认识的模块 {module} 迁移（{applied}）：请升级程序",
            en: "the store has migrations of module {module} that this version does not know ({applied}): upgrade the tool"),
        "entry-type-unowned": .init(zh: "本台账没有模块负责记录类型 {type}", en: "no module of this ledger owns entry type {type}"),
        "payload-uses-envelope": .init(
            zh: "{type} 的内容使用了记录外层的字段（v、type、at 或 actor）",
            en: "the payload of {type} uses a field of the entry envelope (v, type, at or actor)"),
        "rebuild-extra-rows": .init(
            zh: "{table}：现有投影中有 {count} 行是按台账重放得不出的", en: "{table}: {count} row(s) in the live projection that the log does not produce"),
        "rebuild-missing-rows": .init(
            zh: "{table}：按台账重放应有 {count} 行，现有投影中没有", en: "{table}: {count} row(s) the log produces that the live projection lacks"),
        "rebuild-entry-unreadable": .init(zh: "第 {index} 条不是可读的台账记录", en: "entry {index} is not a readable ledger entry"),
        "rebuild-entry-unknown": .init(
            zh: "第 {index} 条的类型 {type} 既不是可读的保管记录，也不属于任何模块",
            en: "entry {index} of type {type} is neither a readable custody entry nor of a module"),
    ]
}
