import CommandLineSupport
import Foundation
import LedgerPresentation
import PropertyLedger

/// The ledger's own kinds of argument: objects, times, comma-separated lists.
extension ArgumentReader {
    /// The next positional as an OBJECT (an item or dossier id, or chip:UID).
    mutating func object(_ name: String = "OBJECT") throws -> String {
        try positional(name, whenEmpty: Reason.objectArgumentEmpty)
    }

    /// `--name TIME`, checked now as a ``TypedTime`` (a bad time is a usage error like any other bad value,
    /// worded from the parser's reason, before anything touches a store) and read in the store's zone when the
    /// command runs (``TypedTime/date(in:)`` with the agency's ``Agency/timeZone``).
    mutating func time(_ name: String) throws -> TypedTime? {
        guard let text = take(name) else { return nil }
        do {
            return try TypedTime(text)
        } catch let error as LedgerError {
            throw ArgumentValueError(option: name, reason: error.reason, command: command)
        }
    }

    /// Every value of a repeatable `--name`, each a comma-separated list of `T`'s raw values (`--grade red,orange
    /// --grade yellow`), in order, each once.
    mutating func choiceList<T: RawRepresentable & CaseIterable & Hashable>(_ name: String, _: T.Type) throws -> [T]
    where T.RawValue == String {
        var chosen: [T] = []
        for value in takeAll(name).flatMap(list) {
            guard let parsed = T(rawValue: value) else {
                throw error(.optionNotOneOf("--" + name, allowed: T.allCases.map(\.rawValue), value: value))
            }
            if !chosen.contains(parsed) { chosen.append(parsed) }
        }
        return chosen
    }

    /// `A, B,C` as `["A", "B", "C"]`.
    func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
