import Foundation
import PropertyLedger
import Transfers
import WitnessHTTP

/// The witness behind `ledger witness serve`: each `add-checkpoint` body goes through the same check and
/// compare-and-swap as `ledger witness add-checkpoint` (``CheckpointWitness``), and the answer is the one
/// c2sp.org/tlog-witness gives: 200 with this ledger's cosignature line, 409 with the size held
/// (`text/x.tlog.size`), 404 for an unknown log, 403 for a bad signature or a frozen peer, 400 for a malformed
/// request, 422 for a split view or a failed proof (its evidence written, the peer frozen).
struct WitnessEndpoint: AddCheckpointHandler {
    let store: LedgerStore
    let actor: String
    let signer: (any EntrySigner)?

    func addCheckpoint(_ body: [UInt8]) async -> HTTPResponse {
        do {
            let request = try AddCheckpointRequest(parsing: Data(body))
            let (outcome, cosignature) = try await CheckpointWitness.submit(request, to: store, actor: actor, signer: signer)
            if case .frozen(let peer, let index, _) = outcome {
                return HTTPResponse(status: 422, body: "inconsistent: evidence kept in entry \(index), peer \(peer) frozen\n")
            }
            return HTTPResponse(status: 200, body: (cosignature ?? "") + "\n")
        } catch let error as LedgerError {
            return Self.response(to: error.reason)
        } catch {
            return HTTPResponse(status: 500, body: "internal error\n")
        }
    }

    static func response(to reason: Reason) -> HTTPResponse {
        switch reason.id {
        case "add-checkpoint-conflict":
            return HTTPResponse(status: 409, contentType: "text/x.tlog.size", body: (reason.arguments["size"] ?? "0") + "\n")
        case "peer-origin-unknown": return HTTPResponse(status: 404, body: "unknown log\n")
        case "peer-checkpoint-unsigned", "peer-frozen": return HTTPResponse(status: 403, body: reason.id + "\n")
        case "add-checkpoint-malformed", "add-checkpoint-old-beyond-size": return HTTPResponse(status: 400, body: reason.id + "\n")
        default: return HTTPResponse(status: 500, body: reason.id + "\n")
        }
    }
}
