/// A line the clerk types at `ledger cabinet run`, standing in for the cabinet's door sensor and card reader:
/// `authorize BADGE`, `authorize card UID` (either followed by `witness BADGE` or `witness card UID` for the
/// two-person rule), `open`, `close`, `quit`. Words are matched without regard to case.
enum ClerkInput: Equatable {
    case authorize(AdapterRequest.Credential, witness: AdapterRequest.Credential?)
    case open
    case close
    case quit
    /// A line that is none of these, as typed.
    case unreadable(String)

    /// What `line` says; nil for a blank line.
    init?(line: String) {
        let words = line.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let first = words.first else { return nil }
        switch (first.lowercased(), words.count) {
        case ("open", 1): self = .open
        case ("close", 1): self = .close
        case ("quit", 1), ("exit", 1): self = .quit
        case ("authorize", _):
            var rest = words.dropFirst()
            guard let credential = Self.credential(from: &rest) else {
                self = .unreadable(line)
                return
            }
            var witness: AdapterRequest.Credential?
            if rest.first?.lowercased() == "witness" {
                rest = rest.dropFirst()
                witness = Self.credential(from: &rest)
                if witness == nil {
                    self = .unreadable(line)
                    return
                }
            }
            self = rest.isEmpty ? .authorize(credential, witness: witness) : .unreadable(line)
        default: self = .unreadable(line)
        }
    }

    /// `BADGE` or `card UID`, taken from the front of `words`.
    private static func credential(from words: inout ArraySlice<String>) -> AdapterRequest.Credential? {
        guard let first = words.popFirst() else { return nil }
        guard first.lowercased() == "card" else { return first.lowercased() == "witness" ? nil : .badge(first) }
        return words.popFirst().map { .card($0) }
    }
}
