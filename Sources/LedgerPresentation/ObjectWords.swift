public import Foundation
public import PropertyLedger

/// How an item or dossier is named and where it stands, in a phrase (`show`, `scan`, later labels and the
/// bulletin).
///
/// A dossier volume registered without a title has no name in the store (the projection keeps the title or
/// nothing, never interface words); it is named here, when shown: `卷 1/3`, `volume 1 of 3`.
public struct ObjectWords: CatalogueSection {
    public let untitledDossier = Wording(zh: "卷 {volume}/{volumes}", en: "volume {volume} of {volumes}")
    public let quantity = Wording(zh: "×{quantity} {unit}", en: "×{quantity} {unit}")
    public let storedAt = Wording(zh: "在库（{location}）", en: "in storage at {location}")
    /// A location code with its name, inside ``storedAt``.
    public let namedLocation = Wording(zh: "{code} {name}", en: "{code} ({name})")
    public let heldBy = Wording(zh: "已出库，由 {holder} 领用，应于 {due} 前归还", en: "checked out to {holder}, due {due}")
    public let notYetStored = Wording(zh: "已登记，尚未入库", en: "registered, not yet in storage")
    public let disposedOf = Wording(zh: "已处置", en: "disposed of")
    public let handedOver = Wording(zh: "已移交其他单位，不在本单位保管", en: "handed to another agency: no longer in this agency's custody")
    /// After a status line whose check-out is past due.
    public let overdue = Wording(zh: "** 已逾期 **", en: "** OVERDUE **")
    /// A location, holder or time that the projection lacks (a damaged store).
    public let unknown = Wording(zh: "?", en: "?")
}

extension Catalogue {
    public static let objects = ObjectWords()
}

extension ObjectWords {
    /// The object's name: its own (an item's name, a dossier's title), else a dossier's volume in words.
    public func name(of object: CustodyObject, in language: Language) -> String {
        guard object.name.isEmpty,
            let volume = object.dossier.map({ DossierVolume(volume: $0.volume, volumes: $0.volumes) }) ?? object.volume
        else { return object.name }
        return untitledDossier.text(in: language, ["volume": String(volume.volume), "volumes": String(volume.volumes)])
    }

    /// Where the object stands, in a phrase: stored where (with the location's name when given), held by whom
    /// until when, only registered, or disposed of; a check-out past due at `now` is marked.
    public func status(
        of object: CustodyObject, locationName: String? = nil, people: People, timeFormat: TimeFormat, now: Date = Date()
    ) -> String {
        let language = timeFormat.language
        let unknown = self.unknown.text(in: language)
        switch object.status {
        case .inStorage:
            let code = object.location ?? unknown
            let location = locationName.map { namedLocation.text(in: language, ["code": code, "name": $0]) } ?? code
            return storedAt.text(in: language, ["location": location])
        case .checkedOut:
            let phrase = heldBy.text(
                in: language,
                ["holder": object.holder.map(people.name) ?? unknown, "due": object.due.map { timeFormat.string(stored: $0) } ?? unknown])
            return object.isOverdue(at: Timestamp.string(now)) ? phrase + "  " + overdue.text(in: language) : phrase
        case .registered:
            return notYetStored.text(in: language)
        case .disposed:
            return disposedOf.text(in: language)
        case .transferred:
            return handedOver.text(in: language)
        }
    }
}
