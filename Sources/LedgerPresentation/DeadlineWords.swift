/// An open deadline as `ledger due`, `show` and `scan` word it: its grade (分色预警), the time left or how long it
/// is overdue, and the deadline in one line.
public struct DeadlineWords: CatalogueSection {
    // The grades, as words: the colour is only an aid in a terminal.
    public let red = Wording(zh: "红色", en: "red")
    public let orange = Wording(zh: "橙色", en: "orange")
    public let yellow = Wording(zh: "黄色", en: "yellow")
    public let green = Wording(zh: "绿色", en: "green")
    /// Before the deadline; `duration` is ``TimeWords/duration(seconds:in:)``.
    public let timeLeft = Wording(zh: "剩余 {duration}", en: "{duration} left")
    /// After it.
    public let overdueBy = Wording(zh: "已超期 {duration}", en: "overdue by {duration}")
    /// `show`'s label for each open deadline of the object, beside the card's other labels.
    public let label = Wording(zh: "期限", en: "deadline")
    /// One deadline on one line (`show`, `scan`): the grade, the rule, what must happen, by when, how long left.
    public let line = Wording(zh: "{grade}  {rule}：{action}，期限 {due}，{left}", en: "{grade}  {rule}: {action} by {due}, {left}")
}

extension Catalogue {
    public static let deadlines = DeadlineWords()
}
