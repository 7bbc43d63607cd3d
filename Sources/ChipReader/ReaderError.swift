internal import CPCSCLite

/// A failure talking to a reader or a tag: its kind, and why, as a reason id with named arguments (in no
/// language; the presentation layer words it, as it does PropertyLedger's reasons). ChipReader stands below
/// PropertyLedger, so the reason is its id and arguments rather than PropertyLedger's `Reason` type.
public struct ReaderError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What kind of failure; new kinds can be added without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// pcscd is not running (`SCARD_E_NO_SERVICE`).
        public static let noService = Code("noService")
        /// The connection to pcscd broke (`SCARD_F_COMM_ERROR`), typically because it was killed.
        public static let communication = Code("communication")
        /// A blocked wait was cancelled (`SCARD_E_CANCELLED`).
        public static let cancelled = Code("cancelled")
        /// The wait timed out (`SCARD_E_TIMEOUT`): not an error for a monitor.
        public static let timeout = Code("timeout")
        /// A reader in the list is unknown (`SCARD_E_UNKNOWN_READER`), e.g. it was unplugged.
        public static let unknownReader = Code("unknownReader")
        /// No tag on the reader (`SCARD_E_NO_SMARTCARD`).
        public static let noTag = Code("noTag")
        /// The tag left during the exchange (`SCARD_W_REMOVED_CARD`).
        public static let tagRemoved = Code("tagRemoved")
        /// A response shorter than its two status bytes, or otherwise unusable.
        public static let malformedResponse = Code("malformedResponse")
        /// The tag answered with an error status word.
        public static let statusWord = Code("statusWord")
        /// The reader is refused by policy (a virtual reader in production).
        public static let refused = Code("refused")
        /// Any other PC/SC error.
        public static let other = Code("other")

        public var description: String { name }
    }

    public let code: Code
    /// The stable kebab-case id of the reason, one of ``reasons``.
    public let reasonID: String
    /// The reason's arguments: reader names, counts, and the PC/SC library's own words (`detail`) and return
    /// code (`code`).
    public let arguments: [String: String]

    public init(_ code: Code, reason id: String, _ arguments: [String: String] = [:]) {
        self.code = code
        self.reasonID = id
        self.arguments = arguments
    }

    /// An error whose text is already final, from a caller above the library (the `ledger` tool's own checks).
    public init(_ code: Code, _ message: String) {
        self.init(code, reason: "message", ["text": message])
    }

    /// The reasons ChipReader gives, with the names of their arguments.
    public static let reasons: [String: Set<String>] = [
        "pcsc-unreachable": ["detail", "code"], "pcsc-list-failed": ["detail", "code"],
        "pcsc-wait-failed": ["detail", "code"], "tag-connect-failed": ["reader", "detail", "code"],
        "uid-read-failed": ["reader", "detail", "code"], "response-too-short": ["bytes"], "uid-empty": [],
        "uid-status-error": ["statusWord"], "wedge-uid-invalid": ["text", "format"], "reader-failed": ["detail"],
        "pcsc-stopped": [],
    ]

    /// The final text of an error made with a message; else the reason's debug form
    /// (`uid-read-failed(reader: …)`). People read the reason worded by the presentation layer.
    public var message: String {
        if reasonID == "message" { return arguments["text", default: ""] }
        guard !arguments.isEmpty else { return reasonID }
        return reasonID + "(" + arguments.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + ")"
    }

    public var description: String { message }

    /// The error for a PC/SC return value, with `reason` saying which call failed.
    init(pcsc result: LONG, _ reason: String, _ arguments: [String: String] = [:]) {
        let code: Code =
            switch result {
            case LONG(SCARD_E_NO_SERVICE), LONG(SCARD_E_SERVICE_STOPPED): .noService
            case LONG(SCARD_F_COMM_ERROR): .communication
            case LONG(SCARD_E_CANCELLED): .cancelled
            case LONG(SCARD_E_TIMEOUT): .timeout
            case LONG(SCARD_E_UNKNOWN_READER), LONG(SCARD_E_READER_UNAVAILABLE): .unknownReader
            case LONG(SCARD_E_NO_SMARTCARD): .noTag
            case LONG(SCARD_W_REMOVED_CARD), LONG(SCARD_W_RESET_CARD): .tagRemoved
            default: .other
            }
        let detail = pcsc_stringify_error(result).map { String(cString: $0) } ?? ""
        let number = "0x" + String(UInt32(truncatingIfNeeded: result), radix: 16, uppercase: true)
        self.init(code, reason: reason, arguments.merging(["detail": detail, "code": number]) { a, _ in a })
    }
}
