import Foundation
import PropertyLedger

/// An object as `show`, `where` and `scan` print it with `--json`: its stored fields (times in UTC, as in
/// the log) and whether it is overdue now.
struct ObjectJSON: Encodable {
    let object: CustodyObject
    let overdue: Bool

    init(_ object: CustodyObject, now: Date = Date()) {
        self.object = object
        self.overdue = object.isOverdue(at: Timestamp.string(now))
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
