public import PropertyLedger

/// Officers' names by badge, read once per command, so that people are shown as `张丽 (000004)` rather than
/// as bare badge numbers.
public struct People: Sendable {
    private let names: [String: String]

    public init(_ officers: [Officer]) {
        names = Dictionary(officers.map { ($0.badge, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    public static func read(from store: LedgerStore) async throws -> People {
        People(try await store.officers())
    }

    /// `张丽 (000004)`, or the badge alone when no officer has it.
    public func name(_ badge: String) -> String {
        names[badge].map { "\($0) (\(badge))" } ?? badge
    }

    /// Several people, as a list reads in `language`: `李明 (000002)、王强 (000003)`, `李明 (000002), 王强 (000003)`.
    public func names(_ badges: [String], in language: Language) -> String {
        badges.map(name).joined(separator: language == .zh ? "、" : ", ")
    }
}
