public import Foundation

extension Data {
    /// The bytes of `text` in standard base64, only when `text` is exactly how they encode: padded, with no
    /// spare bits set. Foundation also accepts other spellings of the same bytes, so a receipt or a note with a
    /// byte changed could otherwise read the same; every text the ledger checks has one spelling.
    public init?(canonicalBase64 text: some StringProtocol) {
        guard let bytes = Data(base64Encoded: String(text)), bytes.base64EncodedString() == text else { return nil }
        self = bytes
    }
}
