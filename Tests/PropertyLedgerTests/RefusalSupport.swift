import Foundation
import Testing

@testable import PropertyLedger

/// Records `command` expecting a refusal of kind `code` whose message contains every fragment, and checks
/// that the refusal wrote nothing to the log or the projections.
@discardableResult
func expectRefusal(
    _ store: LedgerStore, _ command: CustodyCommand, actor: String?, at date: Date = CustodyTests.now, code: LedgerError.Code,
    _ fragments: String..., sourceLocation: SourceLocation = #_sourceLocation
) async throws -> LedgerError? {
    let sizeBefore = try await store.size
    let projectionsBefore = try await store.projectionDump()
    // Evaluating without writing meets the very refusal that recording meets.
    let evaluated = await #expect(throws: LedgerError.self, sourceLocation: sourceLocation) {
        try await store.evaluate(command, actor: actor, at: date)
    }
    let error = await #expect(throws: LedgerError.self, sourceLocation: sourceLocation) {
        try await store.record(command, actor: actor, at: date)
    }
    #expect(evaluated?.code == error?.code && evaluated?.message == error?.message, sourceLocation: sourceLocation)
    #expect(error?.code == code, "\(error.map { "\($0.code): \($0.message)" } ?? "accepted")", sourceLocation: sourceLocation)
    for fragment in fragments {
        #expect(error?.message.contains(fragment) == true, "\(error?.message ?? "") lacks \"\(fragment)\"", sourceLocation: sourceLocation)
    }
    #expect(try await store.size == sizeBefore, "a refused command wrote to the log", sourceLocation: sourceLocation)
    #expect(
        try await store.projectionDump() == projectionsBefore, "a refused command changed the projections", sourceLocation: sourceLocation)
    return error
}
