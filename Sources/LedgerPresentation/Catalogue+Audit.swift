extension Catalogue {
    /// An audit's findings (``PropertyLedger/Reason/auditReasons``): where, then what is wrong there.
    static let audit: [String: Wording] = [
        "audit-entry": .init(zh: "第 {index} 条记录", en: "entry {index}"),
        "audit-tree-leaf": .init(zh: "树叶子 {index}", en: "tree leaf {index}"),
        "audit-tree-node": .init(zh: "树节点（层 {level}，序号 {index}）", en: "tree node (level {level}, index {index})"),
        "audit-checkpoint": .init(zh: "规模 {size} 的检查点", en: "checkpoint at size {size}"),
        "audit-checkpoint-file": .init(zh: "检查点文件 {path}", en: "checkpoint file {path}"),
        "audit-private-key": .init(zh: "私钥 {path}", en: "private key {path}"),

        "entry-missing": .init(zh: "缺失：下一条存储的记录是第 {next} 条", en: "missing: the next stored entry is {next}"),
        "leaf-without-entry": .init(zh: "没有对应的记录（记录被删除或移动）", en: "has no entry (the entry was deleted or moved)"),
        "entry-bytes-mismatch": .init(
            zh: "其字节与存储的叶子哈希不符（被改动或移动）", en: "its bytes do not match the stored leaf hash (altered or moved)"),
        "entry-without-leaf": .init(zh: "树中没有它的叶子哈希", en: "has no leaf hash in the tree"),
        "node-missing": .init(zh: "缺失", en: "missing"),
        "node-mismatch": .init(
            zh: "与其子节点不符（覆盖第 {first}–{last} 条记录）", en: "does not match its children (covers entries {first}–{last})"),
        "node-beyond-log": .init(
            zh: "覆盖到第 {last} 条记录，超出台账现有的 {size} 条：有记录被移除",
            en: "covers entries up to {last}, beyond the log's {size} entries: entries were removed"),
        "checkpoint-note-unverifiable": .init(zh: "其签名文本验证不通过（{detail}）", en: "its signed note does not verify ({detail})"),
        "checkpoint-columns-mismatch": .init(
            zh: "签名文本与其规模或根哈希列不符", en: "the signed note does not match its size or root column"),
        "checkpoint-entries-missing": .init(
            zh: "签署于规模 {size}，但台账只有 {entries} 条记录：第 {first}–{last} 条缺失",
            en: "was signed at size {size} but the log has {entries} entries: entries {first}–{last} are missing"),
        "checkpoint-tree-uncomputable": .init(zh: "无法计算该规模的树（{detail}）", en: "the tree at this size cannot be computed ({detail})"),
        "checkpoint-root-rewritten": .init(
            zh: "树的根哈希与签署的根哈希不同：第 {first}–{last} 条记录被改写",
            en: "the tree's root differs from the signed root: entries {first}–{last} were rewritten"),
        "checkpoint-file-missing": .init(
            zh: "缺失：恢复旧备份或数据库回滚将无从察觉",
            en: "is missing: a restored backup or a rolled-back database would go unnoticed"),
        "audit-unreadable": .init(zh: "无法读取（{detail}）", en: "cannot be read ({detail})"),
        "checkpoint-file-foreign": .init(zh: "用台账公钥验证不通过", en: "does not verify against the store's key"),
        "checkpoint-file-beyond-log": .init(
            zh: "签署于规模 {size}，但台账只有 {entries} 条记录：记录已丢失",
            en: "was signed at size {size} but the log has {entries} entries: entries were lost"),
        "checkpoint-file-not-in-store": .init(
            zh: "台账库的检查点表中没有这个已签署的检查点（规模 {size}）",
            en: "the store's checkpoint table lacks this signed checkpoint (size {size})"),
        "checkpoint-file-forked": .init(
            zh: "其根哈希与台账库中规模 {size} 的检查点不同：台账出现了分叉",
            en: "its root differs from the store's checkpoint at size {size}: the log was forked"),
        "private-key-absent": .init(zh: "缺失：无法签署新的检查点", en: "is missing: new checkpoints cannot be signed"),
        "private-key-damaged": .init(zh: "不是可读的签名密钥（已损坏或被替换）", en: "is not a readable signing key (damaged or replaced)"),
        "private-key-mismatch": .init(zh: "与台账的验证公钥不符", en: "does not match the store's verifier key"),
        "private-key-readable": .init(
            zh: "可被他人读取（权限 {mode}）；请对其执行 chmod 600", en: "is readable by others (mode {mode}); run chmod 600 on it"),
    ]
}
