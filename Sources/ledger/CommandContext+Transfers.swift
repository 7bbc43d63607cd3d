import PropertyLedger
import Transfers

extension CommandContext {
    /// Runs `body` — receiving a bundle or closing with a receipt — in one signed write transaction, and gives
    /// the entry it recorded. What another agency sent that does not hold is exit 1 (verification failed),
    /// whatever the check that refused it, and writes nothing; a split view is exit 1 too, after its evidence was
    /// written.
    func checkedTransfer(
        in store: LedgerStore, _ body: @Sendable (inout LedgerTransaction) throws -> TransferInbox.Outcome
    ) async throws -> RecordedModuleEntry {
        let outcome: TransferInbox.Outcome
        do {
            outcome = try await store.transaction(actor: actor, signer: try await signer(in: store), body)
        } catch let error as LedgerError where error.code == .refused || error.code == .notFound {
            throw CommandFailure(status: .verificationFailed, reason: error.reason)
        }
        switch outcome {
        case .peerFrozen(let peer, let index):
            throw CommandFailure(status: .verificationFailed, reason: .peerCheckpointInconsistent(peer, index: index))
        case .recorded(let recorded):
            return recorded
        }
    }
}

extension Sequence {
    /// How many of the answers say each result, as the words of `transfer receive` and `close` take them.
    func resultCounts(_ result: (Element) -> ObjectResult) -> [String: String] {
        let results = map(result)
        return Dictionary(
            uniqueKeysWithValues: ObjectResult.allCases.map { wanted in (wanted.rawValue, String(results.filter { $0 == wanted }.count)) })
    }
}
