import Foundation
import Testing

@testable import PropertyLedger

/// An entry caused by a device names it beside the officer it identified; an entry without one is written
/// exactly as before (the format is permanent: `device` is an optional field).
struct DeviceTests {
    @Test func aCabinetIsNamedBesideTheOfficer() async throws {
        try await CustodyTests.withScene { store, item, _ in
            let cabinet = Device(.cabinet, id: "CAB-01")
            let due = CustodyTests.now.addingTimeInterval(86_400)
            // At a cabinet the officer it identified takes the object himself: he is the actor, not a clerk.
            let recorded = try await store.record(
                .checkOut(object: item, to: "000002", reason: .appraisal, approvedBy: "000001", due: due, note: nil, caseNumber: nil),
                actor: "000002", device: cabinet, at: CustodyTests.now)
            let bytes = try await store.entry(at: recorded.index)
            let fields = try JSONSerialization.jsonObject(with: bytes) as? [String: Any]
            #expect(fields?["actor"] as? String == "000002")
            #expect(fields?["device"] as? [String: String] == ["kind": "cabinet", "id": "CAB-01"])
            #expect(try CustodyEntry.decode(bytes).device == cabinet)
            #expect(try LoggedEntry(decoding: bytes).device == cabinet)
            #expect(String(decoding: bytes, as: UTF8.self).contains(#""device":{"id":"CAB-01","kind":"cabinet"}"#))
            #expect(try await store.rebuildCheck().isEmpty)
        }
    }

    @Test func atACabinetOnlyTheIdentifiedOfficerTakesAndReturns() async throws {
        try await CustodyTests.withScene { store, item, _ in
            let cabinet = Device(.cabinet, id: "CAB-01")
            let due = CustodyTests.now.addingTimeInterval(86_400)
            let checkOut = CustodyCommand.checkOut(
                object: item, to: "000002", reason: .appraisal, approvedBy: "000001", due: due, note: nil, caseNumber: nil)
            await #expect(throws: LedgerError.self) {
                try await store.record(checkOut, actor: "000004", device: cabinet, at: CustodyTests.now)
            }
            try await store.record(checkOut, actor: "000002", device: cabinet, at: CustodyTests.now)
            let returning = CustodyCommand.returnObject(object: item, location: "CAB-01", condition: "intact", by: nil, caseNumber: nil)
            let error = await #expect(throws: LedgerError.self) {
                try await store.record(returning, actor: "000003", device: cabinet, at: CustodyTests.now)
            }
            #expect(error?.reason.id == "cabinet-actor-not-returner")
            try await store.record(returning, actor: "000002", device: cabinet, at: CustodyTests.now)
            #expect(try await store.object(item).status == .inStorage)
        }
    }

    @Test func anEntryWithoutADeviceHasNoDeviceField() async throws {
        try await CustodyTests.withScene { store, _, _ in
            for index in 0..<(try await store.size) {
                #expect(!String(decoding: try await store.entry(at: index), as: UTF8.self).contains("device"))
            }
        }
    }

    @Test func aModuleEntryCanBeCausedByTheScheduler() async throws {
        try await ModuleTests.withSealedScene { store, _, item in
            let scheduler = Device(.scheduler, id: "nightly-seal-check")
            let recorded = try await store.record(actor: nil, device: scheduler) {
                try ModuleTests.SealModule.seal(item, with: "FT-0100", in: $0)
            }
            #expect(recorded.entry.device == scheduler)
            #expect(recorded.entry.actor == nil)
            #expect(try await store.rebuildCheck().isEmpty)
        }
    }
}
