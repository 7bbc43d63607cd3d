import Foundation
import LedgerPresentation
import PropertyLedger
import Testing

@testable import DossierVault

/// Rule names and sources, parameter names and actions are worded in both languages, with the same
/// placeholders; every reason DossierVault builds is declared.
struct VaultWordingTests {
    static func check(_ wording: Wording, _ label: String) {
        #expect(!wording.zh.isEmpty && !wording.en.isEmpty, "\(label) lacks a language")
        #expect(placeholders(in: wording.zh) == placeholders(in: wording.en), "\(label): placeholders differ")
        #expect(placeholders(in: wording.zh).isEmpty, "\(label) has placeholders nothing fills")
    }

    @Test func everyRuleParameterAndActionIsWordedInBothLanguages() {
        for rule in RuleID.allCases {
            Self.check(rule.name, "\(rule) name")
            for kind in Agency.Kind.allCases { Self.check(rule.source(for: kind), "\(rule) source at \(kind)") }
        }
        for parameter in PolicyParameter.allCases { Self.check(parameter.wording, "\(parameter)") }
        for action in Deadline.Action.allCases { Self.check(action.wording, "\(action)") }
        #expect(Set(RuleID.allCases.map(\.name.zh)).count == RuleID.allCases.count)
        #expect(Set(PolicyParameter.allCases.map(\.wording.en)).count == PolicyParameter.allCases.count)
    }

    @Test func sourcesAreTheDocumentsOfDomainMD() {
        #expect(RuleID.intake.source(for: .police).zh.contains("《公安机关涉案财物管理若干规定》"))
        #expect(RuleID.intake.source(for: .procuratorate).zh.contains("最高人民检察院"))
        #expect(RuleID.releaseUnrelated.source(for: .procuratorate).zh.contains("公安部"))
        #expect(RuleID.checkoutDue.source(for: .court).en.contains("MPS"))
        #expect(RuleID.centralStorage.source(for: .police).zh.contains("洪泽"))
        #expect(RuleID.grades.source(for: .police).zh.contains("青羊"))
    }

    @Test func everyReasonBuiltIsDeclaredAndWorded() {
        let built: [Reason] = [
            .policyNeedsActor, .policyNeedsSupervisor(badge: "O1", role: .officer), .policyNameMalformed("x"), .policyRuleUnknown("x"),
            .policyParameterUnknown(.intake, "x"), .policyMonthsInvalid(.centralStorageMonths, "0", range: 1...12),
            .policyDurationInvalid(.intakeLimit, "x"), .policyCountInvalid(.cabinetAgreeingRounds, "1", range: 2...10),
            .policyFlagInvalid(.cabinetTwoPerson, "maybe"),
            .policyDurationOutOfRange(.intakeLimit, "1m", least: .duration(minutes: 60), most: .duration(minutes: 43_200)),
            .policyValueUnchanged(.intakeLimit, .duration(minutes: 1440)),
            .policyGradesOutOfOrder(yellow: .duration(minutes: 60), orange: .duration(minutes: 60)), .unrelatedNeedsActor,
            .unrelatedNeedsClerkOrSupervisor(badge: "O1", role: .officer), .unrelatedObjectIsDossier("D-1"),
            .unrelatedAlreadyMarked("P-1", index: 9), .centralStorageHoldsDossier("D-1", case: "A1", from: "C", location: "R"),
            .centralStorageReturnElsewhere("D-1", case: "A1", from: "C", location: "R"), .sweepNeedsActor,
            .sweepNeedsClerk(badge: "S1", role: .supervisor), .sweepTargetNotCentral("CAB"),
        ]
        #expect(Set(built.map(\.id)) == Set(Reason.vaultReasons.map(\.id)))
        for reason in built {
            #expect(Reason.vaultReasons.contains { $0.matches(reason) }, "\(reason) is not declared as built")
            for language in Language.allCases {
                let text = render(reason, in: language)
                #expect(!text.contains("{") && text != reason.description, "\(reason) in \(language): \(text)")
            }
        }
        #expect(
            render(.policyNeedsSupervisor(badge: "O1", role: .officer), in: .en)
                == "the actor O1 is an officer: only a supervisor changes a rule's parameter")
        #expect(
            render(.policyRuleUnknown("x"), in: .en)
                == "there is no rule x; rules with parameters: central-storage, intake, release-unrelated, grades, cabinet")
    }
}
