import Foundation
import LedgerPresentation
import Testing

/// The status lines of the commands that report rather than list (`init`, `verify`, `prove --check`,
/// `checkpoint --check`, `rebuild --check`, `audit`): worded in the chosen language, every placeholder filled.
@Suite(.offThePool)
struct StatusLineCLITests {
    static func expectWorded(_ text: String, _ language: String, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!text.isEmpty, "\(label)", sourceLocation: sourceLocation)
        #expect(!text.contains("{"), "a placeholder is left: \(label): \(text)", sourceLocation: sourceLocation)
        if language == "zh" {
            #expect(ErrorReasonCLITests.hasChinese(text), "\(label): \(text)", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: ["zh", "en"])
    func reportsAreInTheChosenLanguage(language: String) async throws {
        try await CustodyCLITests.withCase { directory, ledger in
            let environment = [
                "LEDGER_STORE": directory.appendingPathComponent("ledger.db").path, "LEDGER_LANG": language,
            ]
            let run = { (arguments: [String]) in try CLITests.ledger(arguments, environment: environment, in: directory) }
            try ledger(["key"]).stdout.write(to: directory.appendingPathComponent("v.key"), atomically: true, encoding: .utf8)
            try ledger(["prove", "0"]).stdout.write(to: directory.appendingPathComponent("r"), atomically: true, encoding: .utf8)
            try ledger(["entry", "0"]).stdout.write(to: directory.appendingPathComponent("e"), atomically: true, encoding: .utf8)
            try ledger(["checkpoint"]).stdout.write(to: directory.appendingPathComponent("cp"), atomically: true, encoding: .utf8)

            let created = try CLITests.ledger(
                ["init", "--agency-code", "370321", "--agency-name", "临淄区公安分局", "--kind", "police", "--store", "other.db"],
                environment: ["LEDGER_LANG": language], in: directory)
            #expect(created.status == 0, "\(created.stderr)")
            // The agency's name is Chinese in both languages: the labels must be too in Chinese.
            Self.expectWorded(created.stdout.split(separator: "\n").dropFirst().joined(separator: "\n"), language, "init")
            for (arguments, label) in [
                (["verify"], "verify"), (["prove", "--check", "r", "--entry", "e", "--key", "v.key"], "prove --check"),
                (["checkpoint", "--check", "cp", "--key", "v.key"], "checkpoint --check"), (["rebuild", "--check"], "rebuild"),
            ] {
                let result = try run(arguments)
                #expect(result.status == 0, "\(label): \(result.stderr)")
                Self.expectWorded(result.stdout, language, label)
                #expect(result.stdout.hasPrefix("OK: ") == (language == "en"), "\(label): \(result.stdout)")
            }

            let audit = Process()
            audit.executableURL = try CLITests.productsDirectory().appendingPathComponent("ledger")
            audit.arguments = ["audit", "CAB-01", "--reader", "stdin", "--actor", "000004", "--dry-run"]
            audit.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            let input = Pipe()
            let output = Pipe()
            audit.standardInput = input
            audit.standardOutput = output
            try audit.run()
            input.fileHandleForWriting.write(Data("04A1B2C3\n".utf8))
            try input.fileHandleForWriting.close()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            audit.waitUntilExit()
            #expect(audit.terminationStatus == 0)
            Self.expectWorded(text, language, "audit")
            let counts = text.split(separator: "\n").suffix(4)
            #expect(counts.count == 4 && counts.last?.hasSuffix("1  04A1B2C3") == true, "\(text)")
            // The counts line up whatever the labels' widths.
            let columns = Set(counts.map { line in line.firstIndex { $0.isNumber }.map { displayWidth(String(line[..<$0])) } })
            #expect(columns.count == 1, "\(text)")

            try FileManager.default.removeItem(at: directory.appendingPathComponent("ledger.db.checkpoint"))
            let warned = try run(["verify"])
            #expect(warned.status == 8)
            Self.expectWorded(warned.stdout, language, "verify with a warning")
            Self.expectWorded(warned.stderr, language, "verify's failure line")
        }
    }
}
