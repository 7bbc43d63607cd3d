import Foundation
import LedgerPresentation
import PropertyLedger
import Testing

@testable import DossierVault

/// The policy: typed values in one canonical form, defaults by agency kind, changes recorded by supervisors and
/// applied from their entry on.
struct PolicyTests {
    static let day: TimeInterval = 86_400

    @Test(arguments: [
        ("24h", "1d"), ("1d", "1d"), ("36h", "36h"), ("90m", "90m"), ("120m", "2h"), ("1440m", "1d"), ("３ｄ", "3d"), (" 7D ", "7d"),
        ("007d", "7d"),
    ])
    func durationsAreCanonical(typed: String, canonical: String) throws {
        #expect(try PolicyValue(parsing: typed, for: .releaseUnrelatedLimit).text == canonical)
    }

    @Test(arguments: ["", "d", "3", "3 d", "3.5d", "-3d", "+3d", "3w", "3dd", "三天", "99999999999d"])
    func malformedDurationsAreRefused(typed: String) {
        let error = #expect(throws: LedgerError.self) { try PolicyValue(parsing: typed, for: .intakeLimit) }
        #expect(error?.code == .invalidInput)
        #expect(error?.reason.id == "policy-duration-invalid")
    }

    @Test(arguments: [("59m", PolicyParameter.intakeLimit), ("31d", .intakeLimit), ("0m", .gradesOrange), ("91d", .gradesYellow)])
    func durationsOutOfBoundsAreRefused(typed: String, parameter: PolicyParameter) {
        let error = #expect(throws: LedgerError.self) { try PolicyValue(parsing: typed, for: parameter) }
        #expect(error?.code == .invalidInput)
        #expect(error?.reason.id == "policy-duration-out-of-range")
    }

    @Test func monthsAreWholeNumbersFromOneToTwelve() throws {
        #expect(try PolicyValue(parsing: "２", for: .centralStorageMonths) == .months(2))
        #expect(try PolicyValue(parsing: "12", for: .centralStorageMonths).text == "12")
        for typed in ["0", "13", "1.5", "1m", "", "-1"] {
            let error = #expect(throws: LedgerError.self) { try PolicyValue(parsing: typed, for: .centralStorageMonths) }
            #expect(error?.reason.id == "policy-months-invalid", "\(typed)")
        }
    }

    @Test func parametersAreNamedRuleDotParameter() throws {
        #expect(try PolicyParameter.named(" Intake.Limit ") == .intakeLimit)
        #expect(try PolicyParameter.named("central-storage.months") == .centralStorageMonths)
        for (typed, reason) in [
            ("intake", "policy-name-malformed"), (".limit", "policy-name-malformed"), ("intake.", "policy-name-malformed"),
            ("locker.limit", "policy-rule-unknown"), ("cabinet.limit", "policy-parameter-unknown"),
            ("intake.months", "policy-parameter-unknown"),
            ("checkout-due.limit", "policy-parameter-unknown"),
        ] {
            let error = #expect(throws: LedgerError.self) { try PolicyParameter.named(typed) }
            #expect(error?.code == .invalidInput, "\(typed)")
            #expect(error?.reason.id == reason, "\(typed): \(error?.reason.description ?? "")")
        }
        #expect(RuleID.checkoutDue.parameters.isEmpty)
        #expect(RuleID.grades.parameters == [.gradesYellow, .gradesOrange])
        #expect(
            RuleID.cabinet.parameters == [.cabinetApprovalValid, .cabinetTwoPerson, .cabinetAgreeingRounds, .cabinetSessionTimeout])
    }

    @Test func countsAndSwitchesAreReadStrictly() throws {
        #expect(try PolicyValue(parsing: " ３ ", for: .cabinetAgreeingRounds) == .count(3))
        #expect(try PolicyValue(parsing: "ON", for: .cabinetTwoPerson) == .flag(true))
        #expect(try PolicyValue(parsing: "off", for: .cabinetTwoPerson) == .flag(false))
        #expect(PolicyValue.flag(true).text == "on")
        #expect(PolicyValue.count(4).text == "4")
        for (typed, parameter, reason) in [
            ("1", PolicyParameter.cabinetAgreeingRounds, "policy-count-invalid"), ("11", .cabinetAgreeingRounds, "policy-count-invalid"),
            ("2.5", .cabinetAgreeingRounds, "policy-count-invalid"), ("yes", .cabinetTwoPerson, "policy-flag-invalid"),
            ("1", .cabinetTwoPerson, "policy-flag-invalid"),
        ] {
            let error = #expect(throws: LedgerError.self) { try PolicyValue(parsing: typed, for: parameter) }
            #expect(error?.reason.id == reason, "\(typed)")
        }
    }

    @Test(arguments: [(Agency.Kind.police, "1d"), (.procuratorate, "3d"), (.court, "1d")])
    func defaultsByAgencyKind(kind: Agency.Kind, intake: String) async throws {
        try await VaultScene.with(kind: kind) { scene in
            let policy = try await scene.policy(at: VaultScene.start)
            #expect(policy[.intakeLimit].text == intake)
            #expect(policy.centralStorageMonths == 1)
            #expect(policy.releaseUnrelatedLimit == 3 * Self.day)
            #expect(policy.yellowWithin == 7 * Self.day)
            #expect(policy.orangeWithin == Self.day)
            #expect(RuleID.intake.source(for: kind).zh.contains(kind == .procuratorate ? "最高人民检察院" : "公安部"))
        }
    }

    @Test func aProcuratoratesItemIsDueThreeDaysAfterSeizure() async throws {
        try await VaultScene.with(kind: .procuratorate) { scene in
            let seized = VaultScene.date("2026-02-01T02:00:00Z")
            try await scene.openCase("J1", at: seized)
            let item = try await scene.registerItem("J1", seizedAt: seized, at: seized)
            let due = try #require(try await scene.deadlines(of: item, asOf: seized).first).due
            #expect(due == seized.addingTimeInterval(3 * Self.day))
        }
    }

    @Test func changesApplyFromTheirEntryOn() async throws {
        try await VaultScene.with { scene in
            let opened = VaultScene.date("2026-01-10T02:00:00Z")
            try await scene.openCase("A1", at: opened)
            let item = try await scene.registerItem("A1", seizedAt: opened, at: opened)
            let changedAt = VaultScene.date("2026-01-10T06:00:00Z")
            let recorded = try await scene.setPolicy("intake.limit", "48h", at: changedAt)
            #expect(recorded.entry.type == "vault.policy-set")
            let fields = try JSONSerialization.jsonObject(with: recorded.entry.bytes) as? [String: Any]
            #expect(fields?["rule"] as? String == "intake")
            #expect(fields?["parameter"] as? String == "limit")
            #expect(fields?["value"] as? String == "2d")
            #expect(fields?["reason"] as? String == "测试调整")
            #expect(fields?["actor"] as? String == "S1")

            // Before the change the old limit holds; from its entry on, the new one.
            let before = try await scene.deadlines(of: item, asOf: changedAt.addingTimeInterval(-1))
            #expect(before.map(\.due) == [opened.addingTimeInterval(Self.day)])
            let at = try await scene.deadlines(of: item, asOf: changedAt)
            #expect(at.map(\.due) == [opened.addingTimeInterval(2 * Self.day)])
            let later = try await scene.deadlines(asOf: changedAt.addingTimeInterval(90 * Self.day))
            #expect(later.map(\.due) == [opened.addingTimeInterval(2 * Self.day)])

            let states = try await scene.store.read { try DossierVault.policyParameters(in: $0, at: changedAt) }
            let intake = try #require(states.first { $0.parameter == .intakeLimit })
            #expect(intake.value == .duration(minutes: 48 * 60))
            #expect(intake.defaultValue == .duration(minutes: 24 * 60))
            #expect(intake.setBy?.index == recorded.index)
            #expect(intake.setBy?.actor == "S1")
            #expect(intake.setBy?.reason == "测试调整")
            #expect(intake.setBy?.at == changedAt)
            let earlier = try await scene.store.read { try DossierVault.policyParameters(in: $0, at: opened) }
            #expect(earlier.first { $0.parameter == .intakeLimit }?.setBy == nil)
            #expect(earlier.first { $0.parameter == .intakeLimit }?.changes.count == 1)
            #expect(states.map(\.parameter) == PolicyParameter.allCases)
            try await scene.expectRebuildClean()
        }
    }

    @Test func gradesFollowTheThresholdsInForce() async throws {
        try await VaultScene.with { scene in
            let now = VaultScene.date("2026-01-10T00:00:00Z")
            try await scene.openCase("A1", at: now)
            let item = try await scene.registerItem("A1", seizedAt: now, at: now)
            try await scene.setPolicy("intake.limit", "30d", at: now)
            let due = now.addingTimeInterval(30 * Self.day)
            // Seven days left: yellow; a second more: green.
            #expect(try await scene.deadlines(of: item, asOf: due.addingTimeInterval(-7 * Self.day)).first?.grade == .yellow)
            #expect(try await scene.deadlines(of: item, asOf: due.addingTimeInterval(-7 * Self.day - 1)).first?.grade == .green)
            try await scene.setPolicy("grades.yellow", "10d", at: now)
            try await scene.setPolicy("grades.orange", "2d", at: now)
            #expect(try await scene.deadlines(of: item, asOf: due.addingTimeInterval(-10 * Self.day)).first?.grade == .yellow)
            #expect(try await scene.deadlines(of: item, asOf: due.addingTimeInterval(-10 * Self.day - 1)).first?.grade == .green)
            #expect(try await scene.deadlines(of: item, asOf: due.addingTimeInterval(-2 * Self.day)).first?.grade == .orange)
            #expect(try await scene.deadlines(of: item, asOf: due.addingTimeInterval(-2 * Self.day - 1)).first?.grade == .yellow)
            #expect(try await scene.deadlines(of: item, asOf: due).first?.grade == .orange)
            #expect(try await scene.deadlines(of: item, asOf: due.addingTimeInterval(1)).first?.grade == .red)
        }
    }

    @Test func changesAreRefusedWhenTheyShouldBe() async throws {
        try await VaultScene.with { scene in
            let now = VaultScene.date("2026-01-10T00:00:00Z")
            for actor in ["O1", "C1"] {
                try await scene.expectRefusal(.refused, "policy-needs-supervisor") {
                    try await scene.setPolicy("intake.limit", "2d", by: actor, at: now)
                }
            }
            try await scene.expectRefusal(.refused, "officer-unknown") {
                try await scene.setPolicy("intake.limit", "2d", by: "X9", at: now)
            }
            try await scene.expectRefusal(.refused, "policy-needs-actor") {
                _ = try await scene.store.record(actor: nil, at: now) { context in
                    try PolicySet.decide(.intakeLimit, value: "2d", reason: "原因", in: context)
                }
            }
            try await scene.expectRefusal(.invalidInput, "policy-duration-invalid") {
                try await scene.setPolicy("intake.limit", "2x", at: now)
            }
            try await scene.expectRefusal(.invalidInput, "policy-parameter-unknown") {
                try await scene.setPolicy("intake.months", "2", at: now)
            }
            try await scene.expectRefusal(.refused, "policy-value-unchanged") { try await scene.setPolicy("intake.limit", "24h", at: now) }
            try await scene.expectRefusal(.refused, "policy-grades-out-of-order") {
                try await scene.setPolicy("grades.orange", "7d", at: now)
            }
            try await scene.expectRefusal(.invalidInput, "text-empty") {
                _ = try await scene.store.record(actor: "S1", at: now) { context in
                    try PolicySet.decide(.intakeLimit, value: "2d", reason: "  ", in: context)
                }
            }
            try await scene.expectRefusal(.refused, "personal-number") {
                _ = try await scene.store.record(actor: "S1", at: now) { context in
                    try PolicySet.decide(.intakeLimit, value: "2d", reason: "联系 13812345678", in: context)
                }
            }
            // A retired supervisor can change nothing.
            try await scene.record(.retireOfficer(badge: "S2", reason: "退休"), by: "S1", at: now)
            try await scene.expectRefusal(.refused, "officer-retired") {
                try await scene.setPolicy("intake.limit", "2d", by: "S2", at: now)
            }
            // Evaluating writes nothing and meets the refusal a write meets.
            let evaluated = try await scene.store.evaluate(actor: "S1", at: now) { context in
                try PolicySet.decide(.intakeLimit, value: "2d", reason: "原因", in: context)
            }
            #expect(evaluated.entry.type == "vault.policy-set")
            try await scene.expectRefusal(.refused, "policy-needs-supervisor") {
                _ = try await scene.store.evaluate(actor: "O1", at: now) { context in
                    try PolicySet.decide(.intakeLimit, value: "2d", reason: "原因", in: context)
                }
            }
            #expect(try await scene.policy(at: now) == Policy.defaults(for: .police))
            try await scene.expectRebuildClean()
        }
    }
}
