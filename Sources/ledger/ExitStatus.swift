import LedgerPresentation
import PropertyLedger

/// The `ledger` tool's exit statuses, documented in `ledger --help` and the README.
enum ExitStatus: Int32, CaseIterable {
    case success = 0
    /// The log, a checkpoint, a receipt or a signature does not hold.
    case verificationFailed = 1
    /// Refused by a custody rule; nothing was written.
    case refused = 2
    /// A store, file, entry or checkpoint that does not exist.
    case notFound = 3
    /// Malformed or out-of-range input (a file, a value); nothing was written.
    case invalidInput = 4
    /// The store cannot be used: not a ledger, damaged, locked, or behind or in conflict with its signed checkpoint.
    case storeUnusable = 5
    /// Something that is created once already exists (a store, a key file).
    case alreadyExists = 6
    /// No PC/SC service or reader, or the reader failed.
    case readerUnavailable = 7
    /// `verify` only: the log holds, but a file beside it needs attention (a missing checkpoint file or key).
    case verifiedWithWarnings = 8
    /// `cabinet hook`, `cabinet serve` or `witness serve` could not serve: its socket or address is in use or
    /// cannot be made, its input or output failed.
    case serviceFailed = 9
    /// The result could not be written — to standard output, or to the file the command writes — because the disk
    /// failed or is full; what the command recorded before that stays recorded.
    case outputFailed = 10
    /// The command line is wrong (EX_USAGE).
    case usage = 64
    /// An unexpected internal failure (EX_SOFTWARE).
    case internalError = 70

    /// What the status means, as `ledger --help` lists it.
    var meaning: Wording {
        switch self {
        case .success: Wording(zh: "成功", en: "success")
        case .verificationFailed:
            Wording(
                zh: "校验不通过：台账、检查点、回执或签名有不符之处",
                en: "verification failed: the log, a checkpoint, a receipt or a signature does not hold")
        case .refused: Wording(zh: "被保管规则拒绝；未写入任何内容", en: "refused by a custody rule; nothing written")
        case .notFound:
            Wording(zh: "未找到：台账库、文件、记录或检查点不存在", en: "not found: store, file, entry or checkpoint")
        case .invalidInput:
            Wording(
                zh: "输入无效：文件或取值格式不对；未写入任何内容",
                en: "invalid input: a malformed file or value; nothing written")
        case .storeUnusable:
            Wording(
                zh: "台账库不可用：不是台账库、已损坏、被锁定，或与其已签署的检查点不一致",
                en: "store unusable: not a ledger, damaged, locked, or in conflict with its signed checkpoint")
        case .alreadyExists:
            Wording(zh: "已存在：不覆盖已有的台账库或密钥", en: "already exists: refusing to overwrite a store or key")
        case .readerUnavailable:
            Wording(
                zh: "读卡器不可用：没有 PC/SC 服务或读卡器，或读卡器出错",
                en: "reader unavailable: no PC/SC service or reader, or the reader failed")
        case .verifiedWithWarnings:
            Wording(
                zh: "校验通过但有警告（`verify`）：台账完好，但台账库旁的文件缺失或可被他人读取",
                en: "verified with warnings (`verify`): the log holds, but a file beside it is missing or exposed")
        case .serviceFailed:
            Wording(
                zh: "服务无法运行（`cabinet hook`、`cabinet serve`、`witness serve`）：套接字或地址已被占用或无法创建，或输入输出出错",
                en:
                    "a service could not run (`cabinet hook`, `cabinet serve`, `witness serve`): its socket or address is in use or cannot be made, or its input or output failed"
            )
        case .outputFailed:
            Wording(
                zh: "输出失败：结果无法写到标准输出或输出文件（磁盘已满、设备出错）；命令已记入台账的内容仍然有效",
                en:
                    "output failed: the result could not be written to standard output or its file (a full disk, a device error); what the command recorded stays recorded"
            )
        case .usage:
            Wording(
                zh: "用法错误：未知的命令或选项，缺少参数或参数不对",
                en: "usage error: unknown command or option, missing or bad argument")
        case .internalError: Wording(zh: "内部错误", en: "internal error")
        }
    }

    init(for code: LedgerError.Code) {
        switch code {
        case .notFound: self = .notFound
        case .invalidInput: self = .invalidInput
        case .verificationFailed: self = .verificationFailed
        case .refused: self = .refused
        case .storeUnusable: self = .storeUnusable
        case .alreadyExists: self = .alreadyExists
        default: self = .internalError
        }
    }
}
