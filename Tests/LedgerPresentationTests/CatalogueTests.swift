import ChipReader
import Foundation
import PropertyLedger
import Testing

@testable import LedgerPresentation

/// The catalogue is complete: every declared reason has both languages, with exactly its arguments as
/// placeholders, and nothing is worded that no library declares.
struct CatalogueTests {
    @Test func everyDeclaredReasonHasBothLanguages() {
        for spec in Catalogue.specs {
            let wording = Catalogue.reasons[spec.id]
            #expect(wording != nil, "\(spec.id) has no wording")
            #expect(wording?.zh.isEmpty == false, "\(spec.id) has no Chinese")
            #expect(wording?.en.isEmpty == false, "\(spec.id) has no English")
        }
    }

    @Test func reasonIdsAreDeclaredOnceAndInKebabCase() {
        let ids = Catalogue.specs.map(\.id)
        #expect(Set(ids).count == ids.count, "duplicates: \(Dictionary(grouping: ids) { $0 }.filter { $1.count > 1 }.keys.sorted())")
        for id in ids {
            #expect(id.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }, "\(id)")
        }
    }

    @Test func noAreaWordsAReasonAnotherAreaWords() {
        let areas = [
            Catalogue.custody, Catalogue.input, Catalogue.store, Catalogue.log, Catalogue.crypto, Catalogue.audit, Catalogue.signatures,
            Catalogue.reader,
            Catalogue.vault, Catalogue.cabinet, Catalogue.transfers, Catalogue.labelling, Catalogue.arguments, Catalogue.tool,
        ]
        #expect(Catalogue.reasons.count == 1 + areas.map(\.count).reduce(0, +))
    }

    @Test func nothingIsWordedThatIsNotDeclared() {
        let declared = Set(Catalogue.specs.map(\.id))
        #expect(Set(Catalogue.reasons.keys).subtracting(declared).isEmpty)
        #expect(Set(Catalogue.commandLineHints.keys).subtracting(declared).isEmpty)
    }

    @Test(arguments: Language.allCases)
    func placeholdersAreExactlyTheArguments(language: Language) {
        for spec in Catalogue.specs {
            guard let wording = Catalogue.reasons[spec.id] else { continue }
            let used = Self.placeholders(of: wording.text(in: language), expandingTerms: true, in: language)
            #expect(used == spec.arguments, "\(spec.id) (\(language)): \(used.sorted()) ≠ \(spec.arguments.sorted())")
            if let hint = Catalogue.commandLineHints[spec.id] {
                let inHint = Self.placeholders(of: hint.text(in: language), expandingTerms: true, in: language)
                #expect(inHint.isSubset(of: spec.arguments), "hint of \(spec.id) (\(language)): \(inHint.sorted())")
            }
        }
    }

    @Test func termTablesCoverTheDomainsEnums() {
        #expect(Set(Catalogue.terms["role", default: [:]].keys) == Set(Role.allCases.map(\.rawValue)))
        #expect(Set(Catalogue.terms["role-name", default: [:]].keys) == Set(Role.allCases.map(\.rawValue)))
        #expect(Set(Catalogue.terms["status", default: [:]].keys) == Set(ObjectStatus.allCases.map(\.rawValue)))
        #expect(Set(Catalogue.terms["kind", default: [:]].keys) == Set(LocationKind.allCases.map(\.rawValue)))
        for (table, values) in Catalogue.terms {
            for (value, wording) in values {
                #expect(!wording.zh.isEmpty && !wording.en.isEmpty, "\(table).\(value)")
                #expect(
                    Self.placeholders(of: wording.zh, expandingTerms: false, in: .zh)
                        == Self.placeholders(of: wording.en, expandingTerms: false, in: .en), "\(table).\(value)")
            }
        }
    }

    @Test func rendersInBothLanguages() {
        let reason = Reason("approver-is-recipient", ["badge": "000001"])
        #expect(render(reason, in: .zh) == "审批人 000001 同时是领用人：出库须由另一人审批")
        #expect(render(reason, in: .en) == "the approver 000001 is also the recipient: a check-out needs a second person's approval")
    }

    @Test func rendersTermsListsAndTheirArguments() {
        let lacking = Reason(
            "actor-lacks-role", ["badge": "000002", "role": "officer", "roles": "clerk,supervisor", "action": "check-in"])
        #expect(render(lacking, in: .en) == "the actor 000002 is an officer; clerk or supervisor required to check objects in")
        #expect(render(lacking, in: .zh) == "执行人 000002 是办案民警，无权办理入库：须为涉案财物管理员或审批领导")
        let stored = Reason(
            "object-not-in-storage",
            ["object": "P-1", "status": "checked-out", "location": "", "holder": "000002", "operation": "move"])
        #expect(render(stored, in: .en) == "P-1 is checked out to 000002, not in storage: it cannot be moved")
        #expect(render(stored, in: .zh) == "P-1 已出库，由 000002 领用，不在库：不能移库")
    }

    @Test func blockedWritesShowTheirCause() {
        let reason = Reason("writes-blocked", ["cause": "checkpoint-file-unverifiable", "path": "/s/ledger.checkpoint"])
        #expect(
            render(reason, in: .en)
                == "the checkpoint file /s/ledger.checkpoint does not verify; it is kept as evidence; appends are refused until this is resolved"
        )
        #expect(Catalogue.commandLineText(reason, in: .en).hasSuffix("; run `ledger verify`"))
        #expect(render(reason, in: .zh).hasPrefix("检查点文件 /s/ledger.checkpoint 验证不通过"))
    }

    @Test func unknownReasonsShowTheirIdAndArguments() {
        let reason = Reason("cabinet-door-jammed", ["slot": "3", "cabinet": "CAB-01"])
        #expect(render(reason, in: .zh) == "cabinet-door-jammed(cabinet: CAB-01, slot: 3)")
        #expect(render(Reason("x"), in: .en) == "x")
        // A placeholder whose argument is missing stays visible rather than vanishing.
        #expect(render(Reason("officer-exists"), in: .en) == "officer {badge} already exists")
    }

    @Test func commandLineHintsFollowTheReason() {
        let reason = Reason("actor-required", ["action": "check-in"])
        #expect(
            Catalogue.commandLineText(reason, in: .en) == "an actor is required to check objects in; give --actor BADGE or set LEDGER_ACTOR"
        )
        #expect(Catalogue.commandLineText(reason, in: .zh) == "须指定执行人才能办理入库；请用 --actor 警号 指定，或设置 LEDGER_ACTOR")
    }

    @Test func readerErrorsRenderThroughTheCatalogue() {
        let error = ReaderError(.statusWord, reason: "uid-status-error", ["statusWord": "6A 81"])
        #expect(render(Reason(error), in: .en) == "the reader could not read the UID (status 6A 81)")
        #expect(render(Reason(ReaderError(.other, "as the tool says")), in: .zh) == "as the tool says")
    }

    /// The placeholder names in `template`; with `expandingTerms`, a placeholder worded by a term table stands
    /// also for the placeholders its terms use (`{status}` → `{location}`, `{holder}`).
    static func placeholders(of template: String, expandingTerms: Bool, in language: Language) -> Set<String> {
        var names: Set<String> = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        guard expandingTerms else { return names }
        for name in names {
            let table = Catalogue.lists[name]?.term ?? name
            for wording in Catalogue.terms[table, default: [:]].values {
                names.formUnion(placeholders(of: wording.text(in: language), expandingTerms: false, in: language))
            }
        }
        return names
    }
}

/// Every entry of the interface's own sections is there in both languages, with the same placeholders.
struct CatalogueSectionTests {
    @Test func everySectionEntryHasBothLanguagesWithTheSamePlaceholders() {
        #expect(!Catalogue.sections.isEmpty)
        for section in Catalogue.sections {
            let entries = section.entries
            #expect(!entries.isEmpty, "\(type(of: section)) has no entries")
            for (name, wording) in entries {
                let label = "\(type(of: section)).\(name)"
                #expect(!wording.zh.isEmpty && !wording.en.isEmpty, "\(label) lacks a language")
                #expect(placeholders(in: wording.zh) == placeholders(in: wording.en), "\(label): placeholders differ")
            }
        }
    }

    @Test func aSectionListsItsEntriesByName() {
        let names = Catalogue.time.entries.map(\.name)
        #expect(names.contains("days") && names.contains("oneMinute"))
    }

    @Test func fillingReplacesPlaceholdersVerbatim() {
        #expect(Catalogue.time.days.text(in: .zh, ["count": "3"]) == "3 天")
        #expect(Catalogue.time.days.text(in: .en, ["count": "3"]) == "3 days")
        #expect(Wording(zh: "{a}{b}", en: "{a}").text(in: .zh, ["a": "{b}"]) == "{b}{b}")
    }

    @Test func iso8601CarriesTheAgencysOffset() throws {
        let zone = try #require(TimeZone(identifier: "Asia/Shanghai"))
        #expect(TimeFormat(zone: zone, language: .en).iso8601(stored: "2026-12-01T04:00:00Z") == "2026-12-01T12:00:00+08:00")
        let newfoundland = try #require(TimeZone(identifier: "America/St_Johns"))
        #expect(TimeFormat.iso8601(Date(timeIntervalSince1970: 0), zone: newfoundland) == "1969-12-31T20:30:00-03:30")
        #expect(TimeFormat(zone: .gmt, language: .zh).iso8601(stored: "not a time") == "not a time")
    }
}
