import Foundation

/// Numbers that identify a person and must never reach the permanent log: a mainland mobile number or an
/// 18-character resident ID number.
///
/// Detection works on the NFKC form (full-width digits are digits) and joins digit groups separated by up to
/// three spaces, hyphens or dots (`138-1234-5678`, `370305 19900101 1234`). A candidate is made of whole
/// groups only, so a longer number (a 22-digit case number, a 15-digit IMEI) never yields one from its middle.
enum PersonalNumber: Equatable {
    /// 11 digits `1[3-9]…`, optionally after `86`, `+86` or `0086`.
    case mobile
    /// GB 11643-1999: 17 digits and a check character that passes ISO 7064 MOD 11-2.
    case residentID

    /// The first personal number found in `text`, if any.
    static func first(in text: String) -> PersonalNumber? {
        for chain in chains(in: Array(FieldRules.nfkc(text).unicodeScalars)) {
            for start in chain.indices {
                var candidate = ""
                for group in chain[start...] {
                    // A check character X ends a resident ID: nothing can follow it in the same number.
                    guard candidate.last != "X" else { break }
                    candidate += group
                    guard candidate.count <= 18 else { break }
                    if let kind = kind(of: candidate) { return kind }
                }
            }
        }
        return nil
    }

    /// What `digits` (whole groups joined) is, if it is a personal number.
    private static func kind(of digits: String) -> PersonalNumber? {
        if isMobile(digits) { return .mobile }
        for prefix in ["86", "0086"] where digits.hasPrefix(prefix) && isMobile(String(digits.dropFirst(prefix.count))) {
            return .mobile
        }
        return isResidentID(digits) ? .residentID : nil
    }

    private static func isMobile(_ digits: String) -> Bool {
        let d = Array(digits.utf8)
        return d.count == 11 && d[0] == UInt8(ascii: "1") && (UInt8(ascii: "3")...UInt8(ascii: "9")).contains(d[1])
            && d.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    static let residentIDWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let residentIDCheckCharacters = Array("10X98765432".utf8)

    /// 17 digits, a check character that matches, and a plausible birth date (year 1800–2099, month, day).
    static func isResidentID(_ text: String) -> Bool {
        let c = Array(text.utf8)
        guard c.count == 18 else { return false }
        var sum = 0
        for (weight, byte) in zip(residentIDWeights, c) {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return false }
            sum += weight * Int(byte - UInt8(ascii: "0"))
        }
        guard residentIDCheckCharacters[sum % 11] == c[17] else { return false }
        let value = { (range: Range<Int>) in c[range].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) } }
        return (1800...2099).contains(value(6..<10)) && (1...12).contains(value(10..<12)) && (1...31).contains(value(12..<14))
    }

    /// Runs of digit groups joined by separators. A group is a run of ASCII digits, with a trailing `X`/`x` (a
    /// resident ID's check character, upper-cased) when no letter or digit follows it.
    private static func chains(in scalars: [Unicode.Scalar]) -> [[String]] {
        var chains: [[String]] = []
        var current: [String] = []
        var index = 0
        var lastGroupEnd: Int?
        while index < scalars.count {
            guard isDigit(scalars[index]) else {
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, isDigit(scalars[end]) { end += 1 }
            var group = String(String.UnicodeScalarView(scalars[index..<end]))
            if end < scalars.count, scalars[end] == "X" || scalars[end] == "x",
                end + 1 == scalars.count || !(scalars[end + 1].properties.isAlphabetic || isDigit(scalars[end + 1]))
            {
                group += "X"
                end += 1
            }
            let gap = lastGroupEnd.map { scalars[$0..<index] }
            if let gap, !gap.isEmpty, gap.count <= 3, gap.allSatisfy(isSeparator) {
                current.append(group)
            } else {
                if !current.isEmpty { chains.append(current) }
                current = [group]
            }
            lastGroupEnd = end
            index = end
        }
        if !current.isEmpty { chains.append(current) }
        return chains
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    /// Spaces, hyphens and dashes, and dots: what people put between digit groups (after NFKC, so the
    /// full-width forms are included).
    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .spaceSeparator, .dashPunctuation: true
        default: scalar == "." || scalar == "\u{00B7}"
        }
    }
}
