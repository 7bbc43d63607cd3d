import Foundation
import PropertyLedger
import Transfers

/// Log entries from outside: the `extra` of a transfer bundle's receipts (a peer's manifest and `transfer.out`
/// entries, its `transfer.received`), and a store's own bytes read back.
enum EntryTargets {
    static let entry = FuzzTarget(
        "entry",
        "LoggedEntry(decoding:), CustodyEntry.decode, the transfer entries' payloads: the envelopes agree, encoding reads back the same"
    ) { data throws(FuzzFinding) in
        let logged = try Refusal.value { try LoggedEntry(decoding: data) }
        // A custody entry that does not decode is skipped by its readers (`try?`): a DecodingError is its refusal.
        if let entry = try? CustodyEntry.decode(data) {
            try FuzzFinding.require(
                logged.map { $0.type == entry.event.type && $0.at == entry.at && $0.actor == entry.actor && $0.device == entry.device }
                    ?? false,
                "the envelope reads otherwise than the custody entry: \(String(describing: logged))")
            let again = try? CustodyEntry.decode(try entry.encoded())
            try FuzzFinding.require(again == entry, "the custody entry encodes to \(String(describing: again)), not \(entry)")
        }
        guard let logged else { return }
        switch logged.type {
        case TransferManifest.type: try readsBack(TransferManifest.self, from: logged)
        case TransferOut.type: try readsBack(TransferOut.self, from: logged)
        case TransferReceived.type: try readsBack(TransferReceived.self, from: logged)
        default: break
        }
    }

    /// `entry`'s payload as `Payload`, if it is one, encoded and decoded again: the same value.
    private static func readsBack<Payload: Codable & Equatable>(_: Payload.Type, from entry: LoggedEntry) throws(FuzzFinding) {
        guard let payload = try? entry.payload(Payload.self) else { return }
        let again = try? JSONDecoder().decode(Payload.self, from: try JSONEncoder().encode(payload))
        try FuzzFinding.require(again == payload, "\(Payload.self) encodes to \(String(describing: again)), not \(payload)")
    }
}
