import Foundation
import LedgerPresentation
import Testing

@testable import PropertyLedger

/// The custody codes in words: every case of every enum worded in both languages, told apart, and named as the
/// reasons' term tables name it (one thing, one name).
struct CustodyWordsTests {
    let terms = Catalogue.custodyTerms

    /// Each case's wording, both languages non-empty, no two cases of one enum alike in either language.
    func expectDistinct(_ wordings: [Wording], _ label: String) {
        for language in Language.allCases {
            let texts = wordings.map { $0.text(in: language) }
            #expect(texts.allSatisfy { !$0.isEmpty }, "\(label) in \(language)")
            #expect(Set(texts).count == texts.count, "\(label) in \(language): \(texts)")
        }
    }

    @Test func everyCodeIsWordedInBothLanguages() {
        expectDistinct(ObjectStatus.allCases.map(terms.word), "ObjectStatus")
        expectDistinct(ObjectKind.allCases.map(terms.word), "ObjectKind")
        expectDistinct(CaseKind.allCases.map(terms.word), "CaseKind")
        expectDistinct(CaseStatus.allCases.map(terms.word), "CaseStatus")
        expectDistinct(CheckoutReason.allCases.map(terms.word), "CheckoutReason")
        expectDistinct(DisposalMethod.allCases.map(terms.word), "DisposalMethod")
        expectDistinct(Role.allCases.map(terms.word), "Role")
        expectDistinct(LocationKind.allCases.map(terms.word), "LocationKind")
        expectDistinct([terms.standing(isRetired: false), terms.standing(isRetired: true)], "standing")
    }

    @Test func chineseWordsAreChinese() {
        let all: [Wording] =
            ObjectStatus.allCases.map(terms.word) + ObjectKind.allCases.map(terms.word) + CaseKind.allCases.map(terms.word)
            + CaseStatus.allCases.map(terms.word) + CheckoutReason.allCases.map(terms.word) + DisposalMethod.allCases.map(terms.word)
            + Role.allCases.map(terms.word) + LocationKind.allCases.map(terms.word)
        for wording in all {
            #expect(wording.zh.unicodeScalars.allSatisfy { (0x4E00...0x9FFF).contains($0.value) }, "\(wording.zh)")
            #expect(!wording.en.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(wording.en)")
        }
    }

    /// Roles and kinds of location are worded exactly as in the refusals; a status word is the heart of the
    /// refusals' status phrase (`在库（{location}）`, `in storage at {location}`).
    @Test func theWordsAreTheTermTablesWords() throws {
        for role in Role.allCases {
            #expect(Catalogue.terms["role-name"]?[role.rawValue] == terms.word(role), "\(role)")
        }
        for kind in LocationKind.allCases {
            #expect(Catalogue.terms["kind"]?[kind.rawValue] == terms.word(kind), "\(kind)")
        }
        for status in ObjectStatus.allCases {
            let phrase = try #require(Catalogue.terms["status"]?[status.rawValue], "\(status)")
            #expect(phrase.zh.contains(terms.word(status).zh), "\(status): \(phrase.zh)")
            #expect(phrase.en.contains(terms.word(status).en), "\(status): \(phrase.en)")
        }
    }

    @Test func theConditionCodeIsWordedAndPeoplesWordsAreShownAsTyped() {
        #expect(terms.condition(Returned.intact, in: .zh) == "完好")
        #expect(terms.condition(Returned.intact, in: .en) == "intact")
        for typed in ["破损", "完好", "外包装破损，内物完好"] {
            for language in Language.allCases { #expect(terms.condition(typed, in: language) == typed) }
        }
    }
}
