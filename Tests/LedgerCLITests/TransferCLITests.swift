import Foundation
import Testing

/// A handover through `ledger` as the two desks would do it, exchanging files: the police clerk creates the
/// transfer of a case's three items, the procuratorate's clerk receives it (one missing, one damaged) and writes
/// the receipt, the police clerk closes the transfer with it. A tampered or replayed bundle exits 1 and writes
/// nothing.
@Suite(.offThePool)
struct TransferCLITests {
    /// The rows of section `id` in `ledger bulletin --json` with `arguments`, over every unit.
    static func bulletinRows(_ id: String, _ ledger: ([String]) throws -> CLITests.Result, _ arguments: [String] = []) throws
        -> [[String: Any]]
    {
        let bulletin = try DryRunCLITests.json(try ledger(["bulletin", "--json"] + arguments))
        let sections = (bulletin["units"] as? [[String: Any]])?.flatMap { $0["sections"] as? [[String: Any]] ?? [] } ?? []
        return sections.filter { $0["id"] as? String == id }.flatMap { $0["rows"] as? [[String: Any]] ?? [] }
    }

    static func people(_ ledger: ([String]) throws -> CLITests.Result) throws {
        #expect(try ledger(["officer", "add", "000001", "--name", "魏江", "--role", "supervisor"]).status == 0)
        #expect(try ledger(["officer", "add", "000004", "--name", "张丽", "--role", "clerk", "--actor", "000001"]).status == 0)
    }

    @Test func aCaseGoesToTheProcuratorateAndTheReceiptClosesIt() async throws {
        try await CLITests.withStore { policeDirectory, police in
            try await CLITests.withStore { directory, procuratorate in
                try Self.people(police)
                try Self.people(procuratorate)
                // Each side records the other from the line its `ledger key` prints.
                try police(["key"]).stdout.write(to: directory.appendingPathComponent("police.vkey"), atomically: true, encoding: .utf8)
                try procuratorate(["key"]).stdout.write(
                    to: policeDirectory.appendingPathComponent("procuratorate.vkey"), atomically: true, encoding: .utf8)
                #expect(try procuratorate(["peer", "add", "police", "--key", "police.vkey", "--actor", "000001"]).status == 0)
                #expect(try police(["peer", "add", "procuratorate", "--key", "procuratorate.vkey", "--actor", "000001"]).status == 0)
                // The police also record the procuratorate's witness key: its receipts must then carry its cosignature.
                try procuratorate(["witness", "key"]).stdout.write(
                    to: policeDirectory.appendingPathComponent("procuratorate.wkey"), atomically: true, encoding: .utf8)
                let witnessKey = try police(["peer", "witness-key", "procuratorate", "--key", "procuratorate.wkey", "--actor", "000001"])
                #expect(witnessKey.status == 0, "\(witnessKey.stderr)")
                #expect(
                    try police(["peer", "witness-key", "procuratorate", "--key", "procuratorate.vkey", "--actor", "000001"]).status == 4,
                    "a log key is no witness key")
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
                var items: [String] = []
                for name in ["自行车", "断线钳", "手机"] {
                    let registered = try police([
                        "item", "register", "--case", "A1", "--name", name, "--quantity", "1", "--unit", "件", "--seized-by",
                        "000002,000003",
                        "--actor", "000002", "--json",
                    ])
                    let id = try #require(try DryRunCLITests.json(registered)["id"] as? String)
                    #expect(try police(["checkin", id, "--to", "ROOM-1", "--actor", "000004"]).status == 0)
                    items.append(id)
                }
                items.sort()

                let bundlePath = directory.appendingPathComponent("bundle.txt").path
                let created = try police([
                    "transfer", "create", "--to", "procuratorate", "--case", "A1", "--out", bundlePath, "--actor", "000004", "--json",
                ])
                #expect(created.status == 0, "\(created.stderr)")
                let transfer = try #require(try DryRunCLITests.json(created)["transfer"] as? String)
                #expect(try police(["transfer", "list", "--open"]).stdout.contains(transfer))
                let locked = try police(["show", items[0]])
                #expect(locked.stdout.contains("in transfer \(transfer) to procuratorate, awaiting the receipt"), "\(locked.stdout)")
                // The morning bulletin lists the transfer until its receipt comes back.
                let awaiting = try Self.bulletinRows("open-transfers", police)
                #expect(awaiting.compactMap { $0["subject"] as? String } == [transfer], "\(awaiting)")
                #expect(awaiting.first?["action"] as? String == "obtain-receipt")
                #expect(((awaiting.first?["details"] as? [String: Any])?["objects"] as? String) == "3")
                #expect(try police(["bulletin"]).stdout.contains("Transfers awaiting the receipt"))

                // Tampered: a byte of an entry changed. Refused with exit 1, nothing written.
                let bytes = try Data(contentsOf: URL(fileURLWithPath: bundlePath))
                let text = String(decoding: bytes, as: UTF8.self)
                let tampered = directory.appendingPathComponent("tampered.txt")
                try text.replacingOccurrences(of: "index 1", with: "index 2", options: [], range: nil).write(
                    to: tampered, atomically: true, encoding: .utf8)
                let before = try CLITests.snapshot(directory)
                let refused = try procuratorate([
                    "transfer", "receive", tampered.path, "--confirm", "all", "--receipt-out", "receipt.txt", "--actor", "000004", "--case",
                    "JC1",
                ])
                #expect(refused.status == 1 || refused.status == 4, "\(refused.stderr)")
                #expect(try CLITests.snapshot(directory) == before)

                let received = try procuratorate([
                    "transfer", "receive", "bundle.txt", "--missing", items[1], "--damaged", items[2] + "=外壳破裂", "--confirm", "all",
                    "--receipt-out", "receipt.txt", "--actor", "000004", "--case", "JC1",
                ])
                #expect(received.status == 0, "\(received.stderr)")
                #expect(received.stdout.contains("1 confirmed, 1 damaged, 1 missing"), "\(received.stdout)")
                // The receiver's supervisor sees that day what did not arrive whole.
                let found = try Self.bulletinRows("transfer-discrepancies", procuratorate)
                #expect(found.compactMap { $0["object"] as? String } == [items[1], items[2]], "\(found)")
                #expect(found.compactMap { ($0["details"] as? [String: Any])?["way"] as? String } == ["in", "in"])
                let replay = try procuratorate([
                    "transfer", "receive", "bundle.txt", "--confirm", "all", "--receipt-out", "again.txt", "--actor", "000004", "--case",
                    "JC1",
                ])
                #expect(replay.status == 1)
                #expect(replay.stderr.contains("was received already"), "\(replay.stderr)")

                try FileManager.default.copyItem(
                    at: directory.appendingPathComponent("receipt.txt"), to: policeDirectory.appendingPathComponent("receipt.txt"))
                let closed = try police(["transfer", "close", "receipt.txt", "--actor", "000004"])
                #expect(closed.status == 0, "\(closed.stderr)")
                // The receipt's cosigned checkpoint of the police's log verifies on its own.
                let receiptText = try String(contentsOf: policeDirectory.appendingPathComponent("receipt.txt"), encoding: .utf8)
                let cosignedStart = try #require(receiptText.range(of: #"\ncosigned \d+\n"#, options: .regularExpression))
                let cosigned = String(receiptText[cosignedStart.upperBound...].dropLast("\nend\n".count))
                try cosigned.write(to: policeDirectory.appendingPathComponent("cosigned.txt"), atomically: true, encoding: .utf8)
                let independent = try CLITests.ledgerLike(
                    "/usr/bin/python3", [WitnessCLITests.script("verify-cosignature.py"), "procuratorate.wkey", "cosigned.txt"],
                    in: policeDirectory)
                #expect(independent.status == 0 && independent.stdout.hasPrefix("OK:"), "\(independent.stdout)")
                let shown = try police(["transfer", "show", transfer])
                #expect(shown.stdout.contains(items[1] + "  missing"), "\(shown.stdout)")
                #expect(shown.stdout.contains("mode move"), "\(shown.stdout)")
                #expect(try police(["transfer", "show", transfer, "--lang", "zh"]).stdout.contains("方式 随案移送"))
                #expect(try police(["transfer", "list", "--open"]).stdout.contains("no transfers"))
                #expect(try Self.bulletinRows("open-transfers", police).isEmpty)
                // The sender's bulletin: both on the day it closed; the missing one on the days after too, the
                // damaged one (handed over, with its note) only that day.
                let today = try Self.bulletinRows("transfer-discrepancies", police)
                #expect(today.compactMap { $0["action"] as? String } == ["locate-missing", "review-damage"], "\(today)")
                #expect((today.last?["details"] as? [String: Any])?["note"] as? String == "外壳破裂")
                let tomorrow = Date().addingTimeInterval(86_400 * 2)
                let later = try Self.bulletinRows(
                    "transfer-discrepancies", police, ["--date", ISO8601DateFormatter().string(from: tomorrow)])
                #expect(later.compactMap { $0["object"] as? String } == [items[1]], "\(later)")
                #expect(try police(["bulletin", "--lang", "zh"]).stdout.contains("移交中缺失或损坏的物品"))
                #expect(try police(["show", items[1]]).stdout.contains("answered missing by procuratorate"))
                let gone = try police([
                    "checkout", items[0], "--to", "000002", "--reason", "appraisal", "--approved-by", "000001", "--due",
                    "\(SignedEntryCLITests.year + 1)-01-10T12:00:00+08:00",
                    "--actor", "000004",
                ])
                #expect(gone.status == 2)
                #expect(gone.stderr.contains("is transferred to another agency, not in storage"), "\(gone.stderr)")
                let standing = try DryRunCLITests.json(try police(["show", items[0], "--json"]))["transfer"] as? [String: Any]
                #expect(standing?["state"] as? String == "transferred" && standing?["peer"] as? String == "procuratorate")
                let missing = try DryRunCLITests.json(try police(["show", items[1], "--json"]))["transfer"] as? [String: Any]
                #expect(missing?["state"] as? String == "reported-missing", "the missing one is still ours, to be found")
                // A second transfer between the two: the bundle's proof starts where the first receipt said the
                // procuratorate's witness was; the receipt, made as if the police held nothing of the procuratorate,
                // is refused at close with the size to use, and written again with it.
                let wallet = try #require(
                    try DryRunCLITests.json(
                        try police([
                            "item", "register", "--case", "A1", "--name", "钱包", "--quantity", "1", "--unit", "个", "--seized-by",
                            "000002,000003", "--actor", "000002", "--json",
                        ]))["id"] as? String)
                #expect(try police(["checkin", wallet, "--to", "ROOM-1", "--actor", "000004"]).status == 0)
                let again = try police([
                    "transfer", "create", "--to", "procuratorate", "--case", "A1", "--objects", wallet, "--out", bundlePath, "--actor",
                    "000004", "--json",
                ])
                #expect(again.status == 0, "\(again.stderr)")
                let second = try #require(try DryRunCLITests.json(again)["transfer"] as? String)
                let secondReceived = try procuratorate([
                    "transfer", "receive", "bundle.txt", "--confirm", "all", "--receipt-out", "receipt2.txt", "--actor", "000004", "--case",
                    "JC1",
                ])
                #expect(secondReceived.status == 0, "\(secondReceived.stderr)")
                try FileManager.default.copyItem(
                    at: directory.appendingPathComponent("receipt2.txt"), to: policeDirectory.appendingPathComponent("receipt2.txt"))
                let stale = try police(["transfer", "close", "receipt2.txt", "--actor", "000004"])
                #expect(stale.status == 1)
                let held = try #require(
                    stale.stderr.range(of: #"is at size (\d+), not 0"#, options: .regularExpression).map { stale.stderr[$0] },
                    "\(stale.stderr)")
                let size = String(held.dropFirst("is at size ".count).prefix { $0.isNumber })
                let rewritten = try procuratorate(["transfer", "receipt", second, "--peer-size", size, "--out", "receipt3.txt"])
                #expect(rewritten.status == 0, "\(rewritten.stderr)")
                try FileManager.default.copyItem(
                    at: directory.appendingPathComponent("receipt3.txt"), to: policeDirectory.appendingPathComponent("receipt3.txt"))
                let closedAgain = try police(["transfer", "close", "receipt3.txt", "--actor", "000004"])
                #expect(closedAgain.status == 0, "\(closedAgain.stderr)")

                for ledger in [police, procuratorate] {
                    #expect(try ledger(["verify"]).status == 0)
                    #expect(try ledger(["rebuild", "--check"]).status == 0)
                }
            }
        }
    }
}
