import Foundation
import LedgerPresentation
import PropertyLedger

/// How the times a reason holds are worded: in the store's zone, which is looked up (a peek at the store) only
/// when a reason to be worded has a time argument — so that an error without one touches no file.
struct TimesInReasons {
    let language: Language
    let zone: () -> TimeZone

    /// The format for the times in `reasons`, or nil when none holds a time.
    func format(for reasons: [Reason]) -> TimeFormat? {
        guard reasons.contains(where: { !Catalogue.timeArguments.isDisjoint(with: $0.arguments.keys) }) else { return nil }
        return TimeFormat(zone: zone(), language: language)
    }
}
