import Foundation
import PropertyLedger

/// The custody log that (f)–(i) run against, as commands: who works there, where things are kept, the case,
/// the items, and the check-out and return traffic that grows the log to its full size.
///
/// Every command is a pure function of the options and a fixed seed, so every run records the same log and
/// runs differ only in the machine. The scene keeps only what the lookups need to check their answers: which
/// item went to which cabinet (by index) and how often each was checked out.
struct CustodyScene: Sendable {
    /// The supervisor, the first officer, recorded with no actor; he approves every check-out.
    static let supervisor = "S1"
    /// The officers who seize every item together and take turns borrowing them.
    static let officers = ["O1", "O2"]
    /// The property-room clerk, who binds chips, checks items in and out and takes them back.
    static let clerk = "C1"
    static let room = "R1"
    static let caseNumber = "A3703210500002026110001"
    /// 2026-11-01T00:00:00Z: the first command's `at:`. Each transaction advances the clock by a second, so
    /// every due time (a day after its check-out) is in the future and every id is in the same year.
    static let start = Date(timeIntervalSince1970: 1_793_491_200)

    let items: Int
    let objectsPerCabinet: Int
    let batchSize: Int
    let totalEntries: Int64

    init(options: BenchOptions) {
        items = options.custodyItems
        objectsPerCabinet = options.objectsPerCabinet
        batchSize = options.custodyBatchSize
        totalEntries = options.custodyEntries
    }

    var cabinets: Int { items / objectsPerCabinet }

    /// Entries before the check-out traffic: entry 0, four officers, the room and its cabinets, the case, and
    /// three entries per item (registered, chip bound, checked in).
    var setupEntries: Int64 { 1 + 4 + 1 + Int64(cabinets) + 1 + 3 * Int64(items) }

    /// Check-out and return pairs after the setup; an odd remainder is one progress note on the case.
    var trafficPairs: Int64 { (totalEntries - setupEntries) / 2 }

    var hasProgressNote: Bool { (totalEntries - setupEntries) % 2 == 1 }

    /// Pairs per transaction: a check-out of each of that many distinct items, then their returns.
    var pairsPerBatch: Int { max(1, min(batchSize / 2, items)) }

    /// `CAB-001`, `CAB-002`, …
    static func cabinet(_ number: Int) -> String {
        let digits = String(number + 1)
        return "CAB-" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }

    /// The cabinet item `index` is checked in to and returned to: the first `objectsPerCabinet` items fill
    /// the first cabinet, and so on.
    func cabinet(ofItem index: Int) -> String { Self.cabinet(index / objectsPerCabinet) }

    /// Item `index`'s chip: 8 bytes of hex. SplitMix64's first output is a bijection of its seed, so no two
    /// items share a UID, and the UIDs are as scattered as real ones rather than sequential.
    static func chipUID(ofItem index: Int) -> String {
        var random = SplitMix64(seed: UInt64(index))
        let digits = String(random.next(), radix: 16, uppercase: true)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    // MARK: The commands, transaction by transaction

    /// The people, the places and the case, each with the actor who records them.
    var sceneTransactions: [(commands: [CustodyCommand], actor: String?)] {
        let room = CustodyCommand.addLocation(code: Self.room, name: "涉案财物保管室", kind: .room, parent: nil, isCentral: false)
        let cabinets = (0..<cabinets).map { number in
            CustodyCommand.addLocation(
                code: Self.cabinet(number), name: "智能柜\(number + 1)", kind: .cabinet, parent: Self.room, isCentral: false)
        }
        return [
            ([.addOfficer(badge: Self.supervisor, name: "魏江", unit: "法制大队", role: .supervisor)], nil),
            (
                [
                    .addOfficer(badge: Self.officers[0], name: "李明", unit: "刑侦大队", role: .officer),
                    .addOfficer(badge: Self.officers[1], name: "王强", unit: "刑侦大队", role: .officer),
                    .addOfficer(badge: Self.clerk, name: "张丽", unit: "涉案财物管理中心", role: .clerk),
                ], Self.supervisor
            ),
            ([room] + cabinets, Self.clerk),
            ([.openCase(number: Self.caseNumber, title: "系列盗窃案", kind: .criminal, isPropertyCrime: true)], Self.officers[0]),
        ]
    }

    /// The registrations of items `range`, recorded by O1 with O1 and O2 as the seizing officers.
    func registrations(_ range: Range<Int>) -> [CustodyCommand] {
        range.map { index in
            .registerItem(
                ItemRegistration(
                    caseNumber: Self.caseNumber, name: "涉案物品\(index + 1)", quantity: "1", unit: "件",
                    features: Self.features[index % Self.features.count], seizedBy: Self.officers))
        }
    }

    /// Binding each item's chip, recorded by the clerk.
    func chipBindings(_ ids: ArraySlice<String>) -> [CustodyCommand] {
        zip(ids.indices, ids).map { index, id in .bindChip(object: id, uid: Self.chipUID(ofItem: index)) }
    }

    /// Checking each item in to its cabinet, recorded by the clerk.
    func checkIns(_ ids: ArraySlice<String>) -> [CustodyCommand] {
        zip(ids.indices, ids).map { index, id in .checkIn(object: id, location: cabinet(ofItem: index), caseNumber: nil) }
    }

    /// One transaction of traffic, recorded by the clerk at `date`: each of `items` (distinct indices) checked
    /// out to O1 or O2 in turn, approved by S1 and due a day later, then all of them returned to their cabinets.
    func traffic(_ items: [Int], ids: [String], firstPair: Int64, at date: Date) -> [CustodyCommand] {
        let due = date.addingTimeInterval(86_400)
        let checkOuts = items.enumerated().map { offset, index in
            CustodyCommand.checkOut(
                object: ids[index], to: Self.officers[Int((firstPair + Int64(offset)) % 2)], reason: .examination,
                approvedBy: Self.supervisor, due: due, note: nil, caseNumber: nil)
        }
        let returns = items.map { index in
            CustodyCommand.returnObject(
                object: ids[index], location: cabinet(ofItem: index), condition: Returned.intact, by: nil, caseNumber: nil)
        }
        return checkOuts + returns
    }

    /// The one progress note that makes the log's size come out exactly, recorded by O1.
    static let progressNote = CustodyCommand.recordProgress(caseNumber: caseNumber, note: "物品检验完成，已归还保管室")

    private static let features = ["黑色 山地车", "银色 手机 屏幕碎裂", "棕色 皮质钱包", "蓝色 双肩背包", "金色 手表", "白色 笔记本电脑"]
}
