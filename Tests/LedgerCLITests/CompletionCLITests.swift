import CommandLineSupport
import Foundation
import LedgerPresentation
import Testing

@testable import ledger

/// `ledger completion bash|zsh` (issue 8, item 5): the scripts come from the registry, and real shells run
/// them: bash through its completion function with COMP_WORDS and COMP_CWORD set, zsh through its parser and
/// the same function with zsh's completion builtins replaced by ones that print what they are given.
@Suite(.offThePool)
struct CompletionCLITests {
    static func script(_ shell: String, language: String = "en") throws -> URL {
        let result = try CLITests.ledger(["--lang", language, "completion", shell], in: FileManager.default.temporaryDirectory)
        #expect(result.status == 0, "\(result.stderr)")
        return try save(result.stdout, shell)
    }

    static func save(_ script: String, _ shell: String) throws -> URL {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-completion-\(UUID().uuidString).\(shell)")
        try script.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    /// Runs `program` (bash or zsh) with `arguments`, the way the tests run `ledger`.
    static func run(_ program: String, _ arguments: [String]) throws -> CLITests.Result {
        let path = ["/usr/bin/" + program, "/bin/" + program].first { FileManager.default.isExecutableFile(atPath: $0) }
        let executable = try #require(path, "\(program) is not installed: run `make deps` (the Makefile's DEBIAN_PACKAGES)")
        return try CLITests.ledgerLike(executable, arguments, in: FileManager.default.temporaryDirectory)
    }

    /// What bash offers for the command line `words`, the last one being the word under the cursor.
    static func bashCompletions(_ script: URL, _ words: [String]) throws -> [String] {
        let program = """
            source "$0" || exit 1
            COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 ))
            _ledger
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let result = try run("bash", ["-c", program, script.path] + words)
        #expect(result.status == 0, "\(words): \(result.stderr)")
        #expect(result.stderr.isEmpty, "\(words): \(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    @Test func bashCompletesCommandsOptionsAndChoices() throws {
        let script = try Self.script("bash")
        defer { try? FileManager.default.removeItem(at: script) }
        #expect(try Self.run("bash", ["-n", script.path]).status == 0)
        #expect(try Self.bashCompletions(script, ["ledger", "officer", "add", "--ro"]) == ["--role"])
        #expect(
            try Self.bashCompletions(script, ["ledger", "checkout", "P-1", "--reason", ""])
                == ["interrogation", "appraisal", "identification", "examination", "court", "other"])
        #expect(try Self.bashCompletions(script, ["ledger", "checkout", "P-1", "--reason", "ap"]) == ["appraisal"])
        #expect(
            try Self.bashCompletions(script, ["ledger", "officer", ""]) == [
                "add", "list", "retire", "card", "enroll", "rekey", "revoke-key",
            ])
        #expect(try Self.bashCompletions(script, ["ledger", "--store", "x.db", "chec"]) == ["checkpoint", "checkin", "checkout"])
        #expect(
            try Self.bashCompletions(script, ["ledger", "list", "--status", ""]) == [
                "registered", "in-storage", "checked-out", "disposed", "transferred",
            ])
        #expect(try Self.bashCompletions(script, ["ledger", "completion", ""]) == ["bash", "zsh"])
        #expect(try Self.bashCompletions(script, ["ledger", "checkin", "P-1", "--dry"]) == ["--dry-run"])
        #expect(try Self.bashCompletions(script, ["ledger", "verify", "--dry"]) == [])
        // An option's value is skipped, so it is not taken for a command word: `--to` is checkout's.
        #expect(try Self.bashCompletions(script, ["ledger", "--actor", "000004", "checkout", "P-1", "--t"]) == ["--to"])
        // `checkout` is a command and a group: `checkout extend` is its subcommand, `checkout P-1` the command.
        #expect(try Self.bashCompletions(script, ["ledger", "checkout", "ex"]) == ["extend"])
        #expect(try Self.bashCompletions(script, ["ledger", "checkout", "extend", "P-1", "--approved"]) == ["--approved-by"])
        #expect(try Self.bashCompletions(script, ["ledger", "checkout", "P-1", "--approved"]) == ["--approved-by"])
        // The top level offers every command's first word, each group once.
        let top = try Self.bashCompletions(script, ["ledger", ""])
        #expect(Set(top) == Set(CommandSpec.all.map { String($0.name.split(separator: " ")[0]) }))
        #expect(top.count == Set(top).count)
    }

    @Test func bashOffersEveryOptionOfEveryCommand() throws {
        let script = try Self.script("bash")
        defer { try? FileManager.default.removeItem(at: script) }
        for spec in CommandSpec.all {
            let offered = try Self.bashCompletions(script, ["ledger"] + spec.name.split(separator: " ").map(String.init) + ["--"])
            let expected = (spec.options + CommandSpec.globalOptions).map { "--" + $0.name }
            #expect(offered == expected, "\(spec.name)")
            for option in spec.options where !option.choices.isEmpty {
                let values = try Self.bashCompletions(
                    script, ["ledger"] + spec.name.split(separator: " ").map(String.init) + ["--" + option.name, ""])
                #expect(values == option.choices, "\(spec.name) --\(option.name)")
            }
        }
    }

    /// What the zsh script offers for `words`, with `_describe`, `compadd` and `_files` printing their
    /// candidates (real completion needs a terminal; the script's own logic runs as it would there).
    static func zshCompletions(_ script: URL, _ words: [String]) throws -> [String] {
        let program = """
            compdef() { : }
            _describe() { print -rl -- "${(@P)${@[-1]}}" }
            compadd() { [[ $1 == -a ]] && print -rl -- "${(@P)2}" }
            _files() { print -r -- '(files)' }
            source "$0" || exit 1
            words=("$@"); CURRENT=$#
            _ledger
            """
        let result = try run("zsh", ["-f", "-c", program, script.path] + words)
        #expect(result.status == 0, "\(words): \(result.stderr)")
        #expect(result.stderr.isEmpty, "\(words): \(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    @Test func zshScriptParsesAndOffersTheSameWords() throws {
        let script = try Self.script("zsh")
        defer { try? FileManager.default.removeItem(at: script) }
        let parsed = try Self.run("zsh", ["-n", script.path])
        #expect(parsed.status == 0, "\(parsed.stderr)")
        #expect(try String(contentsOf: script, encoding: .utf8).hasPrefix("#compdef ledger\n"))
        let options = try Self.zshCompletions(script, ["ledger", "officer", "add", "--ro"])
        #expect(options.contains("--role:what the officer may do"))
        #expect(options.contains("--dry-run:check it under the rules and print what would be recorded; write nothing"))
        #expect(
            try Self.zshCompletions(script, ["ledger", "checkout", "P-1", "--reason", ""])
                == ["interrogation", "appraisal", "identification", "examination", "court", "other"])
        #expect(
            try Self.zshCompletions(script, ["ledger", "officer", ""]) == [
                "add:add an officer (the first must be a supervisor, added without --actor)", "list:list officers",
                "retire:retire an officer: a retired officer can do nothing",
                "card:bind a police IC card to an officer, for the smart cabinets",
                "enroll:make an officer's signing key: a supervisor witnesses and signs, the public key goes into the log, the private key into the officer's own encrypted file",
                "rekey:an officer replaces his own signing key: signed with the old key, which then signs nothing more",
                "revoke-key:revoke an officer's signing key: it signs nothing after this (lost, passphrase forgotten, suspected compromise)",
            ])
        #expect(try Self.zshCompletions(script, ["ledger", "prove", "--check", ""]) == ["(files)"])
        #expect(
            try Self.zshCompletions(script, ["ledger", ""]).contains(
                "scan:the clerk's loop: show or act on every tag that arrives, until Ctrl-C"))
    }

    /// `ledger --lang zh completion zsh` describes commands and options in Chinese; the bash script has no
    /// descriptions, so it is the same in both languages.
    @Test func completionInChineseLoadsInBashAndZsh() throws {
        let bash = try Self.script("bash", language: "zh")
        defer { try? FileManager.default.removeItem(at: bash) }
        #expect(try Self.run("bash", ["-n", bash.path]).status == 0)
        #expect(try String(contentsOf: bash, encoding: .utf8) == CompletionScript.bash(CommandSpec.all))
        #expect(try Self.bashCompletions(bash, ["ledger", "officer", "add", "--ro"]) == ["--role"])

        let zsh = try Self.script("zsh", language: "zh")
        defer { try? FileManager.default.removeItem(at: zsh) }
        let parsed = try Self.run("zsh", ["-n", zsh.path])
        #expect(parsed.status == 0, "\(parsed.stderr)")
        let role = try #require(OfficerAddCommand.spec.options.first { $0.name == "role" })
        #expect(try Self.zshCompletions(zsh, ["ledger", "officer", "add", "--ro"]).contains("--role:" + role.help.zh))
        let subcommands = CommandSpec.all.filter { $0.name.hasPrefix("officer ") }
        #expect(
            try Self.zshCompletions(zsh, ["ledger", "officer", ""])
                == subcommands.map { String($0.name.dropFirst("officer ".count)) + ":" + $0.summary.zh })
        let top = try Self.zshCompletions(zsh, ["ledger", ""])
        #expect(top.contains("officer:officer 的子命令"))
        #expect(top.contains("scan:" + ScanCommand.spec.summary.zh))
        // The values are the domain's codes in either language.
        #expect(
            try Self.zshCompletions(zsh, ["ledger", "checkout", "P-1", "--reason", ""])
                == ["interrogation", "appraisal", "identification", "examination", "court", "other"])
    }

    /// Descriptions are single-quoted for the shell, and a colon in an offered word is escaped for
    /// `_describe` (the first unescaped colon ends the word): quotes, colons, backslashes and Chinese text
    /// reach zsh as they are.
    @Test(arguments: Language.allCases) func zshQuotingKeepsColonsQuotesAndChinese(language: Language) throws {
        let spec = CommandSpec(
            "odd:name", summary: Wording(zh: "含“引号”、' 和 : 的说明", en: "it's a summary: with a colon"),
            options: [Option(name: "x", value: nil, help: Wording(zh: "甲：乙 'c' \\ 丙", en: "a: b 'c' \\ d"))])
        let script = try Self.save(CompletionScript.zsh([spec], in: language), "zsh")
        defer { try? FileManager.default.removeItem(at: script) }
        let parsed = try Self.run("zsh", ["-n", script.path])
        #expect(parsed.status == 0, "\(parsed.stderr)")
        #expect(try Self.zshCompletions(script, ["ledger", ""]) == ["odd\\:name:" + spec.summary.text(in: language)])
        let options = try Self.zshCompletions(script, ["ledger", "odd:name", "-"])
        #expect(options.first == "--x:" + spec.options[0].help.text(in: language))
        #expect(options.count == 1 + CommandSpec.globalOptions.count)
    }

    @Test func anUnknownShellIsAUsageError() throws {
        let result = try CLITests.ledger(["completion", "fish"], in: FileManager.default.temporaryDirectory)
        #expect(result.status == 64)
        #expect(result.stderrLines == ["ledger: error: SHELL must be one of bash, zsh, not \"fish\"; see `ledger completion --help`"])
    }
}
