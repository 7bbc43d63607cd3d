import CabinetLink
import DossierVault

/// The cabinet protocol engine behind a transport: each line to ``CabinetService``, which answers it; a hook's
/// one connection serves only its own cabinet.
struct CabinetServiceHandler: CabinetLineHandler {
    let service: CabinetService
    /// The cabinet a `cabinet hook` serves; nil for `cabinet serve`, whose connections each name theirs.
    let cabinet: String?

    func respond(to line: [UInt8], from peer: CabinetPeer) async -> String {
        await service.respond(to: line, servingOnly: cabinet)
    }

    func respondToOverlongLine(from peer: CabinetPeer) async -> String {
        await service.respondToOverlongLine()
    }

    func refusal(of peer: CabinetPeer) async -> String {
        await service.refusal(uid: peer.uid)
    }

    func connectionClosed(_ peer: CabinetPeer) async {}
}
