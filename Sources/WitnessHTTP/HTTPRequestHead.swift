/// The head of an HTTP/1.1 request, read strictly: what the witness needs of it and nothing more.
///
/// Of the package (FuzzTargets feeds it), not public.
package struct HTTPRequestHead: Equatable {
    package var method: String
    package var path: String
    /// The body's length; nil when the request gives none.
    package var contentLength: Int?
    package var hasTransferEncoding: Bool

    /// The most a head may take: the request line and a few headers.
    package static let maximumSize = 8 * 1024

    /// Parses the bytes before the blank line (without it); nil for anything that is not a well-formed
    /// HTTP/1.x request head: a bad request line, a header without a colon or with a name that is not a token,
    /// two different Content-Lengths, a CR or LF that is not part of a CRLF (a bare LF would hide the header
    /// after it inside the one before, for us but not for a proxy that ends lines at LF: RFC 9112 §2.2).
    package init?(_ bytes: ArraySlice<UInt8>) {
        guard bytes.allSatisfy({ $0 == 0x09 || $0 == 0x0D || $0 == 0x0A || (0x20..<0x7F).contains($0) }) else { return nil }
        // "\r\n" is one Character, so a CR or LF left in a line after the split stood alone.
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\r\n", omittingEmptySubsequences: false)
        guard lines.allSatisfy({ !$0.contains("\r") && !$0.contains("\n") }) else { return nil }
        let requestLine = lines[0].split(separator: " ", omittingEmptySubsequences: false)
        guard requestLine.count == 3, !requestLine[0].isEmpty, requestLine[1].hasPrefix("/"),
            requestLine[2] == "HTTP/1.1" || requestLine[2] == "HTTP/1.0"
        else { return nil }
        method = String(requestLine[0])
        path = String(requestLine[1])
        contentLength = nil
        hasTransferEncoding = false
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex, line[..<colon].allSatisfy(\.isToken) else { return nil }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: [" ", "\t"])
            switch name {
            case "content-length":
                guard !value.isEmpty, value.count <= 9, value.allSatisfy(\.isASCIIDigit), let length = Int(value),
                    contentLength == nil || contentLength == length
                else { return nil }
                contentLength = length
            case "transfer-encoding":
                hasTransferEncoding = true
            default:
                continue
            }
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }

    /// A character a header's name may hold (RFC 9110 §5.6.2 `tchar`).
    fileprivate var isToken: Bool { isASCII && (isLetter || isNumber || "!#$%&'*+-.^_`|~".contains(self)) }
}

extension StringProtocol {
    fileprivate func trimmingCharacters(in set: Set<Character>) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}
