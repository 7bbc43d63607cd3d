import Foundation
import Testing

/// Errors in the chosen language: `LEDGER_LANG`, else the locale variables, else Chinese; `--json` errors
/// carry the reason's id and arguments whatever the language.
@Suite(.offThePool)
struct LanguageCLITests {
    static let refused = ["checkin", "P-370321-2026-000001", "--to", "CAB-01", "--actor", "000001"]

    /// Runs the refused check-in against a store with one supervisor, in `environment`.
    static func refusal(_ environment: [String: String], json: Bool = false, arguments: [String] = []) async throws
        -> CLITests.Result
    {
        var result: CLITests.Result?
        try await CLITests.withStore { directory, ledger in
            #expect(try ledger(["officer", "add", "000001", "--name", "魏江", "--role", "supervisor"]).status == 0)
            let store = ["LEDGER_STORE": directory.appendingPathComponent("ledger.db").path]
            result = try CLITests.ledger(
                refused + arguments + (json ? ["--json"] : []), environment: store.merging(environment) { $1 }, in: directory)
        }
        return try #require(result)
    }

    @Test(arguments: [
        ["LEDGER_LANG": "zh"],
        ["LEDGER_LANG": "", "LANG": "zh_CN.UTF-8"],
        ["LEDGER_LANG": "", "LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"],
        ["LEDGER_LANG": ""],
        ["LEDGER_LANG": "", "LANG": "C"],
    ])
    func refusalsAreInChinese(environment: [String: String]) async throws {
        let result = try await Self.refusal(environment)
        #expect(result.status == 2)
        #expect(result.stderrLines.count == 1, "\(result.stderr)")
        #expect(result.stderr == "ledger: error: 执行人 000001 是审批领导，无权办理入库：须为涉案财物管理员\n", "\(environment)")
    }

    @Test(arguments: [["LEDGER_LANG": "en"], ["LEDGER_LANG": "", "LANG": "en_US.UTF-8"], ["LEDGER_LANG": "", "LC_MESSAGES": "en_GB"]])
    func refusalsAreInEnglish(environment: [String: String]) async throws {
        let result = try await Self.refusal(environment)
        #expect(result.stderr == "ledger: error: the actor 000001 is a supervisor; clerk required to check objects in\n", "\(environment)")
    }

    @Test func jsonErrorsCarryTheReason() async throws {
        for language in ["zh", "en"] {
            let result = try await Self.refusal(["LEDGER_LANG": language], json: true)
            let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            let error = try #require(object?["error"] as? [String: Any])
            #expect(error["status"] as? Int == 2)
            #expect(error["kind"] as? String == "refused")
            #expect(error["reason"] as? String == "actor-lacks-role")
            #expect(
                error["args"] as? [String: String]
                    == ["badge": "000001", "role": "supervisor", "roles": "clerk", "action": "check-in"])
            #expect((error["message"] as? String).map { result.stderr.contains($0) } == true)
        }
    }
}

extension LanguageCLITests {
    /// `--lang` comes before the environment, and is checked like any other option.
    @Test func theLangOptionWins() async throws {
        let chinese = try await Self.refusal(["LEDGER_LANG": "en"], arguments: ["--lang", "zh"])
        #expect(chinese.stderr.hasPrefix("ledger: error: 执行人 000001"), "\(chinese.stderr)")
        let english = try await Self.refusal(["LEDGER_LANG": "zh"], arguments: ["--lang=en"])
        #expect(english.stderr.hasPrefix("ledger: error: the actor 000001"), "\(english.stderr)")
        let unknown = try await Self.refusal([:], json: true, arguments: ["--lang", "fr"])
        #expect(unknown.status == 64)
        let object = try JSONSerialization.jsonObject(with: Data(unknown.stdout.utf8)) as? [String: [String: Any]]
        #expect(object?["error"]?["reason"] as? String == "option-not-one-of", "\(unknown.stdout)")
        #expect(object?["error"]?["args"] as? [String: String] == ["option": "--lang", "allowed": "zh,en", "value": "fr"])
        // Worded in the language of the environment, since the one asked for cannot be used.
        #expect(unknown.stderr.contains("--lang must be one of zh, en, not \"fr\""), "\(unknown.stderr)")
    }

    /// A bad time is a usage error worded from the parser's reason, in the chosen language.
    @Test func aBadTimeIsWordedInTheChosenLanguage() async throws {
        let arguments = [
            "checkout", "P-370321-2026-000001", "--to", "000002", "--reason", "court", "--approved-by", "000001", "--due", "2027-02-30",
        ]
        for language in ["zh", "en"] {
            let directory = FileManager.default.temporaryDirectory
            let result = try CLITests.ledger(arguments, environment: ["LEDGER_LANG": language], in: directory)
            #expect(result.status == 64)
            #expect(result.stderrLines.count == 1)
            #expect(result.stderr.hasPrefix(language == "zh" ? "ledger: error: --due：" : "ledger: error: --due: "), "\(result.stderr)")
            #expect(!result.stderr.contains("time-"), "a debug form leaked: \(result.stderr)")
            let hasChinese = result.stderr.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
            #expect(hasChinese == (language == "zh"), "\(result.stderr)")
        }
    }
}

/// The store's default language (`init --default-lang`) decides when neither `--lang` nor the environment does.
extension LanguageCLITests {
    /// No language variable at all, or only `C`.
    static let undecided: [[String: String]] = [
        ["LEDGER_LANG": "", "LC_ALL": "C"], ["LEDGER_LANG": ""], ["LEDGER_LANG": "", "LANG": "POSIX"],
    ]

    /// A store created with `initOptions` and one supervisor; `run` runs `ledger` against it in an environment
    /// of its own.
    static func withStore(
        initOptions: [String], _ body: (URL, _ run: ([String], [String: String]) throws -> CLITests.Result) async throws -> Void
    ) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-lang-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = ["LEDGER_STORE": directory.appendingPathComponent("ledger.db").path]
        let run = { (arguments: [String], environment: [String: String]) in
            try CLITests.ledger(arguments, environment: store.merging(environment) { $1 }, in: directory)
        }
        let created = try run(
            ["init", "--agency-code", "370321", "--agency-name", "临淄区公安分局", "--kind", "police", "--signatures", "optional"] + initOptions,
            [:])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(try run(["officer", "add", "000001", "--name", "魏江", "--role", "supervisor"], [:]).status == 0)
        try await body(directory, run)
    }

    @Test(arguments: undecided)
    func aStoreCreatedInEnglishSpeaksEnglish(environment: [String: String]) async throws {
        try await Self.withStore(initOptions: ["--default-lang", "en"]) { _, run in
            let refused = try run(Self.refused, environment)
            #expect(refused.status == 2)
            #expect(
                refused.stderr == "ledger: error: the actor 000001 is a supervisor; clerk required to check objects in\n", "\(environment)")
            // Before the command line is parsed too: a bad time is worded in the store's language.
            let badTime = try run(
                [
                    "checkout", "P-370321-2026-000001", "--to", "000002", "--reason", "court", "--approved-by", "000001", "--due",
                    "2027-02-29",
                ],
                environment)
            #expect(badTime.status == 64)
            #expect(badTime.stderr.hasPrefix("ledger: error: --due: "), "\(badTime.stderr)")
            #expect(!badTime.stderr.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(badTime.stderr)")
        }
    }

    /// `--lang` and the environment still come first.
    @Test func theFlagAndTheEnvironmentWinOverTheStore() async throws {
        try await Self.withStore(initOptions: ["--default-lang", "en"]) { _, run in
            let flag = try run(Self.refused + ["--lang", "zh"], ["LEDGER_LANG": "", "LC_ALL": "C"])
            #expect(flag.stderr.hasPrefix("ledger: error: 执行人 000001"), "\(flag.stderr)")
            let locale = try run(Self.refused, ["LEDGER_LANG": "", "LANG": "zh_CN.UTF-8"])
            #expect(locale.stderr.hasPrefix("ledger: error: 执行人 000001"), "\(locale.stderr)")
            let variable = try run(Self.refused, ["LEDGER_LANG": "zh"])
            #expect(variable.stderr.hasPrefix("ledger: error: 执行人 000001"), "\(variable.stderr)")
        }
        // And a store created in Chinese answers in English when the environment asks for it.
        try await Self.withStore(initOptions: ["--default-lang", "zh"]) { _, run in
            let english = try run(Self.refused, ["LEDGER_LANG": "", "LC_MESSAGES": "en_GB.UTF-8"])
            #expect(english.stderr.hasPrefix("ledger: error: the actor 000001"), "\(english.stderr)")
            let chinese = try run(Self.refused, ["LEDGER_LANG": "", "LC_ALL": "C"])
            #expect(chinese.stderr.hasPrefix("ledger: error: 执行人 000001"), "\(chinese.stderr)")
        }
    }

    /// The default language is recorded in entry 0 and reported by `init`; an unknown one is a usage error.
    @Test func initRecordsTheDefaultLanguage() async throws {
        try await Self.withStore(initOptions: ["--default-lang", "en"]) { directory, run in
            let entry = try run(["entry", "0"], [:]).stdout
            #expect(entry.contains("\"defaultLanguage\":\"en\""), "\(entry)")
            let again = try CLITests.ledger(
                ["init", "--agency-code", "370321", "--agency-name", "x", "--kind", "police", "--default-lang", "en", "--json"],
                environment: ["LEDGER_STORE": directory.appendingPathComponent("other.db").path], in: directory)
            let json = try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any]
            #expect(json?["defaultLanguage"] as? String == "en", "\(again.stdout)")
        }
        try await Self.withStore(initOptions: []) { _, run in
            #expect(try run(["entry", "0"], [:]).stdout.contains("\"defaultLanguage\":\"zh\""))
            let chinese = try run(Self.refused, ["LEDGER_LANG": "", "LC_ALL": "C"])
            #expect(chinese.stderr.hasPrefix("ledger: error: 执行人 000001"), "\(chinese.stderr)")
        }
        let directory = FileManager.default.temporaryDirectory
        let unknown = try CLITests.ledger(
            ["init", "--agency-code", "370321", "--agency-name", "x", "--kind", "police", "--default-lang", "fr"],
            environment: ["LEDGER_STORE": directory.appendingPathComponent("never-\(UUID().uuidString).db").path], in: directory)
        #expect(unknown.status == 64, "\(unknown.stderr)")
        #expect(unknown.stderr.contains("--default-lang"), "\(unknown.stderr)")
    }

    /// A store that is missing or is not a store at all leaves the default Chinese, and the command's own
    /// error is what is reported.
    @Test func aMissingOrForeignStoreMeansChinese() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-lang-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let foreign = directory.appendingPathComponent("notes.db")
        try Data("not a database".utf8).write(to: foreign)
        for store in [directory.appendingPathComponent("missing.db").path, foreign.path] {
            let result = try CLITests.ledger(
                ["verify"], environment: ["LEDGER_STORE": store, "LEDGER_LANG": "", "LC_ALL": "C"], in: directory)
            #expect(result.status != 0)
            #expect(result.stderr.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(store): \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("missing.db").path), "the peek created a file")
    }
}
