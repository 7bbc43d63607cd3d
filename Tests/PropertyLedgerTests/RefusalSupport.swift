import Foundation
import Testing

@testable import PropertyLedger

/// Records `command` expecting a refusal of kind `code` for `reason` (an id) with at least `arguments`, and
/// checks that evaluating it meets the same refusal and that the refusal wrote nothing to the log or the
/// projections.
@discardableResult
func expectRefusal(
    _ store: LedgerStore, _ command: CustodyCommand, actor: String?, at date: Date = CustodyTests.now, code: LedgerError.Code,
    _ reason: String, _ arguments: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation
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
    #expect(evaluated?.code == error?.code && evaluated?.reason == error?.reason, sourceLocation: sourceLocation)
    #expect(error?.code == code, "\(error.map { "\($0.code): \($0.reason)" } ?? "accepted")", sourceLocation: sourceLocation)
    #expect(error?.reason.id == reason, "\(error?.reason.description ?? "accepted") is not \(reason)", sourceLocation: sourceLocation)
    for (name, value) in arguments {
        #expect(
            error?.reason.arguments[name] == value, "\(error?.reason.description ?? "") lacks \(name): \(value)",
            sourceLocation: sourceLocation)
    }
    #expect(try await store.size == sizeBefore, "a refused command wrote to the log", sourceLocation: sourceLocation)
    #expect(
        try await store.projectionDump() == projectionsBefore, "a refused command changed the projections", sourceLocation: sourceLocation)
    return error
}
