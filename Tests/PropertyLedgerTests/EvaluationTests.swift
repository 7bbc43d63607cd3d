import Foundation
import Testing

@testable import PropertyLedger

/// Evaluating a command tells what recording it would write, and writes nothing. (Every refusal test goes
/// through `expectRefusal`, which also checks that evaluating meets the same refusal.)
struct EvaluationTests {
    @Test func evaluatingTellsTheEntryAndIndexAndWritesNothing() async throws {
        try await CustodyTests.withScene { store, item, _ in
            let due = CustodyTests.now.addingTimeInterval(3 * 86_400)
            let command = CustodyCommand.checkOut(
                object: item, to: "000002", reason: .appraisal, approvedBy: "000001", due: due, note: nil, caseNumber: nil)
            let size = try await store.size
            let projections = try await store.projectionDump()
            let evaluated = try await store.evaluate(command, actor: "000004", at: CustodyTests.now)
            #expect(try await store.size == size)
            #expect(try await store.projectionDump() == projections)
            #expect(evaluated.index == size)
            let recorded = try await store.record(command, actor: "000004", at: CustodyTests.now)
            #expect(recorded == evaluated)
        }
    }

    @Test func chipReferencesAndFullWidthInputAreEvaluatedAsTheyWouldBeRecorded() async throws {
        try await CustodyTests.withScene { store, item, _ in
            try await store.record(.bindChip(object: item, uid: "04A1B2C3"), actor: "000004", at: CustodyTests.now)
            let command = CustodyCommand.move(object: "chip:０４ａ１ｂ２ｃ３", location: "ROOM-1", reason: nil, caseNumber: nil)
            let evaluated = try await store.evaluate(command, actor: "000004", at: CustodyTests.now)
            guard case .moved(let moved) = evaluated.entry.event else {
                Issue.record("expected a move, got \(evaluated.entry.event.type)")
                return
            }
            #expect(moved.object == item)
            #expect(try await store.record(command, actor: "000004", at: CustodyTests.now) == evaluated)
        }
    }
}
