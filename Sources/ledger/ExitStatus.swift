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
    /// The command line is wrong (EX_USAGE).
    case usage = 64
    /// An unexpected internal failure (EX_SOFTWARE).
    case internalError = 70

    var meaning: String {
        switch self {
        case .success: "success"
        case .verificationFailed: "verification failed: the log, a checkpoint, a receipt or a signature does not hold"
        case .refused: "refused by a custody rule; nothing written"
        case .notFound: "not found: store, file, entry or checkpoint"
        case .invalidInput: "invalid input: a malformed file or value; nothing written"
        case .storeUnusable: "store unusable: not a ledger, damaged, locked, or in conflict with its signed checkpoint"
        case .alreadyExists: "already exists: refusing to overwrite a store or key"
        case .readerUnavailable: "reader unavailable: no PC/SC service or reader, or the reader failed"
        case .verifiedWithWarnings: "verified with warnings (`verify`): the log holds, but a file beside it is missing or exposed"
        case .usage: "usage error: unknown command or option, missing or bad argument"
        case .internalError: "internal error"
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
