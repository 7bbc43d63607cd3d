import Foundation

/// Registrations: who may register items and dossiers, the seizure's witnesses and time, and the ids issued.
extension CustodyRules {
    func itemRegistered(_ r: ItemRegistration, actor: String?, date: Date) throws -> ItemRegistered {
        try requireActor(actor, roles: [.clerk, .officer, .supervisor], "register-items")
        let record = try requireCase(r.caseNumber)
        guard record.status != .closed else { throw refused(.caseClosed(record.number)) }
        let seizers = Array(Set(r.seizedBy.filter { !$0.isEmpty })).sorted()
        guard seizers.count >= 2 else {
            throw refused(.tooFewSeizers(count: seizers.count))
        }
        for badge in seizers { _ = try requireOfficer(badge, roles: [.officer, .supervisor], as: "seizer") }
        let seizedAt = r.seizedAt ?? date
        guard seizedAt <= date.addingTimeInterval(Self.clockSkew) else {
            throw refused(.seizureInFuture(seizedAt: Timestamp.string(seizedAt), recordedAt: Timestamp.string(date)))
        }
        guard seizedAt >= earliestSeizure else {
            throw refused(.seizureTooEarly(seizedAt: Timestamp.string(seizedAt)))
        }
        let photos = r.photos.map(FieldRules.normalized)
        for photo in photos where !(photo.count == 64 && photo.allSatisfy({ $0.isASCII && $0.isHexDigit })) {
            throw LedgerError(.invalidInput, .photoDigestInvalid(photo))
        }
        let prefix = "P-\(agency.code)-\(agency.calendar.component(.year, from: date))-"
        let field = { (name: String, value: String?) in try check(name, of: "item.registered", optional: value) }
        return ItemRegistered(
            id: try projections.nextObjectID(prefix: prefix), case: record.number, name: try check("name", of: "item.registered", r.name),
            quantity: try check("quantity", of: "item.registered", r.quantity), unit: try check("unit", of: "item.registered", r.unit),
            weight: try field("weight", r.weight), features: try field("features", r.features), source: try field("source", r.source),
            seizedAt: Timestamp.string(seizedAt), seizedBy: seizers, photos: photos.isEmpty ? nil : photos.map { $0.lowercased() })
    }

    func dossierRegistered(_ r: DossierRegistration, actor: String?, date: Date) throws -> DossierRegistered {
        try requireActor(actor, roles: [.clerk, .officer, .supervisor], "register-dossiers")
        let record = try requireCase(r.caseNumber)
        try Self.requireVolume(r.volume, of: r.volumes)
        guard r.pages >= 1 else { throw LedgerError(.invalidInput, .dossierNeedsPages) }
        let prefix = "D-\(agency.code)-\(agency.calendar.component(.year, from: date))-"
        return DossierRegistered(
            id: try projections.nextObjectID(prefix: prefix), case: record.number,
            title: try check("title", of: "dossier.registered", optional: r.title), volume: r.volume, volumes: r.volumes,
            pages: r.pages)
    }

    /// Volume `volume` of `volumes`: both at least 1, the volume no more than the volumes.
    static func requireVolume(_ volume: Int, of volumes: Int) throws {
        guard volumes >= 1, volume >= 1, volume <= volumes else {
            throw LedgerError(.invalidInput, .volumeOutOfRange(volume: volume, of: volumes))
        }
    }
}
