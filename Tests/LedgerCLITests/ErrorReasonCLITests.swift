import Foundation
import LedgerPresentation
import PropertyLedger
import Testing

/// Every error of the command line and of the tool itself carries a declared reason: `--json` gives its id
/// and arguments, and the one line is worded in the chosen language (never an English sentence passed
/// through, never a placeholder left unfilled).
@Suite(.offThePool)
struct ErrorReasonCLITests {
    /// The `error` object of a `--json` run, with the last line of standard error.
    struct Failure {
        let status: Int32
        let reason: String?
        let args: [String: String]?
        let message: String?
        let line: String
    }

    static func failure(_ result: CLITests.Result) throws -> Failure {
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let error = object?["error"] as? [String: Any]
        return Failure(
            status: result.status, reason: error?["reason"] as? String, args: error?["args"] as? [String: String],
            message: error?["message"] as? String, line: String(result.stderrLines.last ?? ""))
    }

    static func hasChinese(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }

    /// Runs `arguments` with `--json` (first: an option missing its value would take it) in both languages and checks the reason, its arguments (those given),
    /// and the line: non-empty, Chinese in Chinese, the JSON's message, no placeholder left.
    static func expect(
        _ arguments: [String], status: Int32, reason: String, args: [String: String] = [:],
        run: ([String], [String: String]) throws -> CLITests.Result, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        var lines: [String] = []
        for language in ["zh", "en"] {
            let failure = try Self.failure(try run(["--json"] + arguments, ["LEDGER_LANG": language]))
            let label = "\(arguments) (\(language)): \(failure.line)"
            #expect(failure.status == status, "\(label)", sourceLocation: sourceLocation)
            #expect(failure.reason == reason, "\(label)", sourceLocation: sourceLocation)
            for (name, value) in args { #expect(failure.args?[name] == value, "\(label): \(name)", sourceLocation: sourceLocation) }
            let spec = Catalogue.specs.first { $0.id == failure.reason }
            #expect(
                spec.map { Set(failure.args?.keys.map { $0 } ?? []).isSuperset(of: $0.arguments) } == true,
                "\(label): undeclared or lacking arguments", sourceLocation: sourceLocation)
            #expect(failure.line.hasPrefix("ledger: error: ") && failure.line.count > "ledger: error: ".count, "\(label)")
            #expect(failure.message.map { failure.line.hasSuffix($0) } == true, "\(label)", sourceLocation: sourceLocation)
            #expect(!failure.line.contains("{"), "a placeholder is left: \(label)", sourceLocation: sourceLocation)
            #expect(Self.hasChinese(failure.line) == (language == "zh"), "\(label)", sourceLocation: sourceLocation)
            lines.append(failure.line)
        }
        #expect(lines[0] != lines[1], "\(arguments): the same line in both languages", sourceLocation: sourceLocation)
    }

    /// Runs `ledger` outside any store.
    static func anywhere(_ arguments: [String], _ environment: [String: String]) throws -> CLITests.Result {
        try CLITests.ledger(arguments, environment: environment, in: FileManager.default.temporaryDirectory)
    }

    @Test func usageErrorsCarryTheirReasonInBothLanguages() throws {
        let cases: [([String], String, [String: String])] = [
            ([], "no-command", [:]),
            (["bogus"], "unknown-command", ["command": "bogus"]),
            (["officer", "frob"], "unknown-command", ["command": "officer frob"]),
            (["officer"], "group-needs-subcommand", ["group": "officer"]),
            (["--nope"], "unknown-option", ["option": "--nope"]),
            (["verify", "--nope"], "unknown-option-for-command", ["option": "--nope", "command": "verify"]),
            (["prove", "0", "--size"], "option-needs-value", ["option": "--size", "placeholder": "N"]),
            (["prove", "1", "--size", "1", "--size", "2"], "option-given-twice", ["option": "--size"]),
            (["verify", "--dry-run=yes"], "option-takes-no-value", ["option": "--dry-run"]),
            (["prove"], "argument-missing", ["placeholder": "INDEX"]),
            (["show", ""], "object-argument-empty", ["placeholder": "OBJECT"]),
            (["officer", "add", " ", "--name", "魏江", "--role", "clerk"], "argument-empty", ["placeholder": "BADGE"]),
            (["officer", "add", "000001", "--role", "clerk"], "option-missing", ["option": "--name"]),
            (["checkpoint", "--check", "x"], "option-required-with", ["option": "--key", "with": "--check"]),
            (
                ["init", "--agency-code", "A", "--agency-name", "B", "--kind", "army"], "option-not-one-of",
                ["option": "--kind", "value": "army"]
            ),
            (["completion", "fish"], "argument-not-one-of", ["placeholder": "SHELL", "allowed": "bash,zsh", "value": "fish"]),
            (["list", "--limit", "-1"], "option-not-integer", ["option": "--limit", "value": "-1"]),
            (["prove", "x"], "argument-not-integer", ["placeholder": "INDEX", "value": "x"]),
            (
                ["dossier", "register", "--case", "A", "--volume", "4294967296", "--volumes", "1", "--pages", "1"], "option-too-large",
                ["option": "--volume"]
            ),
            (["entry", "1", "2"], "unexpected-argument", ["value": "2"]),
            (["chip", "bind", "P-1", "04A1B2C3", "--reader", "r"], "option-not-here", ["option": "--reader"]),
            (["verify", "--lang", "fr"], "option-not-one-of", ["option": "--lang", "allowed": "zh,en", "value": "fr"]),
            (["verify", "--dry-run"], "dry-run-not-recording", ["command": "verify"]),
            (["scan", "--action", "checkin"], "action-needs-location", ["value": "checkin"]),
            (["officer", "retire", "000002", "--override-holdings"], "override-holdings-needs-reason", [:]),
            (["rebuild"], "rebuild-needs-check", [:]),
            (["export", "--bom"], "bom-needs-csv", [:]),
            (["export", "--format", "csv"], "json-with-csv", [:]),
        ]
        for (arguments, reason, args) in cases {
            try Self.expect(arguments, status: 64, reason: reason, args: args, run: Self.anywhere)
        }
    }

    @Test func theToolsOwnNotFoundErrorsCarryTheirReasonInBothLanguages() async throws {
        try await CustodyCLITests.withCase { directory, ledger in
            let store = ["LEDGER_STORE": directory.appendingPathComponent("ledger.db").path]
            let run = { (arguments: [String], environment: [String: String]) in
                try CLITests.ledger(arguments, environment: store.merging(environment) { $1 }, in: directory)
            }
            try ledger(["key"]).stdout.write(to: directory.appendingPathComponent("v.key"), atomically: true, encoding: .utf8)
            let before = try CLITests.snapshot(directory)
            let cases: [([String], String, [String: String])] = [
                (["list", "--case", "NOPE"], "no-such-case", ["case": "NOPE"]),
                (["case", "show", "NOPE"], "no-such-case", ["case": "NOPE"]),
                (["list", "--location", "CAB-99"], "no-such-location", ["location": "CAB-99"]),
                (["audit", "CAB-99", "--reader", "stdin", "--actor", "000004"], "no-such-location", ["location": "CAB-99"]),
                (["list", "--holder", "999999"], "no-such-officer", ["badge": "999999"]),
                (["prove", "--check", "r", "--entry", "e", "--key", "v.key"], "no-such-file", ["path": "r"]),
                (["checkpoint", "--check", "missing", "--key", "v.key"], "no-such-file", ["path": "missing"]),
            ]
            for (arguments, reason, args) in cases {
                try Self.expect(arguments, status: 3, reason: reason, args: args, run: run)
            }
            #expect(try CLITests.snapshot(directory) == before)
        }
    }

    /// The error line of a file that is not a verifier key starts with that, in both languages.
    @Test func aFileThatIsNotAVerifierKeyIsNamed() async throws {
        try await CLITests.withStore { directory, ledger in
            try ledger(["checkpoint"]).stdout.write(to: directory.appendingPathComponent("cp"), atomically: true, encoding: .utf8)
            try "not a key\n".write(to: directory.appendingPathComponent("bad.key"), atomically: true, encoding: .utf8)
            for (language, start) in [("en", "ledger: error: bad.key is not a verifier key: "), ("zh", "ledger: error: bad.key 不是验证公钥：")] {
                let result = try CLITests.ledger(
                    ["checkpoint", "--check", "cp", "--key", "bad.key"], environment: ["LEDGER_LANG": language], in: directory)
                #expect(result.status == 4)
                #expect(result.stderr.hasPrefix(start), "\(result.stderr)")
            }
        }
    }

    /// What the reasons replaced: no error of the tool is a finished sentence passed through as `message`.
    @Test func noErrorIsAFinishedSentence() async throws {
        try await CustodyCLITests.withCase { directory, _ in
            let store = ["LEDGER_STORE": directory.appendingPathComponent("ledger.db").path]
            for arguments in [
                ["verify", "--nope"], ["prove", "0", "--size"], ["list", "--case", "NOPE"], ["list", "--location", "NOPE"],
                ["list", "--holder", "NOPE"], ["case", "show", "NOPE"], ["bogus"], ["officer", "frob"], ["verify", "--lang", "fr"],
                ["officer", "add", "000009", "--name", "X", "--role", "boss"], ["export", "--format", "xml"],
            ] {
                for language in ["zh", "en"] {
                    let result = try CLITests.ledger(
                        arguments + ["--json"], environment: store.merging(["LEDGER_LANG": language]) { $1 }, in: directory)
                    let failure = try Self.failure(result)
                    #expect(failure.reason != nil && failure.reason != "message", "\(arguments) (\(language)): \(result.stdout)")
                    #expect(Catalogue.specs.contains { $0.id == failure.reason }, "\(arguments): \(String(describing: failure.reason))")
                }
            }
        }
    }

    /// The help an error points to is named in the chosen language too.
    @Test func theHelpToReadIsNamed() throws {
        let english = try Self.anywhere(["officer", "frob"], ["LEDGER_LANG": "en"])
        #expect(english.stderr == "ledger: error: unknown command \"officer frob\"; see `ledger officer --help`\n")
        let chinese = try Self.anywhere(["officer", "frob"], ["LEDGER_LANG": "zh"])
        #expect(chinese.stderr == "ledger: error: 没有“officer frob”这个命令；请参阅 `ledger officer --help`\n")
        let option = try Self.anywhere(["verify", "--nope"], ["LEDGER_LANG": "en"])
        #expect(option.stderr == "ledger: error: unknown option --nope for `ledger verify`; see `ledger verify --help`\n")
    }
}
