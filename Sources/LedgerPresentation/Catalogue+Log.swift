extension Catalogue {
    /// The log's reasons (``PropertyLedger/Reason/logReasons``): proofs, signed notes, checkpoints, keys,
    /// receipts. Read mostly by auditors; the terms are those of RFC 9162 and C2SP.
    static let log: [String: Wording] = [
        "index-not-below-size": .init(zh: "序号 {index} 不小于树的规模 {size}", en: "index {index} is not below the tree size {size}"),
        "inclusion-proof-length": .init(
            zh: "包含证明有 {hashes} 个哈希；规模 {size} 中的序号 {index} 需要 {expected} 个",
            en: "the inclusion proof has {hashes} hashes; index {index} in size {size} needs {expected}"),
        "inclusion-proof-too-long": .init(zh: "包含证明过长", en: "the inclusion proof is too long"),
        "inclusion-proof-too-short": .init(zh: "包含证明过短", en: "the inclusion proof is too short"),
        "inclusion-proof-wrong-root": .init(zh: "包含证明推不出该根哈希", en: "the inclusion proof does not lead to the root"),
        "consistency-from-empty": .init(zh: "从规模 0 出发的一致性证明不能证明任何事", en: "a consistency proof from size 0 proves nothing"),
        "consistency-sizes-reversed": .init(zh: "规模 {size1} 大于规模 {size2}", en: "size {size1} is larger than size {size2}"),
        "consistency-equal-sizes-not-empty": .init(zh: "相同规模之间的证明必须为空", en: "a proof between equal sizes must be empty"),
        "consistency-roots-differ": .init(zh: "规模 {size} 的两个根哈希不同", en: "the two roots of size {size} differ"),
        "consistency-proof-length": .init(
            zh: "一致性证明有 {hashes} 个哈希；规模 {size1} → {size2} 需要 {expected} 个",
            en: "the consistency proof has {hashes} hashes; sizes {size1} → {size2} need {expected}"),
        "consistency-proof-too-long": .init(zh: "一致性证明过长", en: "the consistency proof is too long"),
        "consistency-proof-too-short": .init(zh: "一致性证明过短", en: "the consistency proof is too short"),
        "consistency-proof-wrong-first-root": .init(
            zh: "一致性证明推不出第一个根哈希", en: "the consistency proof does not lead to the first root"),
        "consistency-proof-wrong-second-root": .init(
            zh: "一致性证明推不出第二个根哈希", en: "the consistency proof does not lead to the second root"),
        "subtree-invalid": .init(zh: "[{start}, {end}) 不是有效的子树", en: "[{start}, {end}) is not a valid subtree"),
        "index-outside-subtree": .init(zh: "序号 {index} 不在 [{start}, {end}) 内", en: "index {index} is not in [{start}, {end})"),
        "subtree-outside-tree": .init(
            zh: "[{start}, {end}) 不是 {size} 个叶子的树中的有效子树",
            en: "[{start}, {end}) is not a valid subtree of a tree of {size} leaves"),
        "empty-subtree-proof-not-empty": .init(zh: "空子树的证明必须为空", en: "a proof for an empty subtree must be empty"),
        "empty-subtree-hash-wrong": .init(zh: "空子树的哈希必须是空哈希", en: "an empty subtree must have the empty hash"),
        "subtree-proof-empty": .init(zh: "子树一致性证明为空", en: "the subtree consistency proof is empty"),
        "subtree-proof-too-long": .init(zh: "子树一致性证明过长", en: "the subtree consistency proof is too long"),
        "subtree-proof-too-short": .init(zh: "子树一致性证明过短", en: "the subtree consistency proof is too short"),
        "subtree-proof-wrong-subtree-hash": .init(zh: "证明推不出该子树哈希", en: "the proof does not lead to the subtree hash"),
        "subtree-proof-wrong-root": .init(zh: "证明推不出该根哈希", en: "the proof does not lead to the root"),
        "hash-wrong-size": .init(zh: "{hash}有 {bytes} 字节，应为 {expected} 字节", en: "the {hash} is {bytes} bytes, not {expected}"),
        "proof-hash-wrong-size": .init(
            zh: "证明中的第 {position} 个哈希有 {bytes} 字节，应为 {expected} 字节",
            en: "proof hash {position} is {bytes} bytes, not {expected}"),

        "note-too-large": .init(zh: "签名文本超过 1 MiB", en: "the note is larger than 1 MiB"),
        "note-control-characters": .init(zh: "签名文本含有控制字符", en: "the note contains control characters"),
        "note-no-blank-line": .init(zh: "签名文本在签名前没有空行", en: "the note has no blank line before its signatures"),
        "note-no-final-newline": .init(zh: "签名文本不以换行结尾", en: "the note does not end with a newline"),
        "note-signature-line-malformed": .init(zh: "签名行“{line}”格式不对", en: "malformed signature line \"{line}\""),
        "note-unsigned": .init(zh: "签名文本没有签名", en: "the note has no signatures"),
        "note-text-no-final-newline": .init(zh: "签名正文必须以换行结尾", en: "note text must end with a newline"),
        "note-not-signed-by": .init(zh: "签名文本中没有 {key} 的签名", en: "the note carries no signature by {key}"),
        "signature-invalid": .init(zh: "{name} 的签名验证不通过", en: "the signature by {name} does not verify"),

        "checkpoint-no-final-newline": .init(zh: "检查点文本不以换行结尾", en: "the checkpoint text does not end with a newline"),
        "checkpoint-too-short": .init(zh: "检查点须有来源、规模和根哈希", en: "a checkpoint has an origin, a size and a root hash"),
        "checkpoint-origin-empty": .init(zh: "检查点来源为空", en: "the checkpoint origin is empty"),
        "checkpoint-size-invalid": .init(zh: "检查点规模“{size}”不是十进制数", en: "the checkpoint size \"{size}\" is not a decimal number"),
        "checkpoint-root-invalid": .init(zh: "检查点根哈希不是 base64 编码的 32 字节哈希", en: "the checkpoint root is not a base64 32-byte hash"),
        "checkpoint-empty-line": .init(zh: "检查点中有空行", en: "the checkpoint has an empty line"),
        "checkpoint-origin-mismatch": .init(
            zh: "该检查点属于台账“{origin}”，而公钥属于“{key}”",
            en: "the checkpoint is for log \"{origin}\", the key for \"{key}\""),

        "key-empty": .init(zh: "密钥为空", en: "the key is empty"),
        "key-type-unsupported": .init(zh: "不支持的密钥类型 {type}", en: "unsupported key type {type}"),
        "key-name-invalid": .init(zh: "密钥名称“{name}”无效", en: "invalid key name \"{name}\""),
        "verifier-key-malformed": .init(zh: "验证公钥格式不是 <名称>+<密钥 ID>+<密钥>", en: "verifier key is not <name>+<key id>+<key>"),
        "verifier-key-id-malformed": .init(zh: "验证公钥 ID“{id}”不是 8 位十六进制数", en: "verifier key ID \"{id}\" is not 8 hex digits"),
        "verifier-key-not-base64": .init(zh: "验证公钥不是有效的 base64", en: "verifier key is not valid base64"),
        "verifier-key-id-mismatch": .init(zh: "验证公钥 ID {id} 与名称和密钥不符", en: "verifier key ID {id} does not match the name and key"),
        "private-key-malformed": .init(
            zh: "私钥格式不是 PRIVATE+KEY+<名称>+<密钥 ID>+<密钥>", en: "private key is not PRIVATE+KEY+<name>+<key id>+<key>"),
        "private-key-id-malformed": .init(zh: "私钥 ID“{id}”不是 8 位十六进制数", en: "private key ID \"{id}\" is not 8 hex digits"),
        "private-key-not-base64": .init(zh: "私钥不是有效的 base64", en: "private key is not valid base64"),
        "private-key-type-unsupported": .init(zh: "不支持的私钥类型 {type}", en: "unsupported private key type {type}"),
        "private-key-id-mismatch": .init(zh: "私钥 ID {id} 与密钥不符", en: "private key ID {id} does not match the key"),

        "receipt-too-large": .init(zh: "回执超过 1 MiB", en: "the receipt is larger than 1 MiB"),
        "receipt-no-checkpoint": .init(zh: "回执中没有检查点", en: "the receipt has no checkpoint"),
        "receipt-no-header": .init(zh: "回执不以 {header} 开头", en: "the receipt does not start with {header}"),
        "receipt-extra-not-base64": .init(zh: "回执的附加数据不是 base64", en: "the receipt's extra data is not base64"),
        "receipt-no-index": .init(zh: "回执没有有效的序号行", en: "the receipt has no valid index line"),
        "receipt-proof-line-invalid": .init(
            zh: "回执第 {line} 行证明不是 base64 编码的 32 字节哈希",
            en: "receipt proof line {line} is not a base64 32-byte hash"),
    ]
}
