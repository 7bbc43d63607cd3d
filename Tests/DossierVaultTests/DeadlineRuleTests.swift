import Foundation
import PropertyLedger
import Testing

@testable import DossierVault

/// Each rule at its boundary — a second before, at and after the deadline — its exemptions, and the clock it
/// counts from.
struct DeadlineRuleTests {
    static let day: TimeInterval = 86_400

    /// 2026-01-31 10:00 in Shanghai.
    static let opened = VaultScene.date("2026-01-31T02:00:00Z")
    /// The end of 28 February 2026 in Shanghai.
    static let due = VaultScene.date("2026-02-28T15:59:59Z")

    @Test func aDossierOfAnUnsolvedCriminalCaseIsDueInCentralStorageAMonthLater() async throws {
        try await VaultScene.with { scene in
            try await scene.openCase("A1", at: Self.opened)
            let dossier = try await scene.registerDossier("A1", at: Self.opened)
            try await scene.checkIn(dossier, to: "CAB", at: Self.opened)
            for (offset, grade) in [(-1.0, Grade.orange), (0, .orange), (1, .red)] {
                let found = try await scene.deadlines(asOf: Self.due.addingTimeInterval(offset))
                #expect(found.count == 1)
                let deadline = try #require(found.first)
                #expect(deadline.rule == .centralStorage)
                #expect(deadline.action == .moveToCentralStorage)
                #expect(deadline.object == dossier)
                #expect(deadline.caseNumber == "A1")
                #expect(deadline.unit == VaultScene.unit)
                #expect(deadline.since == Self.opened)
                #expect(deadline.due == Self.due)
                #expect(deadline.location == "CAB")
                #expect(deadline.holder == nil)
                #expect(deadline.grade == grade, "\(offset)")
            }
            // Green more than a week before, yellow within it.
            #expect(try await scene.deadlines(asOf: Self.due.addingTimeInterval(-7 * Self.day - 1)).first?.grade == .green)
            #expect(try await scene.deadlines(asOf: Self.due.addingTimeInterval(-7 * Self.day)).first?.grade == .yellow)
            #expect(try await scene.deadlines(asOf: Self.due.addingTimeInterval(-Self.day - 1)).first?.grade == .yellow)
            #expect(try await scene.deadlines(asOf: Self.due.addingTimeInterval(-Self.day)).first?.grade == .orange)
            // The sweep lists it from the deadline on, not a second before.
            #expect(try await scene.sweep(asOf: Self.due.addingTimeInterval(-1)).isEmpty)
            #expect(try await scene.sweep(asOf: Self.due).map(\.dossier) == [dossier])
            // Once in central storage there is no deadline.
            try await scene.move(dossier, to: "CENTRAL-CAB", at: Self.opened)
            #expect(try await scene.deadlines(asOf: Self.due.addingTimeInterval(1)).isEmpty)
            try await scene.expectRebuildClean()
        }
    }

    @Test func administrativePropertyCrimesAreCoveredAndOtherAdministrativeCasesExempt() async throws {
        try await VaultScene.with { scene in
            try await scene.openCase("X1", kind: .administrative, propertyCrime: true, at: Self.opened)
            try await scene.openCase("X2", kind: .administrative, propertyCrime: false, at: Self.opened)
            try await scene.openCase("C2", kind: .criminal, propertyCrime: false, at: Self.opened)
            let covered = try await scene.registerDossier("X1", at: Self.opened)
            _ = try await scene.registerDossier("X2", at: Self.opened)
            let criminal = try await scene.registerDossier("C2", at: Self.opened)
            let found = try await scene.deadlines(asOf: Self.due.addingTimeInterval(1))
            #expect(Set(found.map(\.object)) == [covered, criminal])
            // A dossier never checked in must be checked in (at central storage): the sweep says so.
            #expect(Set(try await scene.sweep(asOf: Self.due).map(\.disposition)) == [.mustBeCheckedIn])
        }
    }

    @Test func solvedAndClosedCasesAreExempt() async throws {
        try await VaultScene.with { scene in
            try await scene.openCase("A1", at: Self.opened)
            try await scene.openCase("A2", at: Self.opened)
            let solved = try await scene.registerDossier("A1", at: Self.opened)
            let closed = try await scene.registerDossier("A2", at: Self.opened)
            try await scene.checkIn(solved, to: "CAB", at: Self.opened)
            try await scene.checkIn(closed, to: "CAB", at: Self.opened)
            #expect(try await scene.deadlines(asOf: Self.due).count == 2)
            try await scene.record(.solveCase(caseNumber: "A1", note: nil), by: "O1", at: Self.opened)
            try await scene.record(.closeCase(caseNumber: "A2", note: nil), by: "S1", at: Self.opened)
            #expect(try await scene.deadlines(asOf: Self.due.addingTimeInterval(30 * Self.day)).isEmpty)
            #expect(try await scene.sweep(asOf: Self.due.addingTimeInterval(30 * Self.day)).isEmpty)
        }
    }

    @Test func progressRestartsTheClock() async throws {
        try await VaultScene.with { scene in
            try await scene.openCase("A1", at: Self.opened)
            let dossier = try await scene.registerDossier("A1", at: Self.opened)
            try await scene.checkIn(dossier, to: "CAB", at: Self.opened)
            // Progress on 20 February (Shanghai) moves the deadline to the end of 20 March.
            let progress = VaultScene.date("2026-02-20T01:00:00Z")
            try await scene.record(.recordProgress(caseNumber: "A1", note: "嫌疑人到案"), by: "O1", at: progress)
            let found = try await scene.deadlines(asOf: Self.due.addingTimeInterval(1))
            #expect(found.map(\.since) == [progress])
            #expect(found.map(\.due) == [VaultScene.date("2026-03-20T15:59:59Z")])
            #expect(found.map(\.grade) == [.green])
            #expect(try await scene.sweep(asOf: Self.due.addingTimeInterval(1)).isEmpty)
        }
    }

    @Test func aCaseOpenedLateInTheUTCDayCountsFromTheAgencysDay() async throws {
        try await VaultScene.with { scene in
            let opened = VaultScene.date("2026-01-31T16:30:00Z")  // 1 February, 00:30 in Shanghai
            try await scene.openCase("A1", at: opened)
            let dossier = try await scene.registerDossier("A1", at: opened)
            #expect(try await scene.deadlines(of: dossier, asOf: opened).map(\.due) == [VaultScene.date("2026-03-01T15:59:59Z")])
        }
        try await VaultScene.with(zone: "America/Los_Angeles") { scene in
            let opened = VaultScene.date("2026-01-31T16:30:00Z")  // 31 January, 08:30 in Los Angeles
            try await scene.openCase("A1", at: opened)
            let dossier = try await scene.registerDossier("A1", at: opened)
            #expect(try await scene.deadlines(of: dossier, asOf: opened).map(\.due) == [VaultScene.date("2026-03-01T07:59:59Z")])
        }
    }

    @Test func theMonthsParameterLengthensTheRule() async throws {
        try await VaultScene.with { scene in
            try await scene.openCase("A1", at: Self.opened)
            let dossier = try await scene.registerDossier("A1", at: Self.opened)
            try await scene.setPolicy("central-storage.months", "2", at: Self.opened)
            #expect(try await scene.deadlines(of: dossier, asOf: Self.opened).map(\.due) == [VaultScene.date("2026-03-31T15:59:59Z")])
            // Before the change the old month holds.
            #expect(
                try await scene.deadlines(of: dossier, asOf: Self.opened.addingTimeInterval(-1)).map(\.due) == [Self.due])
        }
    }

    @Test func aCheckedOutDossierCountsWhereItWasTakenFrom() async throws {
        try await VaultScene.with { scene in
            try await scene.openCase("A1", at: Self.opened)
            let station = try await scene.registerDossier("A1", at: Self.opened)
            let central = try await scene.registerDossier("A1", at: Self.opened)
            try await scene.checkIn(station, to: "CAB", at: Self.opened)
            try await scene.checkIn(central, to: "CENTRAL-CAB", at: Self.opened)
            let due = VaultScene.date("2026-03-05T04:00:00Z")
            try await scene.checkOut(station, due: due, at: Self.opened)
            try await scene.checkOut(central, due: due, at: Self.opened)
            let found = try await scene.deadlines(asOf: Self.due.addingTimeInterval(1))
            #expect(found.map(\.rule) == [.centralStorage, .checkoutDue, .checkoutDue])
            #expect(found.first?.object == station)
            #expect(found.first?.holder == "O1")
            #expect(try await scene.sweep(asOf: Self.due).map(\.disposition) == [.mustBeReturned])
        }
    }

    @Test func intakeIsDueTheLimitAfterSeizure() async throws {
        try await VaultScene.with { scene in
            let seized = VaultScene.date("2026-02-01T03:00:00Z")
            try await scene.openCase("A1", at: seized)
            let item = try await scene.registerItem("A1", seizedAt: seized, at: seized.addingTimeInterval(3600))
            let due = seized.addingTimeInterval(Self.day)
            for (offset, grade) in [(-1.0, Grade.orange), (0, .orange), (1, .red)] {
                let found = try await scene.deadlines(asOf: due.addingTimeInterval(offset))
                #expect(found.map(\.rule) == [.intake])
                #expect(found.map(\.action) == [.checkIn])
                #expect(found.map(\.since) == [seized])
                #expect(found.map(\.due) == [due])
                #expect(found.map(\.grade) == [grade])
            }
            try await scene.checkIn(item, to: "CAB", at: due.addingTimeInterval(2))
            #expect(try await scene.deadlines(asOf: due.addingTimeInterval(2)).isEmpty)
        }
    }

    @Test func aCheckOutIsDueWhenItsDueTimeSaysAndExtensionsMoveIt() async throws {
        try await VaultScene.with { scene in
            let now = VaultScene.date("2026-02-01T03:00:00Z")
            try await scene.openCase("A1", at: now)
            let item = try await scene.registerItem("A1", at: now)
            try await scene.checkIn(item, to: "CAB", at: now)
            let due = now.addingTimeInterval(3 * Self.day)
            try await scene.checkOut(item, due: due, at: now.addingTimeInterval(60))
            for (offset, grade) in [(-1.0, Grade.orange), (0, .orange), (1, .red)] {
                let found = try await scene.deadlines(asOf: due.addingTimeInterval(offset))
                #expect(found.map(\.rule) == [.checkoutDue])
                #expect(found.map(\.since) == [now.addingTimeInterval(60)])
                #expect(found.map(\.holder) == ["O1"])
                #expect(found.map(\.grade) == [grade])
            }
            let later = due.addingTimeInterval(5 * Self.day)
            try await scene.record(.extendCheckout(object: item, due: later, approvedBy: "S1", reason: "鉴定未完成"), by: "C1", at: due)
            #expect(try await scene.deadlines(asOf: due.addingTimeInterval(1)).map(\.due) == [later])
            try await scene.returnObject(item, to: "CAB", at: due)
            #expect(try await scene.deadlines(asOf: later.addingTimeInterval(1)).isEmpty)
            try await scene.expectRebuildClean()
        }
    }

    @Test func filtersSelectByUnitGradeAndRule() async throws {
        try await VaultScene.with { scene in
            try await scene.openCase("A1", at: Self.opened)
            try await scene.openCase("B1", unit: "经侦大队", at: Self.opened)
            let a = try await scene.registerDossier("A1", at: Self.opened)
            let b = try await scene.registerItem("B1", seizedAt: Self.opened, at: Self.opened)
            let asOf = Self.opened.addingTimeInterval(2 * Self.day)
            #expect(try await scene.deadlines(asOf: asOf).map(\.object) == [b, a])
            #expect(try await scene.deadlines(asOf: asOf, filter: DeadlineFilter(unit: "经侦大队")).map(\.object) == [b])
            #expect(try await scene.deadlines(asOf: asOf, filter: DeadlineFilter(unit: VaultScene.unit)).map(\.object) == [a])
            #expect(try await scene.deadlines(asOf: asOf, filter: DeadlineFilter(grades: [.red])).map(\.object) == [b])
            #expect(try await scene.deadlines(asOf: asOf, filter: DeadlineFilter(grades: [.green, .yellow])).map(\.object) == [a])
            #expect(try await scene.deadlines(asOf: asOf, filter: DeadlineFilter(rules: [.centralStorage])).map(\.object) == [a])
            #expect(try await scene.deadlines(asOf: asOf, filter: DeadlineFilter(rules: [.checkoutDue])).isEmpty)
            #expect(try await scene.sweep(asOf: Self.due, unit: "经侦大队").isEmpty)
            #expect(try await scene.sweep(asOf: Self.due, unit: VaultScene.unit).map(\.dossier) == [a])
        }
    }

    @Test func readingDeadlinesAndTheSweepWritesNothing() async throws {
        try await VaultScene.with { scene in
            try await scene.openCase("A1", at: Self.opened)
            let dossier = try await scene.registerDossier("A1", at: Self.opened)
            try await scene.checkIn(dossier, to: "CAB", at: Self.opened)
            let item = try await scene.registerItem("A1", seizedAt: Self.opened, at: Self.opened)
            try await scene.markUnrelated(item, at: Self.opened)
            let before = try await scene.dump()
            for asOf in [Self.opened, Self.due, Self.due.addingTimeInterval(400 * Self.day), Self.opened.addingTimeInterval(-Self.day)] {
                _ = try await scene.deadlines(asOf: asOf)
                _ = try await scene.deadlines(of: dossier, asOf: asOf)
                _ = try await scene.sweep(asOf: asOf)
                _ = try await scene.store.read { try DossierVault.policyParameters(in: $0, at: asOf) }
            }
            #expect(try await scene.dump() == before)
            try await scene.expectRebuildClean()
        }
    }
}
