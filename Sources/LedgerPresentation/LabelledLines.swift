/// Lines of `label  value`, the values starting in one column however wide the labels are in the terminal
/// (CJK labels count two columns a character), indented under a heading: `show`'s and `case show`'s cards.
public struct LabelledLines: Sendable {
    public private(set) var lines: [(label: String, value: String)] = []

    public init() {}

    public mutating func append(_ label: String, _ value: String) {
        lines.append((label, value))
    }

    /// Each line indented by `indent`, its label padded to the widest label (of the lines, and of `labels`: every
    /// label the card may have, so that the values start in the same column whichever lines are there) and two
    /// spaces more.
    public func rendered(indent: String = "  ", alignedWith labels: [String] = []) -> String {
        let width = ((lines.map(\.label) + labels).map(displayWidth).max() ?? 0) + 2
        return lines.map { indent + padded($0.label, to: width) + $0.value }.joined(separator: "\n")
    }
}
