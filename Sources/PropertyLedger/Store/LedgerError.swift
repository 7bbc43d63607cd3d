/// An error of the ledger: its kind and the ``Reason`` it happened, in no language.
///
/// The kind (``Code``) decides the `ledger` tool's exit status; new kinds can be added without breaking
/// callers, as with NIO's `FileSystemError`. The reason says which rule or check failed and with what; the
/// presentation layer words it in the reader's language.
public struct LedgerError: Error, CustomStringConvertible, Sendable {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: Hashable, Sendable {
            case notFound, invalidInput, verificationFailed, refused, storeUnusable, alreadyExists
        }
        private let value: Value

        /// A store, file, entry or object that does not exist.
        public static let notFound = Code(value: .notFound)
        /// Input that is malformed or out of range.
        public static let invalidInput = Code(value: .invalidInput)
        /// The log, a checkpoint, a proof or a signature does not hold.
        public static let verificationFailed = Code(value: .verificationFailed)
        /// A command refused by a custody rule.
        public static let refused = Code(value: .refused)
        /// The store cannot be used: not a ledger, damaged, locked, or in conflict with its signed checkpoint.
        public static let storeUnusable = Code(value: .storeUnusable)
        /// Something that must be created only once already exists.
        public static let alreadyExists = Code(value: .alreadyExists)

        public var description: String { "\(value)" }
    }

    public let code: Code
    public let reason: Reason

    public init(_ code: Code, _ reason: Reason) {
        self.code = code
        self.reason = reason
    }

    /// The reason's debug form (`approver-is-recipient(badge: 000001)`); people read ``reason`` worded by the
    /// presentation layer.
    public var description: String { reason.description }
}
