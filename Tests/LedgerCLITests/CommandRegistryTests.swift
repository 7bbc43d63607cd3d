import CommandLineSupport
import Foundation
import LedgerPresentation
import Testing

@testable import ledger
@testable import ledger_bench

/// What the registry promises a newcomer: one file per command, named after its type; one spec per name;
/// every command that records an entry takes `--dry-run`.
@Suite(.offThePool)
struct CommandRegistryTests {
    static let commandsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/ledger/Commands").standardized

    @Test func everyCommandIsOneFileNamedAfterItsType() {
        for type in CommandRegistry.all {
            let file = Self.commandsDirectory.appendingPathComponent("\(type).swift")
            #expect(FileManager.default.fileExists(atPath: file.path), "\(type.spec.name): no \(file.path)")
        }
    }

    @Test func namesAndOptionsAreUnique() {
        let names = CommandSpec.all.map(\.name)
        #expect(Set(names).count == names.count)
        for spec in CommandSpec.all {
            let options = (spec.options + CommandSpec.globalOptions).map(\.name)
            #expect(Set(options).count == options.count, "\(spec.name): \(options)")
        }
    }

    @Test func recordingCommandsTakeDryRun() {
        for type in CommandRegistry.all where type is any RecordingCommand.Type {
            #expect(type.spec.writesEntry, "\(type.spec.name)")
        }
        for spec in CommandSpec.all {
            #expect(spec.options.contains { $0.name == "dry-run" } == spec.writesEntry, "\(spec.name)")
        }
    }
}

/// Every help text of both tools, in both languages (issue 8, item 2): each command's summary, options and
/// notes, the options every command takes, the exit statuses, the help's own headings and the benchmark's
/// options. Chinese is there and is Chinese; both languages name the same placeholders, options, code,
/// environment variables and usage placeholders (`OBJECT`, `TIME`), so neither tells the reader something
/// the other does not.
@Suite(.offThePool)
struct HelpWordingTests {
    struct Text {
        let label: String
        let wording: Wording
        /// The usage placeholders of the command it belongs to (`OBJECT`, `N`), which help text may name.
        let metavariables: Set<String>
    }

    static func metavariables(_ arguments: String, _ options: [Option]) -> Set<String> {
        Set(tokens("[A-Z][A-Z0-9]*", in: ([arguments] + options.compactMap(\.value)).joined(separator: " ")))
    }

    static func texts(_ label: String, _ options: [Option], _ metavariables: Set<String>) -> [Text] {
        options.map { Text(label: "\(label) --\($0.name)", wording: $0.help, metavariables: metavariables) }
    }

    static var all: [Text] {
        var texts: [Text] = []
        for spec in CommandSpec.all + [HelpCommand.spec, VersionCommand.spec] {
            let names = metavariables(spec.arguments, spec.options)
            texts.append(Text(label: spec.name, wording: spec.summary, metavariables: names))
            texts += spec.notes.map { Text(label: "\(spec.name) note", wording: $0, metavariables: names) }
            texts += Self.texts(spec.name, spec.options, names)
        }
        let global = CommandSpec.globalOptions + [CommandSpec.versionOption, CommandSpec.dryRunOption]
        texts += Self.texts("every command", global, metavariables("", global))
        texts += ExitStatus.allCases.map { Text(label: "exit status \($0.rawValue)", wording: $0.meaning, metavariables: []) }
        texts += Catalogue.help.entries.map { Text(label: "HelpWords.\($0.name)", wording: $0.wording, metavariables: []) }
        texts += Self.texts("ledger-bench", BenchCommand.options, metavariables("", BenchCommand.options))
        return texts
    }

    /// The matches of `pattern` in `text`.
    static func tokens(_ pattern: String, in text: String) -> [String] {
        guard let regex = try? Regex(pattern, as: Substring.self) else {
            Issue.record("bad pattern \(pattern)")
            return []
        }
        return text.matches(of: regex).map { String($0.output) }
    }

    static func isChinese(_ character: Character) -> Bool {
        character.unicodeScalars.contains { $0.properties.isIdeographic }
    }

    @Test func everyTextIsThereInBothLanguages() {
        let texts = Self.all
        #expect(texts.count > 150)
        for text in texts {
            let (zh, en) = (text.wording.zh, text.wording.en)
            #expect(!zh.isEmpty && !en.isEmpty, "\(text.label)")
            #expect(zh != en, "\(text.label): not translated")
            #expect(zh.contains(where: Self.isChinese), "\(text.label): no Chinese in \(zh)")
            #expect(placeholders(in: zh) == placeholders(in: en), "\(text.label): placeholders differ")
        }
    }

    @Test func bothLanguagesNameTheSameOptionsCodeAndVariables() {
        let patterns = [
            "--[a-z][a-z-]*",  // options
            "`[^`]+`",  // commands and code
            "\\$?[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+",  // environment variables
        ]
        for text in Self.all {
            // The help's own lines word the usage placeholders in code: `ledger 命令 --help`.
            for pattern in patterns where !(text.label.hasPrefix("HelpWords.") && pattern.hasPrefix("`")) {
                #expect(
                    Set(Self.tokens(pattern, in: text.wording.zh)) == Set(Self.tokens(pattern, in: text.wording.en)),
                    "\(text.label): \(text.wording.zh) / \(text.wording.en)")
            }
            for name in text.metavariables {
                let word = "(?:^|[^A-Za-z0-9])\(name)(?:$|[^A-Za-z0-9])"
                #expect(
                    Self.tokens(word, in: text.wording.zh).isEmpty == Self.tokens(word, in: text.wording.en).isEmpty,
                    "\(text.label): \(name) in one language only")
            }
        }
    }

    /// Chinese text takes Chinese punctuation: no ASCII comma, semicolon, colon or parenthesis beside a
    /// Chinese character.
    @Test func chineseUsesFullWidthPunctuation() {
        let ascii: Set<Character> = [",", ";", ":", "(", ")"]
        for text in Self.all {
            let characters = Array(text.wording.zh)
            for (left, right) in zip(characters, characters.dropFirst()) {
                let mixed = (ascii.contains(left) && Self.isChinese(right)) || (Self.isChinese(left) && ascii.contains(right))
                #expect(!mixed, "\(text.label): “\(left)\(right)” in \(text.wording.zh)")
            }
        }
    }
}
