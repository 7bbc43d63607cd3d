import LedgerPresentation

/// Fitting text into terminal columns as ``displayWidth(_:)`` counts them (CJK characters two columns).
enum TextFit {
    static let ellipsis = "…"

    /// `text` cut to at most `width` columns, ending in an ellipsis when something was cut.
    static func truncated(_ text: String, toWidth width: Int) -> String {
        guard displayWidth(text) > width else { return text }
        let room = width - displayWidth(ellipsis)
        var result = ""
        var used = 0
        for character in text {
            let w = displayWidth(String(character))
            if used + w > room { break }
            result.append(character)
            used += w
        }
        return result + ellipsis
    }

    /// `text` broken into lines of at most `width` columns: at the last space that fits when there is one
    /// (English), else between any two characters (Chinese has no spaces to break at).
    static func wrapped(_ text: String, toWidth width: Int) -> [String] {
        guard displayWidth(text) > width else { return [withoutTrailingSpaces(text)] }
        var lines: [String] = []
        var line = ""
        var used = 0
        for character in text {
            let w = displayWidth(String(character))
            if used + w > width, !line.isEmpty {
                if character != " ", let space = line.lastIndex(of: " "), space != line.startIndex {
                    lines.append(String(line[..<space]))
                    line = String(line[line.index(after: space)...])
                } else {
                    lines.append(line)
                    line = ""
                }
                while line.first == " " { line.removeFirst() }
                used = displayWidth(line)
                if character == " " { continue }
            }
            line.append(character)
            used += w
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines.map(withoutTrailingSpaces)
    }

    static func withoutTrailingSpaces(_ text: String) -> String {
        guard text.utf8.last == 0x20 else { return text }
        var text = text
        while text.utf8.last == 0x20 { text.removeLast() }
        return text
    }

    /// One line of `text`: line breaks and tabs (which a terminal would act on) as spaces.
    static func oneLine(_ text: String) -> String {
        // Line breaks beyond ASCII (U+0085, U+2028, U+2029) start with the bytes C2 or E2.
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0xC2 || $0 == 0xE2 }) else { return text }
        return String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }
}
