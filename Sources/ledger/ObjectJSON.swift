import Foundation
import LedgerPresentation
import PropertyLedger

/// An object as `show`, `where`, `list`, `case show` and `scan` print it with `--json`: its fields, times in
/// ISO 8601 with the agency's offset (`2026-12-20T12:00:00+08:00`, the same instant as the stored UTC time),
/// and whether it is overdue now.
struct ObjectJSON: Encodable {
    let object: CustodyObject
    let overdue: Bool

    init(_ object: CustodyObject, timeFormat: TimeFormat, now: Date = Date()) {
        self.overdue = object.isOverdue(at: Timestamp.string(now))
        var shown = object
        shown.due = object.due.map(timeFormat.iso8601(stored:))
        if let seizedAt = object.item?.seizedAt { shown.item?.seizedAt = timeFormat.iso8601(stored: seizedAt) }
        self.object = shown
    }

    private enum CodingKeys: String, CodingKey {
        case overdue
    }

    func encode(to encoder: any Encoder) throws {
        // The object's own keys and `overdue` side by side in one JSON object.
        try object.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(overdue, forKey: .overdue)
    }
}
