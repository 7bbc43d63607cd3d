import DossierVault
import Foundation
import Testing

/// The colour grades at their boundaries: more than a week green, a week or less yellow, a day or less
/// orange, past due red.
struct GradeTests {
    static let due = Date(timeIntervalSince1970: 1_800_000_000)
    static let day: TimeInterval = 86_400

    @Test(arguments: [
        (8 * day, Grade.green), (7 * day + 1, .green), (7 * day, .yellow), (day + 1, .yellow), (day, .orange), (0, .orange),
        (-1, .red), (-30 * day, .red),
    ])
    func gradeByTimeLeft(left: TimeInterval, grade: Grade) {
        #expect(Grade(due: Self.due, now: Self.due.addingTimeInterval(-left), yellowWithin: 7 * Self.day, orangeWithin: Self.day) == grade)
    }

    @Test func redSortsFirst() {
        #expect(Grade.allCases.sorted() == [.red, .orange, .yellow, .green])
    }
}
