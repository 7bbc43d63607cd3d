import Foundation
import Testing

@testable import PropertyLedger

/// Thousands of random custody commands, valid and invalid, against a simple model of what each object's
/// state should be. Refused commands must write nothing; at the end the projections must equal both the
/// model and a rebuild from the log, and the log must verify.
struct RandomizedCustodyTests {
    /// A deterministic generator, so a failure can be replayed from its seed.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    struct ModelObject {
        var status: ObjectStatus = .registered
        var location: String?
        var holder: String?
    }

    static let commands = 2_500

    @Test func randomCommandsKeepProjectionsAndLogConsistent() async throws {
        let seed = UInt64.random(in: 0...UInt64.max)
        var random = SplitMix64(state: seed)
        try await withTemporaryStore(profile: .intl) { store, _ in
            let start = Date(timeIntervalSince1970: 1_795_000_000)
            var now = start
            try await store.record(.addOfficer(badge: "S1", name: "主管一", unit: nil, role: .supervisor), actor: nil, at: now)
            let people: [(String, Role)] = [
                ("S2", .supervisor), ("O1", .officer), ("O2", .officer), ("O3", .officer), ("C1", .clerk), ("C2", .clerk),
            ]
            for (badge, role) in people {
                try await store.record(.addOfficer(badge: badge, name: "警员\(badge)", unit: "单位", role: role), actor: "S1", at: now)
            }
            try await store.record(.addLocation(code: "R1", name: "保管室", kind: .room, parent: nil, isCentral: false), actor: "C1", at: now)
            for cabinet in ["K1", "K2", "K3"] {
                try await store.record(
                    .addLocation(code: cabinet, name: "柜\(cabinet)", kind: .cabinet, parent: "R1", isCentral: false), actor: "C1", at: now)
            }
            for number in ["CASE1", "CASE2"] {
                try await store.record(
                    .openCase(number: number, title: "案件\(number)", kind: .criminal, isPropertyCrime: true), actor: "O1", at: now)
            }

            let badges = ["S1", "S2", "O1", "O2", "O3", "C1", "C2", "X9"]
            let locations = ["R1", "K1", "K2", "K3", "K1", "K2", "NOPE"]
            var model: [String: ModelObject] = [:]
            var chips: [String: String] = [:]
            var accepted = 0
            var refused = 0

            func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }
            for _ in 0..<Self.commands {
                now = now.addingTimeInterval(60)
                let objects = Array(model.keys).sorted() + ["P-370321-2026-999999"]
                let object = pick(objects)
                // Mostly the right person for the job, sometimes anyone (or an unknown badge).
                let anyone = random.next() % 5 == 0
                var actor = anyone ? pick(badges) : pick(["C1", "C2"])
                let command: CustodyCommand
                let kind = random.next() % 12
                if kind <= 2 && !anyone { actor = pick(["O1", "O2", "S1"]) }
                switch kind {
                case 0, 1:
                    command = .registerItem(
                        ItemRegistration(
                            caseNumber: pick(["CASE1", "CASE2", "CASE9"]), name: pick(["手机", "自行车", "现金", "电脑"]),
                            quantity: pick(["1", "2.5", "1", "0", "x"]), unit: "件",
                            seizedBy: pick([["O1", "O2"], ["O1", "O2"], ["O1"], ["O2", "O3", "S1"], ["O1", "C1"]])))
                case 2:
                    if !anyone { actor = pick(["O1", "C1"]) }
                    command = .registerDossier(
                        DossierRegistration(
                            caseNumber: pick(["CASE1", "CASE2"]), volume: pick([1, 2, 3]), volumes: 2, pages: pick([0, 30])))
                case 3:
                    let uid = pick(["04A1B2C3", "04A1B2C4", "04A1B2C5", "E0040150A1B2C3D4", "XYZ"])
                    command =
                        random.next() % 2 == 0 ? .bindChip(object: object, uid: uid) : .replaceChip(object: object, uid: uid, reason: "损坏")
                case 4:
                    command = .checkIn(object: object, location: pick(locations), caseNumber: nil)
                case 5, 6:
                    command = .checkOut(
                        object: object, to: pick(badges), reason: pick(CheckoutReason.allCases), approvedBy: pick(badges),
                        due: now.addingTimeInterval(pick([-3600, 86_400])), note: nil, caseNumber: pick([nil, "CASE1"]))
                case 7:
                    command = .returnObject(object: object, location: pick(locations), condition: "完好", by: nil, caseNumber: nil)
                case 8:
                    command = .move(object: object, location: pick(locations), reason: nil, caseNumber: nil)
                case 9:
                    command = .dispose(
                        object: object, method: pick(DisposalMethod.allCases), approvedBy: pick(badges),
                        recipient: pick([nil, "失主", "警员O1", "O1"]), note: nil, caseNumber: nil)
                case 10:
                    command = .checkOut(
                        object: object, to: pick(["O1", "O2"]), reason: .examination, approvedBy: "S2",
                        due: now.addingTimeInterval(86_400), note: nil, caseNumber: nil)
                default:
                    command =
                        random.next() % 20 == 0
                        ? .retireOfficer(badge: pick(["O3", "C2", "X9"]), reason: nil)
                        : .returnObject(object: object, location: pick(["K1", "K2"]), condition: "完好", by: nil, caseNumber: nil)
                }
                let sizeBefore = try await store.size
                do {
                    let recorded = try await store.record(command, actor: actor, at: now)
                    accepted += 1
                    switch recorded.entry.event {
                    case .itemRegistered(let e): model[e.id] = ModelObject()
                    case .dossierRegistered(let e): model[e.id] = ModelObject()
                    case .checkedIn(let e): model[e.object] = ModelObject(status: .inStorage, location: e.location)
                    case .checkedOut(let e): model[e.object] = ModelObject(status: .checkedOut, holder: e.to)
                    case .returned(let e): model[e.object] = ModelObject(status: .inStorage, location: e.location)
                    case .moved(let e): model[e.object]?.location = e.location
                    case .disposed(let e):
                        model[e.object] = ModelObject(status: .disposed)
                        chips = chips.filter { $0.value != e.object }
                    case .chipBound(let e): chips[e.uid] = e.object
                    case .chipReplaced(let e):
                        chips[e.previousUID] = nil
                        chips[e.uid] = e.object
                    default: break
                    }
                } catch let error as LedgerError {
                    refused += 1
                    #expect([.refused, .notFound, .invalidInput].contains(error.code), "seed \(seed): \(error)")
                    #expect(try await store.size == sizeBefore, "seed \(seed): a refused command wrote: \(command)")
                }
            }
            #expect(accepted > Self.commands / 10, "seed \(seed): only \(accepted) commands were accepted")
            #expect(refused > Self.commands / 10, "seed \(seed): only \(refused) commands were refused")

            for (id, expected) in model {
                let object = try await store.object(id)
                #expect(object.status == expected.status, "seed \(seed): \(id)")
                #expect(object.location == expected.location, "seed \(seed): \(id)")
                #expect(object.holder == expected.holder, "seed \(seed): \(id)")
            }
            for (uid, id) in chips { #expect(try await store.object("chip:\(uid)").id == id, "seed \(seed): chip \(uid)") }
            #expect(Set(chips.values).count == chips.count, "seed \(seed): a live object holds two chips")
            #expect(try await store.rebuildCheck() == [], "seed \(seed)")
            #expect(try await store.audit().isIntact, "seed \(seed)")
        }
    }
}
