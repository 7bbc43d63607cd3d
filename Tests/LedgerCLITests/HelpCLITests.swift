import CommandLineSupport
import Foundation
import LedgerPresentation
import Testing

@testable import ledger

/// `ledger --help`, `ledger COMMAND --help` and `ledger GROUP --help` in Chinese and English (issue 8, items 2
/// and 4): every command listed, columns aligned by display width, lines wrapped to the help's width, and no
/// English heading left in the Chinese help.
@Suite(.offThePool)
struct HelpCLITests {
    static func help(_ arguments: [String], language: String) throws -> CLITests.Result {
        let result = try CLITests.ledger(arguments, environment: ["LEDGER_LANG": language], in: FileManager.default.temporaryDirectory)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        #expect(result.stderr.isEmpty, "\(arguments): \(result.stderr)")
        return result
    }

    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The lines after `heading`, up to the next blank line.
    static func section(_ heading: String, in text: String) throws -> [String] {
        let all = lines(text)
        let start = try #require(all.firstIndex(of: heading), "no \(heading)")
        return Array(all[(start + 1)...].prefix { !$0.isEmpty })
    }

    /// Every entry of a section (`  label  text`) with its text's column, and the continuation lines' indents;
    /// the entries must be `labels`, in order.
    static func columns(_ section: [String], labels: [String]) throws -> (entries: [Int], continuations: [Int]) {
        var entries: [Int] = []
        var continuations: [Int] = []
        var remaining = labels
        for line in section {
            if let label = remaining.first, line == "  " + label {
                // Too wide for its column: its text starts on the next line, in the column.
                remaining.removeFirst()
            } else if let label = remaining.first, line.hasPrefix("  " + label + " ") {
                remaining.removeFirst()
                let rest = line.dropFirst(2 + label.count)
                entries.append(displayWidth("  " + label) + rest.prefix { $0 == " " }.count)
            } else {
                let indent = line.prefix { $0 == " " }.count
                #expect(indent > 2, "not an entry nor a continuation: \(line)")
                continuations.append(indent)
            }
        }
        #expect(remaining.isEmpty, "not listed, or out of order: \(remaining)")
        return (entries, continuations)
    }

    static func label(_ spec: CommandSpec) -> String {
        spec.name + (spec.arguments.isEmpty ? "" : " " + spec.arguments)
    }

    static func label(_ option: Option) -> String {
        "--" + option.name + (option.value.map { " " + $0 } ?? "")
    }

    static let englishHeadings = ["USAGE", "COMMANDS:", "OPTIONS", "EXIT STATUS", "Exit status", "Run `ledger", "subcommands"]

    @Test(arguments: Language.allCases) func topLevelHelpListsEveryCommandAligned(language: Language) throws {
        let text = try Self.help(["--help"], language: language.rawValue).stdout
        let words = Catalogue.help
        #expect(Self.lines(text).first == words.tagline.text(in: language))

        let commands = try Self.section(words.commands.text(in: language), in: text)
        let listed = try Self.columns(commands, labels: CommandSpec.all.map(Self.label))
        // Every summary starts at the same display column, and a wrapped one goes on in that column.
        #expect(Set(listed.entries) == [2 + Help.commandColumn], "\(listed.entries)")
        #expect(Set(listed.continuations).isSubset(of: [2 + Help.commandColumn]))
        for spec in CommandSpec.all {
            let first = Help.wrap(spec.summary.text(in: language), width: Help.width - 2 - Help.commandColumn)[0]
            #expect(commands.contains("  " + padded(Self.label(spec), to: Help.commandColumn) + first), "\(spec.name)")
        }

        let options = try Self.section(words.globalOptions.text(in: language), in: text)
        let described = try Self.columns(options, labels: CommandSpec.globalOptions.map(Self.label))
        #expect(Set(described.entries + described.continuations) == [2 + Help.optionColumn])

        let statuses = try Self.section(words.exitStatus.text(in: language), in: text)
        let meanings = try Self.columns(statuses, labels: ExitStatus.allCases.map { String($0.rawValue) })
        #expect(Set(meanings.entries + meanings.continuations) == [2 + Help.statusColumn])
        for status in ExitStatus.allCases {
            let first = Help.wrap(status.meaning.text(in: language), width: Help.width - 2 - Help.statusColumn)[0]
            #expect(statuses.contains("  " + padded(String(status.rawValue), to: Help.statusColumn) + first), "\(status)")
        }

        for line in Self.lines(text) { #expect(displayWidth(line) <= Help.width, "\(line)") }
        if language == .zh {
            for heading in Self.englishHeadings { #expect(!text.contains(heading), "\(heading)") }
        }
    }

    @Test(arguments: Language.allCases) func commandHelpInEitherLanguage(language: Language) throws {
        let spec = CheckoutCommand.spec
        let text = try Self.help(["checkout", "--help"], language: language.rawValue).stdout
        let words = Catalogue.help
        let lines = Self.lines(text)
        #expect(lines.first == "ledger checkout — " + spec.summary.text(in: language))
        #expect(lines.contains(words.usage.text(in: language, ["command": "checkout OBJECT"])))

        let own = try Self.section(words.options.text(in: language), in: text)
        let described = try Self.columns(own, labels: spec.options.map(Self.label))
        #expect(Set(described.entries + described.continuations) == [2 + Help.optionColumn])
        #expect(spec.options.map(\.name).contains("dry-run"))
        let shared = try Self.section(words.globalOptions.text(in: language), in: text)
        _ = try Self.columns(shared, labels: CommandSpec.globalOptions.map(Self.label))

        // The TIME note, wrapped into one paragraph, and the closing line.
        let note = Help.wrap(CommandSpec.timeNotes[0].text(in: language), width: Help.width)
        #expect(text.contains("\n\n" + note.joined(separator: "\n") + "\n\n"))
        #expect(note.count > 1)
        #expect(lines.dropLast().last == words.exitStatusHint.text(in: language))
        for line in lines { #expect(displayWidth(line) <= Help.width, "\(line)") }
        if language == .zh {
            for heading in Self.englishHeadings { #expect(!text.contains(heading), "\(heading)") }
            #expect(text.contains("出库事由"))
        } else {
            #expect(text.contains("TIME: ISO 8601 with an offset"))
        }
    }

    @Test func groupHelpAndTheHelpWordAgree() throws {
        let zh = try Self.help(["officer", "--help"], language: "zh").stdout
        #expect(zh.hasPrefix("ledger officer — 子命令：\n\n"))
        let subcommands = CommandSpec.all.filter { $0.name.hasPrefix("officer ") }
        let listed = try Self.columns(
            Array(Self.lines(zh).dropFirst(2).prefix { !$0.isEmpty }), labels: subcommands.map(Self.label))
        #expect(Set(listed.entries) == [2 + Help.commandColumn])
        #expect(zh.contains(Catalogue.help.subcommandHelpHint.text(in: .zh, ["group": "officer"])))
        #expect(try Self.help(["help", "officer"], language: "zh").stdout == zh)
        #expect(try Self.help(["help", "checkout"], language: "zh").stdout == Self.help(["checkout", "--help"], language: "zh").stdout)
    }

    /// `--lang` chooses the help's language over the environment, wherever it is on the command line.
    @Test func langChoosesTheHelpsLanguage() throws {
        let english = try Self.help(["--help"], language: "en").stdout
        let chinese = try Self.help(["--help"], language: "zh").stdout
        #expect(english != chinese)
        #expect(try Self.help(["--lang", "en", "--help"], language: "zh").stdout == english)
        #expect(try Self.help(["--help", "--lang=zh"], language: "en").stdout == chinese)
        #expect(
            try Self.help(["checkout", "--help", "--lang", "zh"], language: "en").stdout
                == Self.help(["checkout", "--help"], language: "zh").stdout)
        // A bare `ledger` prints the usage on stderr in the chosen language too.
        let bare = try CLITests.ledger(["--lang", "zh"], in: FileManager.default.temporaryDirectory)
        #expect(bare.status == 64)
        #expect(bare.stderr.hasPrefix(chinese))
    }

    /// Every command's help, in both languages, fits the help's width.
    @Test(arguments: Language.allCases) func everyHelpLineFits(language: Language) {
        let groups = Set(
            CommandSpec.all.compactMap { $0.name.split(separator: " ").count > 1 ? String($0.name.prefix { $0 != " " }) : nil })
        #expect(groups.contains("officer"))
        let topics: [String?] = [nil] + CommandSpec.all.map(\.name) + groups.sorted()
        for topic in topics {
            for line in Self.lines(Help.text(for: topic, in: language)) {
                #expect(displayWidth(line) <= Help.width, "\(topic ?? "--help"): \(line)")
            }
        }
    }
}

/// How help text is wrapped: at spaces, between Chinese characters, never before closing punctuation.
@Suite(.offThePool)
struct HelpWrapTests {
    @Test func englishBreaksAtSpaces() {
        let lines = Help.wrap("the quick brown fox jumps over the lazy dog", width: 16)
        #expect(lines == ["the quick brown", "fox jumps over", "the lazy dog"])
        #expect(Help.wrap("short", width: 16) == ["short"])
        // A word wider than the line keeps a line of its own.
        #expect(Help.wrap("a /very/long/path/name b", width: 8) == ["a", "/very/long/path/name", "b"])
        // Spaces inside backquotes do not break.
        #expect(Help.wrap("use `ledger return` now", width: 12) == ["use", "`ledger return`", "now"])
    }

    @Test func chineseBreaksBetweenCharactersButNotBeforeClosingPunctuation() {
        let text = "已注销警员仍领用的财物可照常办理归还（`ledger return`，--by 默认为领用人）。"
        for width in 10...40 {
            let lines = Help.wrap(text, width: width)
            for line in lines {
                #expect(displayWidth(line) <= max(width, displayWidth("（`ledger return`，")), "\(width): \(line)")
                #expect(!line.hasPrefix("，") && !line.hasPrefix("。") && !line.hasPrefix("）"), "\(width): \(line)")
                #expect(!line.hasSuffix("（"), "\(width): \(line)")
            }
            // Breaks between Chinese characters drop nothing; a break at a space drops the space.
            #expect(lines.joined().replacingOccurrences(of: " ", with: "") == text.replacingOccurrences(of: " ", with: ""))
        }
        #expect(Help.wrap("涉案财物（黑色）", width: 8) == ["涉案财物", "（黑色）"])
    }
}
