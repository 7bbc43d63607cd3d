public import ChipReader
public import PropertyLedger

extension Reason {
    /// The reason of a ChipReader error, to be rendered like any other.
    public init(_ error: ReaderError) {
        self.init(error.reasonID, error.arguments)
    }

    /// ChipReader's reasons, as specs (ChipReader cannot see ``ReasonSpec``: it stands below PropertyLedger).
    ///
    /// `message` is ChipReader's `ReaderError(_:_:)` with text that is already final: neither PropertyLedger nor
    /// the `ledger` tool makes one any more (their errors have reasons of their own), but the initializer is
    /// ChipReader's public API, so its text is still shown as it is.
    public static var readerReasons: [ReasonSpec] {
        [ReasonSpec("message", "text")] + ReaderError.reasons.sorted { $0.key < $1.key }.map { ReasonSpec($0.key, arguments: $0.value) }
    }
}
