import CabinetSimulator
import Foundation
import PropertyLedger

/// What (o)–(q) run against, on top of the custody scene: 20 smart cabinets in the property room, each with 5
/// slots; the first holds 500 chip-bound items spread over its slots, every other one 25. The items are
/// registered in the custody scene's case by O1, bound to a chip and checked in to their slots by the clerk C1,
/// who is also the officer every cabinet session is opened by (a clerk may always open, to count).
///
/// Like ``CustodyScene``, a pure function of its constants: every run records the same cabinets and tags.
struct CabinetScene: Sendable {
    static let cabinets = 20
    static let slotsPerCabinet = 5
    /// The items in the first cabinet: the figure (p) is about a complete round of this many tags.
    static let fullCabinetItems = 500
    static let otherCabinetItems = 25
    /// Two hours after the custody build began: after it and after the vault layer, whichever ran.
    static let start = CustodyScene.start.addingTimeInterval(2 * 3_600)

    /// Where the layer's last transaction was recorded; the cabinet service's clock starts here.
    private(set) var end = start

    var summary: String {
        "\(Self.cabinets) cabinets of \(Self.slotsPerCabinet) slots, \(Format.count(Self.fullCabinetItems)) chip-bound items "
            + "in the first and \(Self.otherCabinetItems) in each other (\(Format.count(Self.totalItems)) in all)"
    }

    static var totalItems: Int { fullCabinetItems + (cabinets - 1) * otherCabinetItems }

    /// `SC-01`, `SC-02`, …: apart from the custody scene's `CAB-001`, which have no slots.
    static func cabinet(_ number: Int) -> String { "SC-" + twoDigits(number + 1) }

    /// `SC-01-A1` … `SC-01-A5`.
    static func slot(_ slot: Int, of cabinet: Int) -> String { Self.cabinet(cabinet) + "-A" + String(slot + 1) }

    static func slots(of cabinet: Int) -> [String] { (0..<slotsPerCabinet).map { slot($0, of: cabinet) } }

    static func items(in cabinet: Int) -> Int { cabinet == 0 ? fullCabinetItems : otherCabinetItems }

    /// Item `item` of `cabinet`'s chip, 8 bytes of hex seeded far above the custody scene's item indices, so no
    /// UID is shared with them or with another cabinet's (SplitMix64's first output is a bijection of its seed).
    static func chipUID(cabinet: Int, item: Int) -> String {
        var random = SplitMix64(seed: 1 << 40 + UInt64(cabinet) << 20 + UInt64(item))
        let digits = String(random.next(), radix: 16, uppercase: true)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// What lies in `cabinet`: item `n` in slot `n % 5`, so every slot holds a fifth.
    static func tags(of cabinet: Int) -> [SimulatedTag] {
        (0..<items(in: cabinet)).map { item in
            SimulatedTag(uid: chipUID(cabinet: cabinet, item: item), slot: slot(item % slotsPerCabinet, of: cabinet))
        }
    }

    /// What the ledger should believe is inside `cabinet`: uid → slot, as the reconciler takes it.
    static func believed(in cabinet: Int) -> [String: String?] {
        Dictionary(uniqueKeysWithValues: tags(of: cabinet).map { ($0.uid, Optional($0.slot)) })
    }

    /// Records the cabinets and their slots, then each cabinet's items — registered, bound, checked in to their
    /// slots, a transaction each step — a second apart; checks that every cabinet holds what it should.
    mutating func record(into store: LedgerStore) async throws {
        var date = Self.start
        func next() -> Date {
            date.addTimeInterval(1)
            return date
        }
        var places: [CustodyCommand] = []
        for number in 0..<Self.cabinets {
            let cabinet = Self.cabinet(number)
            places.append(
                .addLocation(
                    code: cabinet, name: "智能物证柜" + Self.twoDigits(number + 1), kind: .cabinet, parent: CustodyScene.room, isCentral: false))
            places += (0..<Self.slotsPerCabinet).map { slot in
                .addLocation(code: Self.slot(slot, of: number), name: "A\(slot + 1) 层", kind: .slot, parent: cabinet, isCentral: false)
            }
        }
        try await store.record(contentsOf: places, actor: CustodyScene.clerk, at: next())
        for number in 0..<Self.cabinets {
            let tags = Self.tags(of: number)
            let registrations = tags.indices.map { item in
                CustodyCommand.registerItem(
                    ItemRegistration(
                        caseNumber: CustodyScene.caseNumber, name: "\(Self.cabinet(number)) 柜内物品\(item + 1)", quantity: "1", unit: "件",
                        seizedBy: CustodyScene.officers))
            }
            let registered = try await store.record(contentsOf: registrations, actor: CustodyScene.officers[0], at: next())
            let ids = registered.compactMap(\.entry.event.object)
            guard ids.count == tags.count else { throw BenchError("registering \(Self.cabinet(number))'s items recorded \(ids.count)") }
            let bindings = zip(ids, tags).map { CustodyCommand.bindChip(object: $0, uid: $1.uid) }
            try await store.record(contentsOf: bindings, actor: CustodyScene.clerk, at: next())
            let checkIns = zip(ids, tags).map { CustodyCommand.checkIn(object: $0, location: $1.slot, caseNumber: nil) }
            try await store.record(contentsOf: checkIns, actor: CustodyScene.clerk, at: next())
        }
        end = next()
        for number in 0..<Self.cabinets {
            let stored = try await store.objects(
                matching: ObjectFilter(location: Self.cabinet(number), status: .inStorage, limit: .max), now: end)
            let found = Dictionary(uniqueKeysWithValues: stored.compactMap { object in object.chip.map { ($0, object.location) } })
            guard found == Self.believed(in: number) else {
                throw BenchError("\(Self.cabinet(number)) holds \(found.count) chip-bound objects, not its \(Self.items(in: number))")
            }
        }
        _ = try await store.checkpoint()
    }

    private static func twoDigits(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
}
