/// A thermal printhead's resolution. The names are the trade's (203 and 300 dpi); the grids are the heads' own,
/// 8 and 12 dots per millimetre, so a label's millimetres become whole dots the same way on every printer.
public enum PrinterResolution: Int, Sendable, CaseIterable {
    case dpi203 = 203
    case dpi300 = 300

    public var dotsPerMillimetre: Int {
        switch self {
        case .dpi203: 8
        case .dpi300: 12
        }
    }

    /// `millimetres` as the nearest whole number of dots.
    public func dots(_ millimetres: Double) -> Int {
        Int((millimetres * Double(dotsPerMillimetre)).rounded())
    }
}
