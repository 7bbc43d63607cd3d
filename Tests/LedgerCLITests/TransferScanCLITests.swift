import Foundation
import Testing

/// `ledger transfer receive --scan`: the receiving clerk reads the chips of what arrived (here through a keyboard-
/// wedge reader on standard input, the same round as `audit`): each chip read confirms its object, a chip of
/// nothing in the list is recorded as extra, and an object neither read nor answered refuses the whole receipt.
@Suite(.offThePool)
struct TransferScanCLITests {
    /// `ledger` with `input` on its standard input.
    static func ledger(_ arguments: [String], input: String, in directory: URL) throws -> CLITests.Result {
        let process = Process()
        process.executableURL = try CLITests.productsDirectory().appendingPathComponent("ledger")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        for key in ["LEDGER_STORE", "LEDGER_PRIVATE_KEY", "LC_ALL", "LC_MESSAGES", "LANG"] { environment[key] = nil }
        environment["HOME"] = directory.path
        environment["LEDGER_LANG"] = "en"
        process.environment = environment
        let (stdin, stdout, stderr) = (Pipe(), Pipe(), Pipe())
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLITests.Result(
            status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }

    @Test func chipsReadAtTheDeskAnswerTheTransfer() async throws {
        try await CLITests.withStore { policeDirectory, police in
            try await CLITests.withStore { directory, procuratorate in
                try TransferCLITests.people(police)
                try TransferCLITests.people(procuratorate)
                try police(["key"]).stdout.write(to: directory.appendingPathComponent("police.vkey"), atomically: true, encoding: .utf8)
                #expect(try procuratorate(["peer", "add", "police", "--key", "police.vkey", "--actor", "000001"]).status == 0)
                try procuratorate(["key"]).stdout.write(
                    to: policeDirectory.appendingPathComponent("procuratorate.vkey"), atomically: true, encoding: .utf8)
                #expect(try police(["peer", "add", "procuratorate", "--key", "procuratorate.vkey", "--actor", "000001"]).status == 0)
                #expect(
                    try procuratorate(["case", "open", "JC1", "--title", "审查起诉", "--kind", "criminal", "--actor", "000001"]).status == 0)
                for arguments in [
                    ["officer", "add", "000002", "--name", "李明", "--role", "officer", "--actor", "000001"],
                    ["officer", "add", "000003", "--name", "王强", "--role", "officer", "--actor", "000001"],
                    ["location", "add", "ROOM-1", "--name", "保管室", "--kind", "room", "--actor", "000004"],
                    ["case", "open", "A1", "--title", "盗窃案", "--kind", "criminal", "--actor", "000002"],
                ] {
                    #expect(try police(arguments).status == 0, "\(arguments)")
                }
                var chips: [String: String] = [:]
                for (name, uid) in [("自行车", "04A1000001"), ("断线钳", "04A1000002"), ("手机", "04A1000003")] {
                    let registered = try police([
                        "item", "register", "--case", "A1", "--name", name, "--quantity", "1", "--unit", "件", "--seized-by",
                        "000002,000003", "--actor", "000002", "--json",
                    ])
                    let id = try #require(try DryRunCLITests.json(registered)["id"] as? String)
                    #expect(try police(["chip", "bind", id, uid, "--actor", "000004"]).status == 0)
                    #expect(try police(["checkin", id, "--to", "ROOM-1", "--actor", "000004"]).status == 0)
                    chips[id] = uid
                }
                let items = chips.keys.sorted()
                let bundle = directory.appendingPathComponent("bundle.txt").path
                #expect(
                    try police(["transfer", "create", "--to", "procuratorate", "--case", "A1", "--out", bundle, "--actor", "000004"])
                        .status == 0)
                let receive = [
                    "--store", directory.appendingPathComponent("ledger.db").path, "transfer", "receive", "bundle.txt", "--scan",
                    "--reader", "stdin", "--receipt-out", "receipt.txt", "--actor", "000004", "--case", "JC1",
                ]
                // The second item's chip is not read and nothing else answers it: refused, nothing written.
                let before = try CLITests.snapshot(directory)
                let unanswered = try Self.ledger(receive, input: "\(chips[items[0]]!)\n\(chips[items[2]]!)\n", in: directory)
                #expect(unanswered.status == 1 && unanswered.stderr.contains("\(items[1]) is not answered"), "\(unanswered.stderr)")
                #expect(try CLITests.snapshot(directory) == before)
                #expect(try procuratorate(["transfer", "receive", "bundle.txt", "--scan", "--confirm", "all"]).status == 64)

                // Read twice, a stray chip of nothing listed, and the second item answered missing.
                let input = "\(chips[items[0]]!)\n\(chips[items[2]]!)\n\(chips[items[0]]!)\nFFEE0001\n"
                let received = try Self.ledger(receive + ["--missing", items[1], "--json"], input: input, in: directory)
                #expect(received.status == 0, "\(received.stderr)")
                let result = try DryRunCLITests.json(received)
                let answers = (result["answers"] as? [[String: Any]])?.compactMap { $0["result"] as? String }
                #expect(answers == ["confirmed", "missing", "confirmed"], "\(result)")
                #expect(result["extra"] as? [String] == ["FFEE0001"], "\(result)")
                #expect(try procuratorate(["show", items[0]]).status == 0)
                #expect(try procuratorate(["verify"]).status == 0)
            }
        }
    }
}
