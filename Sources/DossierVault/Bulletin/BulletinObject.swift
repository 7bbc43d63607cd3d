public import LedgerPresentation
public import PropertyLedger

/// The item or dossier a bulletin row is about, as it stood when the bulletin was computed: its id, kind
/// and name (a dossier volume without a title is named by its volume when shown).
public struct BulletinObject: Sendable, Hashable {
    public let id: String
    /// Nil when the store has no such object (a damaged store, a deadline from elsewhere).
    public let kind: ObjectKind?
    /// The item's name or the dossier's title; nil for an untitled volume or an unknown object.
    public let name: String?
    public let volume: Int?
    public let volumes: Int?

    public init(id: String, kind: ObjectKind? = nil, name: String? = nil, volume: Int? = nil, volumes: Int? = nil) {
        self.id = id
        self.kind = kind
        self.name = name
        self.volume = volume
        self.volumes = volumes
    }

    public init(_ object: CustodyObject) {
        self.init(
            id: object.id, kind: object.kind, name: object.name.isEmpty ? nil : object.name,
            volume: object.dossier?.volume ?? object.volume?.volume,
            volumes: object.dossier?.volumes ?? object.volume?.volumes)
    }
}

extension BulletinObject {
    /// How people read its name: the item's name, the dossier's title, or an untitled volume in words
    /// (`卷 1/3`, `volume 1 of 3`); nil when there is none (an unknown object).
    public func displayName(in language: Language) -> String? {
        if let name { return name }
        guard let volume, let volumes else { return nil }
        return Catalogue.objects.untitledDossier.text(in: language, ["volume": String(volume), "volumes": String(volumes)])
    }
}
