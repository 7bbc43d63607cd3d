import DossierVault
import Foundation
import LedgerPresentation
import PropertyLedger

/// An open deadline as `due`, `show` and `scan` print it with `--json`: codes, not words; times ISO 8601 with the
/// agency's offset; how long is left (or how long it is overdue) at the instant asked about, in seconds; people
/// by badge and places by code. Fields without a value are left out.
struct DeadlineJSON: Encodable {
    let rule: String
    let action: String
    let grade: String
    let object: String
    /// The object's kind and name, where the command lists objects of several kinds (`due`).
    var objectKind: String?
    var objectName: String?
    let caseNumber: String
    let unit: String?
    let since: String
    let due: String
    let leftSeconds: Int?
    let overdueSeconds: Int?
    let location: String?
    let holder: String?

    init(_ deadline: Deadline, asOf: Date, timeFormat: TimeFormat, object: CustodyObject? = nil) {
        rule = deadline.rule.rawValue
        action = deadline.action.rawValue
        grade = deadline.grade.rawValue
        self.object = deadline.object
        objectKind = object?.kind.rawValue
        objectName = object.flatMap { $0.name.isEmpty ? nil : $0.name }
        caseNumber = deadline.caseNumber
        unit = deadline.unit
        since = timeFormat.iso8601(deadline.since)
        due = timeFormat.iso8601(deadline.due)
        // Whole seconds: the grade turns red one second after the due time.
        let left = Int(deadline.due.timeIntervalSince(asOf).rounded(.down))
        leftSeconds = left >= 0 ? left : nil
        overdueSeconds = left < 0 ? -left : nil
        location = deadline.location
        holder = deadline.holder
    }

    private enum CodingKeys: String, CodingKey {
        case rule, action, grade, object, objectKind, objectName, unit, since, due, leftSeconds, overdueSeconds, location, holder
        case caseNumber = "case"
    }
}
