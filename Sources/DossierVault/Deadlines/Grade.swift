public import Foundation

/// How close a deadline is, as a colour (临期分色预警): green with more than a week left, yellow within a
/// week, orange within a day, red once it has passed (the "red card"). The thresholds are policy parameters.
public enum Grade: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case green, yellow, orange, red

    /// The grade of a deadline at `due`, seen at `now`, with the given thresholds (time left at or below which
    /// it turns yellow, and orange).
    public init(due: Date, now: Date, yellowWithin: TimeInterval, orangeWithin: TimeInterval) {
        let left = due.timeIntervalSince(now)
        if left < 0 {
            self = .red
        } else if left <= orangeWithin {
            self = .orange
        } else if left <= yellowWithin {
            self = .yellow
        } else {
            self = .green
        }
    }

    /// Red first: the order of urgency.
    public static func < (lhs: Grade, rhs: Grade) -> Bool {
        lhs.urgency > rhs.urgency
    }

    private var urgency: Int {
        switch self {
        case .green: 0
        case .yellow: 1
        case .orange: 2
        case .red: 3
        }
    }
}
