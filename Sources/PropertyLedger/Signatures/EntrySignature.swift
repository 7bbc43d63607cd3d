public import Foundation

/// The signature an entry carries: who signed (``keyID``, an enrolled key) and the signature itself.
///
/// It is the last member of the entry's JSON object, after the unsigned entry's own members:
///
///     {"actor":"000001", … ,"v":1,"sig":{"key":"3f2a9c0b5e7d1a46","value":"MEUCIQ…"}}
///
/// The signed bytes are the entry without it — the stored bytes up to the last `,"sig":{`, then `}` — which
/// are exactly the bytes the rules produced before signing, so nothing is ever re-serialised. `,"sig":{`
/// cannot occur inside a JSON string (its quotes would be escaped), the signature member holds only hex and
/// base64, and no entry type has a field named `sig`: the last occurrence is the signature's. See
/// docs/entry-format.md.
public struct EntrySignature: Sendable, Equatable {
    /// The key's id: 16 lower-case hex digits (``SigningKeyID``).
    public var keyID: String
    public var value: Data

    public init(keyID: String, value: Data) {
        self.keyID = keyID
        self.value = value
    }

    static let marker = Data(#","sig":{"#.utf8)
    static let maximumSignatureSize = 256

    /// What the key signs for the entry whose unsigned bytes are `body` at `index` of the log `origin`:
    /// `PropertyLedger/entry/v1`, the origin and the index, each on a line of its own, then the body. The
    /// origin and index bind the signature to one place in one log: it cannot be replayed elsewhere.
    public static func message(body: Data, index: Int64, origin: String) -> Data {
        Data("PropertyLedger/entry/v1\n\(origin)\n\(index)\n".utf8) + body
    }

    /// `body` (an unsigned entry: one JSON object) with this signature as its last member.
    public func sealing(_ body: Data) -> Data {
        var sealed = body.dropLast()
        sealed.append(Self.marker)
        sealed.append(Data(#""key":"\#(keyID)","value":"\#(value.base64EncodedString())"}}"#.utf8))
        return Data(sealed)
    }

    /// Splits stored entry bytes into the unsigned entry and its signature (nil when it carries none).
    ///
    /// - Throws: ``LedgerError`` (`invalidInput`, `entry-signature-malformed`) when the bytes end in a
    ///   signature member that is not exactly `{"key":HEX16,"value":BASE64}`.
    public static func split(_ stored: Data) throws -> (body: Data, signature: EntrySignature?) {
        guard let range = stored.lastRange(of: marker) else { return (stored, nil) }
        let member = stored[range.upperBound...]
        guard let text = String(data: Data(member), encoding: .utf8), text.hasPrefix(#""key":""#), text.hasSuffix(#""}}"#) else {
            throw LedgerError(.invalidInput, .entrySignatureMalformed)
        }
        let inner = text.dropFirst(7).dropLast(3)
        let parts = inner.split(separator: "\"", omittingEmptySubsequences: false)
        // HEX16 "," "value" ":" BASE64
        guard parts.count == 5, parts[1] == ",", parts[2] == "value", parts[3] == ":",
            let keyID = SigningKeyID(String(parts[0])), parts[4].count <= (maximumSignatureSize * 4 / 3) + 4,
            let value = Data(base64Encoded: String(parts[4])), !value.isEmpty
        else { throw LedgerError(.invalidInput, .entrySignatureMalformed) }
        var body = Data(stored[..<range.lowerBound])
        body.append(UInt8(ascii: "}"))
        return (body, EntrySignature(keyID: keyID.text, value: value))
    }
}

extension Data {
    /// The last range of `needle` in the data.
    fileprivate func lastRange(of needle: Data) -> Range<Index>? {
        range(of: needle, options: .backwards)
    }
}
