/// A group of the interface's own words (table headings, status words, one command's output), as a struct
/// whose stored `Wording` properties are its entries:
///
/// ```swift
/// public struct ShowWords: CatalogueSection {
///     public let caseLine = Wording(zh: "案件  {case}", en: "case      {case}")
/// }
/// ```
///
/// Call sites name an entry (`Catalogue.show.caseLine`), so a missing entry does not compile; sections are
/// listed in ``Catalogue/sections`` so that a test can read every entry (by reflection) and check that both
/// languages are there with the same placeholders.
public protocol CatalogueSection: Sendable {}

extension CatalogueSection {
    /// Every entry of the section, by property name.
    public var entries: [(name: String, wording: Wording)] {
        Mirror(reflecting: self).children.compactMap { child in
            (child.value as? Wording).map { (child.label ?? "?", $0) }
        }
    }
}
