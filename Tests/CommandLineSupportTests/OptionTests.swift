import CommandLineSupport
import LedgerPresentation
import Testing

/// What an option tells parsing, help and completion: its placeholder, its choices and its help in both
/// languages.
struct OptionTests {
    enum Shade: String, CaseIterable {
        case light, dark
    }

    @Test func aChoiceShowsAndOffersTheEnumsRawValues() {
        let option = Option.choice("shade", Shade.self, help: Wording(zh: "深浅", en: "how dark"))
        #expect(option.value == "light|dark")
        #expect(option.choices == ["light", "dark"])
        #expect(!option.isFlag && !option.isRepeatable)
    }

    @Test func helpIsKeptInBothLanguages() {
        let option = Option.flag("quiet", help: Wording(zh: "不显示进度", en: "show no progress"))
        #expect(option.isFlag && option.value == nil && option.choices.isEmpty)
        #expect(option.help.text(in: .zh) == "不显示进度")
        #expect(option.help.text(in: .en) == "show no progress")
        // Options differing only in their help are different options (help and completion would differ).
        #expect(option != Option.flag("quiet", help: Wording(zh: "安静", en: "quiet")))
    }
}
