import Foundation
import Testing

/// Errors in the chosen language: `LEDGER_LANG`, else the locale variables, else Chinese; `--json` errors
/// carry the reason's id and arguments whatever the language.
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
