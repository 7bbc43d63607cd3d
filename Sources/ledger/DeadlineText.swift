import DossierVault
import Foundation
import LedgerPresentation

/// Deadlines as people read them, at one instant: the grade and the time left in words, the due time in the
/// agency's zone, and the whole deadline on one line (`show`, `scan`).
struct DeadlineText {
    let timeFormat: TimeFormat
    /// The instant the deadlines were graded at.
    let asOf: Date

    var language: Language { timeFormat.language }

    func grade(_ deadline: Deadline) -> String { deadline.grade.wording.text(in: language) }

    /// `剩余 3 天 9 小时`, `overdue by 2 hours 5 minutes`.
    func left(_ deadline: Deadline) -> String {
        let left = Int(deadline.due.timeIntervalSince(asOf).rounded(.down))
        let duration = Catalogue.time.duration(seconds: left, in: language)
        let words = Catalogue.deadlines
        return (left < 0 ? words.overdueBy : words.timeLeft).text(in: language, ["duration": duration])
    }

    /// The grade, the rule, what must happen, by when and how long is left.
    func line(_ deadline: Deadline) -> String {
        Catalogue.deadlines.line.text(
            in: language,
            [
                "grade": grade(deadline), "rule": deadline.rule.name.text(in: language),
                "action": deadline.action.wording.text(in: language),
                "due": timeFormat.string(deadline.due), "left": left(deadline),
            ])
    }
}
