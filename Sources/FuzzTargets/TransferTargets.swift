import Foundation
import PropertyLedger
import Transfers
import WitnessHTTP

/// Files and requests another agency's ledger sends: transfer bundles (`transfer receive`), receipts
/// (`transfer close`), tlog-witness `add-checkpoint` bodies (`witness add-checkpoint`, `witness serve`) and the
/// HTTP request heads they come in.
enum TransferTargets {
    static let bundle = FuzzTarget("bundle", "TransferBundle(parsing:as: .bundle): data gives back the same bytes") {
        data throws(FuzzFinding) in try readsBack(data, as: .bundle)
    }

    static let receipt = FuzzTarget(
        "transfer-receipt", "TransferBundle(parsing:as: .receipt): data gives back the same bytes, cosigned section included"
    ) { data throws(FuzzFinding) in try readsBack(data, as: .receipt) }

    static let addCheckpoint = FuzzTarget(
        "add-checkpoint", "AddCheckpointRequest(parsing:): text gives back the same bytes; its checkpoint and proof verify or refuse"
    ) { data throws(FuzzFinding) in
        guard let request = try Refusal.value({ try AddCheckpointRequest(parsing: data) }) else { return }
        try FuzzFinding.require(Data(request.text.utf8) == data, "text differs from the request read: \(request.text.debugDescription)")
        // What the witness does next (CheckpointWitness), without a store: the note, then the proof from the checkpoint
        // it holds at `old`, here the vectors' tree's root at that size.
        guard let signed = try Refusal.value({ try SignedCheckpoint(parsing: request.checkpoint, verifier: LogTargets.verifier) }),
            let verifier = try Refusal.value({ try ProofVerifier(.sha256) })
        else { return }
        let held = (1...8).contains(request.oldSize) ? vectorRoots[Int(request.oldSize) - 1] : signed.checkpoint.rootHash
        let consistent: Void? = try Refusal.value {
            try verifier.verifyConsistency(
                size1: UInt64(request.oldSize), size2: signed.checkpoint.size, proof: request.proof, root1: held,
                root2: signed.checkpoint.rootHash)
        }
        try FuzzFinding.require(
            consistent == nil || request.oldSize <= signed.checkpoint.size,
            "a proof from \(request.oldSize) to \(signed.checkpoint.size) verified")
    }

    /// The roots at sizes 1 to 8 of the vectors' tree (Tests/PropertyLedgerTests/Fixtures/vectors/merkle/sha256.json),
    /// which the corpus's checkpoints sign.
    static let vectorRoots: [Data] = [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ].map { hex in Data(stride(from: 0, to: 64, by: 2).map { UInt8(hex.dropFirst($0).prefix(2), radix: 16)! }) }

    /// The bytes of a request head before its blank line, as `witness serve` reads them off a connection.
    static let httpHead = FuzzTarget(
        "http-head", "HTTPRequestHead: what it accepts, written again as a plain head, reads back the same"
    ) { data throws(FuzzFinding) in
        guard let head = HTTPRequestHead(ArraySlice(data)) else { return }
        try FuzzFinding.require(
            !head.method.isEmpty && !head.method.contains(" ") && head.path.hasPrefix("/") && !head.path.contains(" ")
                && (head.contentLength.map { (0...999_999_999).contains($0) } ?? true),
            "accepted \(head)")
        var lines = ["\(head.method) \(head.path) HTTP/1.1"]
        if let length = head.contentLength { lines.append("Content-Length: \(length)") }
        if head.hasTransferEncoding { lines.append("Transfer-Encoding: chunked") }
        let again = HTTPRequestHead(ArraySlice(lines.joined(separator: "\r\n").utf8))
        try FuzzFinding.require(again == head, "\(head) written again reads as \(String(describing: again))")
    }

    /// A bundle or receipt is read strictly, section by section, so what it writes is what it read.
    private static func readsBack(_ data: Data, as kind: TransferBundle.Kind) throws(FuzzFinding) {
        guard let bundle = try Refusal.value({ try TransferBundle(parsing: data, as: kind) }) else { return }
        try FuzzFinding.require(
            bundle.data == data,
            "data differs from the \(kind.rawValue) read: \(String(decoding: bundle.data, as: UTF8.self).debugDescription)")
    }
}
