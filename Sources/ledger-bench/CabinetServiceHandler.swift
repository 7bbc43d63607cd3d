import CabinetLink
import DossierVault

/// The cabinet protocol engine behind the socket server, as `ledger cabinet serve` wires it (the `ledger`
/// executable's handler of the same name cannot be imported): each line to ``CabinetService``, which answers it.
struct CabinetServiceHandler: CabinetLineHandler {
    let service: CabinetService

    func respond(to line: [UInt8], from peer: CabinetPeer) async -> String {
        await service.respond(to: line)
    }

    func respondToOverlongLine(from peer: CabinetPeer) async -> String {
        await service.respondToOverlongLine()
    }

    func refusal(of peer: CabinetPeer) async -> String {
        await service.refusal(uid: peer.uid)
    }

    func connectionClosed(_ peer: CabinetPeer) async {}
}
