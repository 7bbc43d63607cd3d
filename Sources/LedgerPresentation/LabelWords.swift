public import PropertyLedger

/// What a printed label says besides its values: the captions a template places with `{caption.NAME}`, and the
/// values worded per language (`{quantity-text}`, `{volume-text}`, `{pages-text}`).
public struct LabelWords: CatalogueSection {
    public let itemHeading = Wording(zh: "涉案财物", en: "Case property")
    public let dossierHeading = Wording(zh: "案卷", en: "Case file")
    public let name = Wording(zh: "名称：", en: "Name: ")
    public let quantity = Wording(zh: "数量：", en: "Qty: ")
    public let seized = Wording(zh: "扣押：", en: "Seized: ")
    public let caseNumber = Wording(zh: "案号：", en: "Case: ")
    public let caseTitle = Wording(zh: "案件：", en: "Title: ")
    public let handlingUnit = Wording(zh: "办案单位：", en: "Unit: ")
    public let volume = Wording(zh: "卷次：", en: "Volume: ")
    public let registered = Wording(zh: "登记：", en: "Registered: ")
    public let quantityText = Wording(zh: "{quantity}{unit}", en: "{quantity} {unit}")
    public let volumeText = Wording(zh: "第{volume}卷 共{volumes}卷", en: "{volume} of {volumes}")
    public let pagesText = Wording(zh: "{pages}页", en: "{pages} pp.")

    /// The captions by the name a template gives them after `caption.`.
    public var captions: [String: Wording] {
        [
            "item-heading": itemHeading, "dossier-heading": dossierHeading, "name": name, "quantity": quantity, "seized": seized,
            "case": caseNumber, "case-title": caseTitle, "handling-unit": handlingUnit, "volume": volume, "registered": registered,
        ]
    }
}

extension Catalogue {
    public static let labels = LabelWords()
}

/// The values a label template's placeholders take for one object: ids as they are, names as registered,
/// dates as days in the agency's zone, counts worded in the label's language, and the captions.
public enum LabelValues {
    /// The placeholder names a template for `kind` may use.
    public static func vocabulary(for kind: ObjectKind) -> Set<String> {
        let common = ["id", "name", "case", "case-title", "handling-unit", "registered-date", "chip"]
        let own =
            switch kind {
            case .item: ["quantity", "unit", "quantity-text", "seized-date"]
            case .dossier: ["volume", "volumes", "volume-text", "pages", "pages-text"]
            }
        return Set(common + own + Catalogue.labels.captions.keys.map { "caption." + $0 })
    }

    /// `object`'s values; `registeredAt` is the stored time of its registration entry, `record` its case.
    public static func values(
        of object: CustodyObject, case record: CaseRecord?, registeredAt: String?, timeFormat: TimeFormat
    ) -> [String: String] {
        let language = timeFormat.language
        let words = Catalogue.labels
        var values: [String: String] = [
            "id": object.id, "name": Catalogue.objects.name(of: object, in: language), "case": object.caseNumber,
        ]
        values["case-title"] = record?.title
        values["handling-unit"] = record?.unit
        values["chip"] = object.chip
        values["registered-date"] = registeredAt.map { timeFormat.day(stored: $0) }
        if let item = object.item {
            values["quantity"] = item.quantity
            values["unit"] = item.unit
            values["quantity-text"] = words.quantityText.text(in: language, ["quantity": item.quantity, "unit": item.unit])
            values["seized-date"] = timeFormat.day(stored: item.seizedAt)
        }
        if let dossier = object.dossier {
            values["volume"] = String(dossier.volume)
            values["volumes"] = String(dossier.volumes)
            values["pages"] = String(dossier.pages)
            values["volume-text"] = words.volumeText.text(
                in: language, ["volume": String(dossier.volume), "volumes": String(dossier.volumes)])
            values["pages-text"] = words.pagesText.text(in: language, ["pages": String(dossier.pages)])
        }
        for (name, wording) in words.captions { values["caption." + name] = wording.text(in: language) }
        return values
    }
}
