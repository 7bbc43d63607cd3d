/// Why something failed or was refused: a stable id and its named arguments, in no language.
///
/// The libraries never build sentences: they say which rule or check failed (`approver-is-recipient`) and
/// with what (`badge: 000001`). The presentation layer renders a reason in the reader's language, and tests
/// compare ids rather than wording. Arguments are plain text as stored (badges, ids, counts, ISO 8601 times);
/// formatting them is the renderer's business.
///
/// A struct rather than an enum so modules above PropertyLedger add reasons of their own, each declared in a
/// list of ``ReasonSpec``s (``custodyReasons``, ``inputReasons``, ``storeReasons``, ``logReasons``) so the
/// catalogue can be checked for completeness.
public struct Reason: Sendable, Hashable, CustomStringConvertible {
    /// The stable kebab-case id, e.g. `approver-is-recipient`.
    public let id: String
    /// The named arguments, e.g. `["badge": "000001"]`.
    public let arguments: [String: String]

    public init(_ id: String, _ arguments: [String: String] = [:]) {
        self.id = id
        self.arguments = arguments
    }

    /// The debug form: `approver-is-recipient(badge: 000001)`, arguments sorted by name.
    public var description: String {
        guard !arguments.isEmpty else { return id }
        return id + "(" + arguments.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + ")"
    }
}

extension Reason {
    /// Every reason PropertyLedger declares, by area.
    public static var libraryReasons: [ReasonSpec] {
        custodyReasons + inputReasons + storeReasons + logReasons + cryptoReasons + auditReasons + signatureReasons
    }
}
