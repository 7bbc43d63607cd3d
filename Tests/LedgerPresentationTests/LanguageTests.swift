import Testing

@testable import LedgerPresentation

/// `--lang`, then `LEDGER_LANG`, then the locale variables; nothing, `C` or `POSIX` gives the default.
struct LanguageTests {
    @Test(
        arguments: [
            (nil, [:], Language.zh),
            (nil, ["LANG": "en_US.UTF-8"], .en),
            (nil, ["LANG": "zh_CN.UTF-8"], .zh),
            (nil, ["LANG": "zh_TW.Big5"], .zh),
            (nil, ["LANG": "de_DE@euro"], .en),
            (nil, ["LANG": "C"], .zh),
            (nil, ["LANG": "POSIX"], .zh),
            (nil, ["LANG": "C.UTF-8"], .zh),
            (nil, ["LANG": ""], .zh),
            (nil, ["LC_MESSAGES": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"], .en),
            (nil, ["LC_ALL": "zh_CN.UTF-8", "LC_MESSAGES": "en_GB.UTF-8", "LANG": "en_US.UTF-8"], .zh),
            (nil, ["LC_ALL": "", "LANG": "en_US.UTF-8"], .en),
            (nil, ["LC_ALL": "C", "LANG": "en_US.UTF-8"], .zh),
            (nil, ["LEDGER_LANG": "en", "LC_ALL": "zh_CN.UTF-8"], .en),
            (nil, ["LEDGER_LANG": "zh", "LANG": "en_US.UTF-8"], .zh),
            (nil, ["LEDGER_LANG": "", "LANG": "en_US.UTF-8"], .en),
            ("en", ["LEDGER_LANG": "zh", "LC_ALL": "zh_CN.UTF-8"], .en),
            ("zh", ["LEDGER_LANG": "en"], .zh),
        ] as [(String?, [String: String], Language)])
    func selection(flag: String?, environment: [String: String], expected: Language) {
        #expect(Language.select(flag: flag, environment: environment, default: .zh) == expected)
    }

    @Test func theDefaultIsTheCallersChoice() {
        #expect(Language.select(environment: [:], default: .en) == .en)
        #expect(Language.select(environment: ["LANG": "POSIX"], default: .en) == .en)
    }

    @Test func localeNames() {
        #expect(Language(locale: "zh") == .zh)
        #expect(Language(locale: "ZH_cn") == .zh)
        #expect(Language(locale: "en") == .en)
        #expect(Language(locale: "fr_FR.UTF-8") == .en)
        #expect(Language(locale: "C") == nil)
        #expect(Language(locale: "") == nil)
        #expect(Language(locale: ".UTF-8") == nil)
    }
}
