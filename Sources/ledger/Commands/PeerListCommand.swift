import CommandLineSupport
import Foundation
import LedgerPresentation
import PropertyLedger
import Transfers

/// `ledger peer list`: the peers, the newest checkpoint witnessed of each, and whether it is frozen.
struct PeerListCommand: LedgerCommand {
    static let spec = CommandSpec("peer list", summary: Wording(zh: "列出交换单位及已见证的检查点", en: "list the peers and what was witnessed of them"))

    init(parsing arguments: inout ArgumentReader) throws {}

    struct Result: Encodable {
        struct Row: Encodable {
            let name, origin, verifierKey: String
            let witnessKey: String?
            let addedAt: Int64
            let frozenAt: Int64?
            /// The size and base64 root of the newest checkpoint witnessed, when there is one.
            let witnessedSize: Int64?
            let witnessedRoot: String?
        }
        let peers: [Row]
    }

    func run(in context: CommandContext) async throws {
        let store = try await context.openStore()
        let peers = try await store.read { snapshot in try Transfers.peers(in: snapshot) }
        let language = context.language
        let words = Catalogue.transferWords
        let rows = peers.map {
            Result.Row(
                name: $0.peer.name, origin: $0.peer.origin, verifierKey: $0.peer.verifierKey, witnessKey: $0.peer.witnessKey,
                addedAt: $0.peer.addedAt,
                frozenAt: $0.peer.frozenAt, witnessedSize: $0.witnessed?.size, witnessedRoot: $0.witnessed?.root.base64EncodedString())
        }
        guard !rows.isEmpty else {
            try context.output.emit(Result(peers: []), text: words.noPeers.text(in: language))
            return
        }
        var table = TextTable(
            headers: [words.nameHeading, words.originHeading, words.witnessedHeading, words.statusHeading].map { $0.text(in: language) })
        for row in rows {
            let status = row.frozenAt.map { words.frozen.text(in: language, ["index": String($0)]) } ?? words.active.text(in: language)
            table.append(row.name, row.origin, row.witnessedSize.map(String.init) ?? "-", status)
        }
        try context.output.emit(Result(peers: rows), text: table.rendered)
    }
}
