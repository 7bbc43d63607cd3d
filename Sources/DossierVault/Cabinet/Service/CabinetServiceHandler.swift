public import CabinetLink

/// The cabinet protocol engine behind a transport (CabinetLink's hook or socket server): each line to
/// ``CabinetService``, which answers it; a hook's one connection serves only its own cabinet.
public struct CabinetServiceHandler: CabinetLineHandler {
    public let service: CabinetService
    /// The cabinet a `cabinet hook` serves; nil for `cabinet serve`, whose connections each name theirs.
    public let cabinet: String?

    public init(service: CabinetService, cabinet: String?) {
        self.service = service
        self.cabinet = cabinet
    }

    public func respond(to line: [UInt8], from peer: CabinetPeer) async -> String {
        await service.respond(to: line, servingOnly: cabinet)
    }

    public func respondToOverlongLine(from peer: CabinetPeer) async -> String {
        await service.respondToOverlongLine()
    }

    public func refusal(of peer: CabinetPeer) async -> String {
        await service.refusal(uid: peer.uid)
    }

    public func connectionClosed(_ peer: CabinetPeer) async {}
}
