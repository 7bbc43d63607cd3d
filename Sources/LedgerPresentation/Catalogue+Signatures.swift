extension Catalogue {
    /// Signing keys and signed entries (``PropertyLedger/Reason/signatureReasons``).
    static let signatures: [String: Wording] = [
        "key-holder-not-officer": .init(
            zh: "{holder} 不是警员：设备密钥另行登记", en: "{holder} is not an officer: device keys are enrolled separately"),
        "public-key-unusable": .init(
            zh: "公钥无法使用：须为本台账算法 {algorithm} 的公钥", en: "the public key is unusable: it must be a {algorithm} key, this log's algorithm"),
        "key-already-enrolled": .init(zh: "密钥 {key} 已登记过", en: "key {key} is already enrolled"),
        "key-possession-unproven": .init(
            zh: "密钥 {key} 的持有证明签名无效", en: "the proof of possession of key {key} does not verify"),
        "rekey-by-other": .init(
            zh: "只有 {badge} 本人才能更换自己的密钥，执行人是 {actor}", en: "only {badge} can replace his own key; the actor is {actor}"),
        "key-not-holders-active": .init(
            zh: "密钥 {key} 不是 {badge} 当前有效的密钥", en: "key {key} is not {badge}'s active key"),
        "officer-has-key": .init(
            zh: "{badge} 已有有效密钥 {key}：警员用 ledger officer rekey 更换；智能柜先 officer revoke-key cabinet:CODE 吊销旧密钥",
            en:
                "{badge} already has the active key {key}: an officer replaces it with ledger officer rekey; a cabinet's is revoked first (officer revoke-key cabinet:CODE)"
        ),
        "officer-has-no-key": .init(
            zh: "{badge} 没有有效的签名密钥：请先 ledger officer enroll", en: "{badge} has no active signing key: ledger officer enroll first"),
        "first-key-not-supervisors-own": .init(
            zh: "尚无审批领导登记密钥：第一把密钥须由审批领导本人为自己登记（执行人即 {badge} 本人）",
            en: "no supervisor has a key yet: the first key must be a supervisor's own, enrolled by himself (the actor {badge} himself)"),
        "enrolment-witness-is-holder": .init(
            zh: "{badge} 不能为自己见证登记密钥：须由另一位审批领导见证",
            en: "{badge} cannot witness his own key enrolment: another supervisor must"),
        "key-not-found": .init(zh: "没有已登记的密钥 {key}", en: "there is no enrolled key {key}"),
        "key-already-revoked": .init(zh: "密钥 {key} 已吊销", en: "key {key} is already revoked"),
        "key-file-missing": .init(
            zh: "找不到私钥文件 {path}：请用 --officer-key 指定，或先 ledger officer enroll",
            en: "there is no key file {path}: give it with --officer-key, or ledger officer enroll first"),
        "key-file-exposed": .init(
            zh: "私钥文件 {path} 的权限为 {mode}，或不属于当前用户：须为本人所有、权限 600",
            en: "the key file {path} has mode {mode} or is not yours: it must be your own, mode 600"),
        "entry-uses-signature-field": .init(
            zh: "记录内容含有保留的签名字段 \"sig\"", en: "the entry holds the reserved signature field \"sig\""),
        "entry-signature-malformed": .init(
            zh: "记录末尾的签名格式不正确", en: "the signature at the end of the entry is malformed"),
        "signature-required": .init(
            zh: "{holder} 已登记密钥 {key}，其记录必须签名：请先 ledger login，或用 --passphrase-fd 提供口令",
            en:
                "{holder} has the enrolled key {key}, so his entries must be signed: ledger login first, or give the passphrase with --passphrase-fd"
        ),
        "signer-without-actor": .init(zh: "有签名密钥却没有执行人", en: "a signing key was given but no actor"),
        "signing-key-not-holders": .init(
            zh: "密钥 {key} 属于 {keyHolder}，不属于 {holder}", en: "key {key} belongs to {keyHolder}, not to {holder}"),
        "rekey-not-signed-by-replaced-key": .init(
            zh: "更换密钥的记录须由被替换的旧密钥 {key} 签名", en: "a key replacement must be signed by the key it replaces, {key}"),
        "signature-not-by-key": .init(
            zh: "签名与已登记的密钥 {key} 不符", en: "the signature does not verify with the enrolled key {key}"),
        "signing-key-unknown": .init(zh: "密钥 {key} 未在本台账登记", en: "key {key} is not enrolled in this log"),
        "signing-key-revoked": .init(zh: "密钥 {key} 已于第 {index} 条记录吊销", en: "key {key} was revoked by entry {index}"),
        "signatures-already-required": .init(
            zh: "第 {index} 条记录起已强制签名", en: "signatures are required already, since entry {index}"),
        "signatures-required": .init(
            zh: "自第 {index} 条记录起每条记录都须签名，而 {holder} 没有签名：请先 ledger login，或用 --passphrase-fd 提供口令",
            en:
                "every entry must be signed since entry {index}, and {holder} did not sign: ledger login first, or give the passphrase with --passphrase-fd"
        ),
        "signatures-required-no-key": .init(
            zh: "自第 {index} 条记录起每条记录都须签名，而 {holder} 还没有签名密钥：请先为其登记密钥（ledger officer enroll，柜子用 ledger cabinet enroll）",
            en: "every entry must be signed since entry {index}, and {holder} has no signing key yet: enrol one first "
                + "(ledger officer enroll; for a cabinet, ledger cabinet enroll)"),
        "entry-unsigned-after-requirement": .init(
            zh: "未签名，而自第 {index} 条记录起每条记录都须签名", en: "unsigned, though every entry must be signed since entry {index}"),
        "approval-required": .init(
            zh: "审批领导 {approver} 已登记密钥 {key}：须附其签名的审批（在本终端输入其口令，或 --approval 审批文件）",
            en:
                "the approver {approver} has the enrolled key {key}: his signed approval is needed (his passphrase on this terminal, or --approval FILE)"
        ),
        "approval-malformed": .init(zh: "审批文件格式不正确", en: "the approval is malformed"),
        "approval-for-other-log": .init(zh: "该审批是为另一本台账 {origin} 签发的", en: "the approval is for another log, {origin}"),
        "approval-for-other-action": .init(zh: "该审批批准的是 {approved}，不是 {given}", en: "the approval is for {approved}, not {given}"),
        "approval-term-differs": .init(
            zh: "审批的 {term} 为 {approved}，与本次的 {given} 不符", en: "the approval's {term} is {approved}, not {given}"),
        "approval-by-other": .init(
            zh: "该审批由 {approved} 签发，而审批人是 {approver}", en: "the approval was given by {approved}, but the approver is {approver}"),
        "approval-key-not-approvers": .init(
            zh: "审批所用密钥 {key} 不是 {approver} 当前有效的密钥", en: "the approval's key {key} is not {approver}'s active key"),
        "approval-signature-invalid": .init(
            zh: "审批上的 {approver} 签名验证失败（内容被改动，或不是其本人签发）",
            en: "{approver}'s signature on the approval does not verify (altered, or not made by him)"),
        "approval-expired": .init(zh: "审批已于 {expires} 过期", en: "the approval expired at {expires}"),
        "approval-valid-too-long": .init(
            zh: "审批有效期至 {expires}，超过上限 {latest}（最长 7 天）",
            en: "the approval is valid until {expires}, past the limit {latest} (7 days at most)"),
        "approval-replayed": .init(zh: "该审批已被第 {index} 条记录使用过", en: "the approval was already used by entry {index}"),
        "entry-signature-invalid": .init(zh: "签名验证失败", en: "the signature does not verify"),
        "entry-signed-by-unknown-key": .init(
            zh: "签名所用密钥 {key} 在此之前未登记", en: "signed with key {key}, not enrolled before it"),
        "entry-signed-outside-key-validity": .init(
            zh: "签名所用密钥 {key} 在此时无效（第 {enrolled} 条登记，吊销于 {revoked}）",
            en: "signed with key {key} outside its validity (enrolled by entry {enrolled}, revoked by {revoked})"),
        "entry-signed-by-other": .init(
            zh: "签名密钥 {key} 属于 {keyHolder}，而记录应由 {holder} 签名",
            en: "signed with key {key} of {keyHolder}, but {holder} must sign it"),
        "entry-unsigned": .init(
            zh: "未签名，而 {holder} 当时已有有效密钥 {key}", en: "unsigned, while {holder} had the active key {key}"),
        "key-possession-invalid": .init(
            zh: "密钥 {key} 登记时的持有证明签名无效", en: "the proof of possession enrolling key {key} does not verify"),
        "key-enrolment-unreadable": .init(
            zh: "密钥登记记录无法读取（持有人、算法或公钥有误）",
            en: "the key enrolment cannot be read (its holder, algorithm or public key is wrong)"),
    ]
}
