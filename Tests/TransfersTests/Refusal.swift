import PropertyLedger

/// The reason `body` is refused with, or nil when it is not.
func refusal(_ body: () async throws -> some Any) async -> Reason? {
    do {
        _ = try await body()
        return nil
    } catch let error as LedgerError {
        return error.reason
    } catch {
        return Reason("unexpected", ["error": "\(error)"])
    }
}
