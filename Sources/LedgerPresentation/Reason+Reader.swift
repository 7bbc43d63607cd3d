public import ChipReader
public import PropertyLedger

extension Reason {
    /// The reason of a ChipReader error, to be rendered like any other.
    public init(_ error: ReaderError) {
        self.init(error.reasonID, error.arguments)
    }

    /// ChipReader's reasons, as specs (ChipReader cannot see ``ReasonSpec``: it stands below PropertyLedger).
    public static var readerReasons: [ReasonSpec] {
        ReaderError.reasons.sorted { $0.key < $1.key }.map { ReasonSpec($0.key, arguments: $0.value) }
    }
}
