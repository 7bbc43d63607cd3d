import Foundation
import PropertyLedger

/// The people of (r) and (s), recorded through the custody rules with their keys enrolled as the rules require:
/// the supervisor S1 (recorded with no actor) enrols his own key, the entry signed by that key; he then adds
/// the officers, enrols the keys of those who get one (each entry his, signed with his key) and opens a case
/// that the officers record progress notes on.
///
/// The scene keeps the unlocked keys and counts the signed and unsigned entries it recorded, so an audit of the
/// log can be held to exactly that many.
struct SignatureScene {
    static let supervisor = "S1"
    static let caseNumber = CustodyScene.caseNumber

    let store: LedgerStore
    /// The unlocked key of the supervisor and of every officer given one, by badge.
    private(set) var keys: [String: UnlockedKey] = [:]
    /// The next transaction's `at:`; each transaction is a second after the one before.
    private(set) var date = CustodyScene.start
    /// Entries the scene recorded with a signature, and without one (entry 0 is neither).
    private(set) var signedEntries: Int64 = 0
    private(set) var unsignedEntries: Int64 = 0

    /// Records the scene in `store`, which holds only entry 0: S1 and his key, the officers `keyed` (each then
    /// given a key) and `unkeyed` (given none), all of role officer, and the case.
    init(store: LedgerStore, keyed: [String], unkeyed: [String]) async throws {
        self.store = store
        try await record([.addOfficer(badge: Self.supervisor, name: "魏江", unit: "法制大队", role: .supervisor)], actor: nil)
        try await enrollKey(of: Self.supervisor)
        let officers = (keyed + unkeyed).enumerated().map { number, badge in
            CustodyCommand.addOfficer(badge: badge, name: Self.names[number % Self.names.count], unit: "刑侦大队", role: .officer)
        }
        try await record(officers, actor: Self.supervisor)
        for badge in keyed { try await enrollKey(of: badge) }
        try await record(
            [.openCase(number: Self.caseNumber, title: "系列盗窃案", kind: .criminal, isPropertyCrime: true)], actor: Self.supervisor)
    }

    /// Records `commands` in one transaction as `actor` at the scene's clock, signed with the actor's key when
    /// he has one (or with `signer`), and advances the clock.
    @discardableResult
    mutating func record(
        _ commands: [CustodyCommand], actor: String?, signer: (any EntrySigner)? = nil
    ) async throws -> [RecordedEntry] {
        let signer = signer ?? actor.flatMap { keys[$0] }
        let entries = try await store.record(contentsOf: commands, actor: actor, at: tick(), signer: signer)
        if signer == nil { unsignedEntries += Int64(entries.count) } else { signedEntries += Int64(entries.count) }
        return entries
    }

    /// Counts entries recorded outside ``record(_:actor:signer:)`` (the timed appends of (r)).
    mutating func count(signed: Int64, unsigned: Int64) {
        signedEntries += signed
        unsignedEntries += unsigned
    }

    /// The scene's clock: the `at:` of the next transaction, advancing it by a second.
    mutating func tick() -> Date {
        defer { date.addTimeInterval(1) }
        return date
    }

    /// A fresh key for `badge`, enrolled by S1 in the rules' way (his own signed by itself, the others' by his
    /// key) and checked to be the key the store now holds active for him.
    private mutating func enrollKey(of badge: String) async throws {
        let key = try SigningKey.generate(store.identity.profile.signatureAlgorithm)
        let unlocked = try store.unlocked(key)
        let enrolment = try KeyEnrolment.of(key, for: .officer(badge), in: store.identity)
        try await record([.enrollKey(enrolment)], actor: Self.supervisor, signer: badge == Self.supervisor ? unlocked : nil)
        guard try await store.activeKey(of: .officer(badge))?.id == unlocked.keyID else {
            throw BenchError("enrolling \(badge)'s key did not make it his active key")
        }
        keys[badge] = unlocked
    }

    /// Progress note `number` on the case: every note differs, and all have the same length for a given
    /// number of digits.
    static func note(_ number: Int64) -> String { "第\(number)次进展：物品检验记录已归档" }

    private static let names = ["李明", "王强", "张丽", "赵刚", "陈静", "刘洋"]
}
