/// One handling unit's part of a bulletin: its rows, section by section in the bulletin's order (empty
/// sections included), and its counts.
public struct BulletinUnit: Sendable, Hashable {
    /// The unit's name as cases record it; nil for the objects of cases without a unit ("unit unknown").
    public let unit: String?
    public let parts: [BulletinPart]
    public let counts: BulletinCounts

    public init(unit: String?, parts: [BulletinPart], counts: BulletinCounts) {
        self.unit = unit
        self.parts = parts
        self.counts = counts
    }

    /// The part of section `id`, if the bulletin has that section.
    public func part(_ id: String) -> BulletinPart? {
        parts.first { $0.sectionID == id }
    }
}
