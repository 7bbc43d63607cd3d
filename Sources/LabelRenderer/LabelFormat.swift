/// What `ledger label` writes.
public enum LabelFormat: String, Sendable, CaseIterable {
    /// For screens and office printers (and the browser's print dialog).
    case svg
    /// For Zebra-compatible thermal printers.
    case zpl
    /// A 1-bit image at the printer's resolution.
    case png

    public var fileExtension: String { rawValue }
}
