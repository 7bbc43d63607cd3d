import DossierVault
import Foundation
import LedgerPresentation
import PropertyLedger
import Transfers

/// An object as `show`, `where`, `list`, `case show` and `scan` print it with `--json`: its fields, times in
/// ISO 8601 with the agency's offset (`2026-12-20T12:00:00+08:00`, the same instant as the stored UTC time),
/// whether it is overdue now, and — for `show`, `where` and `scan` — its open deadlines.
struct ObjectJSON: Encodable {
    let object: CustodyObject
    let overdue: Bool
    /// The open deadlines, graded at `now`; nil (left out) where the command does not look them up.
    let deadlines: [DeadlineJSON]?
    /// The smart cabinets' open findings about it (`show`, `where`); nil (left out) elsewhere.
    let findings: [FindingsCommand.FindingJSON]?
    /// The transfer out it is in or left with (`show`, `where`), when one concerns it.
    let transfer: TransferStanding?

    init(
        _ object: CustodyObject, timeFormat: TimeFormat, now: Date = Date(), deadlines: [Deadline]? = nil, findings: [Finding]? = nil,
        transfer: TransferStanding? = nil
    ) {
        self.transfer = transfer
        self.overdue = object.isOverdue(at: Timestamp.string(now))
        self.deadlines = deadlines?.map { DeadlineJSON($0, asOf: now, timeFormat: timeFormat) }
        self.findings = findings?.map { FindingsCommand.FindingJSON($0, timeFormat: timeFormat) }
        var shown = object
        shown.due = object.due.map(timeFormat.iso8601(stored:))
        if let seizedAt = object.item?.seizedAt { shown.item?.seizedAt = timeFormat.iso8601(stored: seizedAt) }
        self.object = shown
    }

    private enum CodingKeys: String, CodingKey {
        case overdue, deadlines, findings, transfer
    }

    func encode(to encoder: any Encoder) throws {
        // The object's own keys and `overdue` side by side in one JSON object.
        try object.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(overdue, forKey: .overdue)
        try container.encodeIfPresent(deadlines, forKey: .deadlines)
        try container.encodeIfPresent(findings, forKey: .findings)
        try container.encodeIfPresent(transfer, forKey: .transfer)
    }
}
