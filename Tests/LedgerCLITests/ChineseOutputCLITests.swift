import Foundation
import LedgerPresentation
import Testing

@testable import PropertyLedger

/// What `show`, `history`, `list` and `officer list` print in Chinese: Chinese words, people by name beside
/// their badges, columns aligned by display width; JSON times with the agency's offset; no interface word in
/// the store (the scan loop's default condition is a code, a dossier without a title has no name there).
@Suite(.offThePool)
struct ChineseOutputCLITests {
    /// The bicycle case with a bicycle checked out to 李明 (000002) and an untitled dossier volume in storage.
    static func withObjects(
        _ body: (URL, _ item: String, _ dossier: String, @escaping ([String]) throws -> CLITests.Result) async throws -> Void
    )
        async throws
    {
        try await CustodyCLITests.withCase { directory, ledger in
            let item = try #require(
                try OutputCLITests.object(
                    try ledger([
                        "item", "register", "--case", CustodyCLITests.caseNumber, "--name", "自行车", "--quantity", "1", "--unit", "辆",
                        "--seized-by", "000002,000003", "--features", "黑色 山地车", "--actor", "000002", "--json",
                    ]))["id"] as? String)
            let dossier = try #require(
                try OutputCLITests.object(
                    try ledger([
                        "dossier", "register", "--case", CustodyCLITests.caseNumber, "--volume", "1", "--volumes", "3", "--pages", "40",
                        "--actor", "000002", "--json",
                    ]))["id"] as? String)
            for arguments in [
                ["chip", "bind", item, "04A1B2C3D4E580"], ["checkin", item, "--to", "CAB-01"], ["checkin", dossier, "--to", "CAB-01"],
                [
                    "checkout", item, "--to", "000002", "--reason", "appraisal", "--approved-by", "000001", "--due",
                    "\(TimeArgumentCLITests.chinaDate(daysFromNow: 5)) 12:00",
                ],
            ] {
                let result = try ledger(arguments + ["--actor", "000004"])
                #expect(result.status == 0, "\(arguments): \(result.stderr)")
            }
            try await body(directory, item, dossier, ledger)
        }
    }

    /// The display columns at which the cells of `line` start, cells being separated by two spaces or more.
    static func cellStarts(_ line: String) -> [Int] {
        var starts: [Int] = []
        var column = 0
        var spaces = 2
        for character in line {
            if character == " " {
                spaces += 1
            } else {
                if spaces >= 2 { starts.append(column) }
                spaces = 0
            }
            column += displayWidth(String(character))
        }
        return starts
    }

    /// Every line's cells start where the heading's do (a cell may be empty: the next one still starts under its
    /// heading).
    static func expectAligned(_ lines: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let heading = Set(cellStarts(lines[0]))
        for line in lines.dropFirst() {
            #expect(Set(cellStarts(line)).isSubset(of: heading), "\(line)", sourceLocation: sourceLocation)
        }
    }

    @Test func showIsInChineseWithNamesBesideBadges() async throws {
        try await Self.withObjects { _, item, dossier, ledger in
            let shown = try ledger(["show", item, "--lang", "zh"])
            #expect(shown.status == 0, "\(shown.stderr)")
            let lines = shown.stdout.split(separator: "\n").map(String.init)
            #expect(lines[0] == "\(item)  自行车 ×1 辆")
            for expected in ["案件", "自行车被盗案", "已出库，由 李明 (000002) 领用", "扣押民警 李明 (000002)、王强 (000003)", "特征", "黑色 山地车"] {
                #expect(shown.stdout.contains(expected), "\(expected): \(shown.stdout)")
            }
            for english in ["case", "status", "checked out", "seized", "entries"] {
                #expect(!shown.stdout.contains(english), "\(english): \(shown.stdout)")
            }
            // Every value starts in one column, after labels of any width.
            #expect(Set(lines.dropFirst().map { Self.cellStarts($0).dropFirst().first ?? -1 }).count == 1, "\(lines)")
            let volume = try ledger(["show", dossier, "--lang", "zh"]).stdout
            #expect(volume.hasPrefix("\(dossier)  卷 1/3\n"), "\(volume)")
            #expect(volume.contains("在库（CAB-01 智能柜01）"), "\(volume)")
            #expect(try ledger(["show", dossier]).stdout.hasPrefix("\(dossier)  volume 1 of 3\n"))
        }
    }

    @Test func historyIsInChineseWithNamesBesideBadges() async throws {
        try await Self.withObjects { _, item, _, ledger in
            let history = try ledger(["history", item, "--lang", "zh"])
            #expect(history.status == 0, "\(history.stderr)")
            let lines = history.stdout.split(separator: "\n").map(String.init)
            #expect(lines.count == 5)
            #expect(Self.cellStarts(lines[0]).count == 6)
            #expect(lines[0].hasPrefix("序号  时间"), "\(lines[0])")
            for expected in ["登记涉案财物", "绑定芯片", "入库", "出库", "李明 (000002)", "张丽 (000004)", "事由：鉴定", "审批人 魏江 (000001)", "前归还"] {
                #expect(history.stdout.contains(expected), "\(expected): \(history.stdout)")
            }
            #expect(!history.stdout.contains("custody.") && !history.stdout.contains("approved by"), "\(history.stdout)")
            Self.expectAligned(lines)
            let proofs = try ledger(["history", item, "--lang", "zh", "--proof"]).stdout
            #expect(proofs.contains("每条记录的包含证明均可对照规模为 "), "\(proofs)")
        }
    }

    @Test func listIsInChineseWithNamesBesideBadges() async throws {
        try await Self.withObjects { _, item, dossier, ledger in
            let list = try ledger(["list", "--lang", "zh"])
            #expect(list.status == 0, "\(list.stderr)")
            let lines = list.stdout.split(separator: "\n").map(String.init)
            #expect(lines.count == 4, "\(lines)")
            #expect(Self.cellStarts(lines[0]).count == 7)
            #expect(lines[0].hasPrefix("编号"), "\(lines[0])")
            #expect(lines[1].hasPrefix(dossier) && lines[1].contains("案卷") && lines[1].contains("卷 1/3") && lines[1].contains("在库"))
            #expect(lines[2].hasPrefix(item) && lines[2].contains("已出库") && lines[2].contains("李明 (000002)"), "\(lines[2])")
            #expect(lines[3] == "（共 2 件）")
            Self.expectAligned(Array(lines.prefix(3)))
            let english = try ledger(["list"]).stdout
            for expected in ["volume 1 of 3", "dossier", "checked out", "李明 (000002)", "(2 objects)"] {
                #expect(english.contains(expected), "\(expected): \(english)")
            }
            #expect(!english.contains("卷 1/3") && !english.contains("已出库"))
        }
    }

    @Test func officerListIsInChineseAndAligned() async throws {
        try await CustodyCLITests.withCase { _, ledger in
            let list = try ledger(["officer", "list", "--lang", "zh"])
            let lines = list.stdout.split(separator: "\n").map(String.init)
            #expect(lines.count == 5)
            #expect(Self.cellStarts(lines[0]).count == 5)
            #expect(lines[0].hasPrefix("警号    姓名  角色"), "\(lines[0])")
            #expect(lines[1].hasPrefix("000001  魏江  审批领导") && lines[1].hasSuffix("在职"), "\(lines[1])")
            #expect(lines[4].contains("张丽") && lines[4].contains("涉案财物管理员"), "\(lines[4])")
            Self.expectAligned(lines)
            let english = try ledger(["officer", "list"]).stdout
            #expect(english.contains("supervisor") && english.contains("active") && !english.contains("审批领导"))
        }
    }

    /// What a write records is said in words (the kind of entry, who or what it is about), index and id kept.
    @Test func aRecordedEntryIsNamedInWords() async throws {
        try await CustodyCLITests.withCase { _, ledger in
            let added = try ledger(["officer", "add", "000005", "--name", "赵敏", "--role", "officer", "--actor", "000001", "--lang", "zh"])
            #expect(added.stdout == "已记录第 8 条：添加警员 赵敏 (000005)\n", "\(added.stdout)")
            let retired = try ledger(["officer", "retire", "000005", "--actor", "000001", "--dry-run"])
            #expect(retired.stdout == "Would record entry #9: officer retired 赵敏 (000005)\n", "\(retired.stdout)")
            let register = [
                "item", "register", "--case", CustodyCLITests.caseNumber, "--name", "手机", "--quantity", "1", "--unit", "部",
                "--seized-by", "000002,000003", "--actor", "000002",
            ]
            #expect(try ledger(register + ["--lang", "zh", "--dry-run"]).stdout == "试运行（未写入）：将登记 P-370321-2026-000001（第 9 条记录）\n")
            #expect(try ledger(register + ["--lang", "zh"]).stdout == "已登记 P-370321-2026-000001（第 9 条记录）\n")
        }
    }

    @Test func jsonTimesCarryTheAgencysOffsetAndEntriesStayAsStored() async throws {
        try await Self.withObjects { _, item, dossier, ledger in
            let day = TimeArgumentCLITests.chinaDate(daysFromNow: 5)
            let shown = try OutputCLITests.object(try ledger(["show", item, "--json"]))
            #expect(shown["due"] as? String == "\(day)T12:00:00+08:00")
            #expect(((shown["item"] as? [String: Any])?["seizedAt"] as? String)?.hasSuffix("+08:00") == true, "\(shown)")
            let listed = try OutputCLITests.object(try ledger(["list", "--json"]))
            #expect((listed["objects"] as? [[String: Any]])?.compactMap { $0["due"] as? String } == ["\(day)T12:00:00+08:00"])
            let volume = try OutputCLITests.object(try ledger(["show", dossier, "--json"]))
            #expect(volume["name"] as? String == "", "no interface words for an untitled dossier")
            let caseShown = try #require(
                try OutputCLITests.object(try ledger(["case", "show", CustodyCLITests.caseNumber, "--json"]))["case"] as? [String: Any])
            #expect((caseShown["openedAt"] as? String)?.hasSuffix("+08:00") == true, "\(caseShown)")
            #expect((caseShown["lastProgressAt"] as? String)?.hasSuffix("+08:00") == true, "\(caseShown)")

            let history = try #require(try OutputCLITests.object(try ledger(["history", item, "--json"]))["entries"] as? [[String: Any]])
            #expect(history.count == 4)
            for record in history {
                let at = try #require(record["at"] as? String)
                #expect(at.hasSuffix("+08:00"), "\(at)")
                let index = try #require(record["index"] as? Int)
                let stored = try #require(try OutputCLITests.object(try ledger(["entry", String(index), "--json"]))["text"] as? String)
                #expect(record["entry"] as? String == stored, "the entry's own bytes, exactly as stored")
                let fields = try #require(try JSONSerialization.jsonObject(with: Data(stored.utf8)) as? [String: Any])
                let storedAt = try #require(fields["at"] as? String)
                #expect(storedAt.hasSuffix("Z"))
                #expect(try Date(at, strategy: .iso8601) == Date(storedAt, strategy: .iso8601), "the same instant")
            }
        }
    }

    @Test func theScanLoopRecordsTheCodeIntactAndHistoryWordsIt() async throws {
        try await Self.withObjects { directory, item, _, ledger in
            let scan = try CLITests.ledgerLike(
                "/bin/sh",
                [
                    "-c",
                    "printf '04A1B2C3D4E580\\n' | \"$0\" scan --reader stdin --action return --to CAB-01 --count 1 --actor 000004 --lang zh",
                    try CLITests.productsDirectory().appendingPathComponent("ledger").path,
                ],
                environment: ["LEDGER_STORE": directory.appendingPathComponent("ledger.db").path], in: directory)
            #expect(scan.status == 0, "\(scan.stderr)")
            #expect(scan.stdout.contains("在库（CAB-01）  → 归还入库已记为第 "), "\(scan.stdout)")
            let entries = try #require(try OutputCLITests.object(try ledger(["history", item, "--json"]))["entries"] as? [[String: Any]])
            let returned = try #require(entries.last?["entry"] as? String)
            #expect(returned.contains("\"condition\":\"intact\""), "a code, not a word: \(returned)")
            #expect(!returned.contains("完好"))
            #expect(try ledger(["history", item, "--lang", "zh"]).stdout.contains("状况：完好"))
            #expect(try ledger(["history", item]).stdout.contains("by 李明 (000002), intact"))
        }
    }

    /// A store written before schema version 5 holds `卷 1/3` as the dossier's name: opening it clears the name,
    /// and the rebuild check then agrees with the log.
    @Test func anOldStoresDossierNamesAreCleared() async throws {
        try await Self.withObjects { directory, _, dossier, ledger in
            let path = directory.appendingPathComponent("ledger.db").path
            do {
                // The state version 4 left: the interface's words as the projected name.
                let database = try Database(path: path)
                try database.execute("UPDATE objects SET name = '卷 1/3' WHERE kind = 'dossier'")
                // Nor had it the columns version 6 adds.
                try database.executeScript(
                    "DROP INDEX cases_by_unit; ALTER TABLE cases DROP COLUMN unit; ALTER TABLE objects DROP COLUMN checked_out_from;")
                try database.setUserVersion(4)
                #expect(try database.queryInt("SELECT count(*) FROM objects WHERE name = '卷 1/3'") == 1)
            }
            let check = try ledger(["rebuild", "--check"])
            #expect(check.status == 0, "\(check.stdout) \(check.stderr)")
            let database = try Database(path: path, readOnly: true)
            #expect(try database.userVersion == Schema.currentVersion)
            #expect(try database.queryInt("SELECT count(*) FROM objects WHERE kind = 'dossier' AND name = ''") == 1)
            #expect(try OutputCLITests.object(try ledger(["show", dossier, "--json"]))["name"] as? String == "")
            #expect(try ledger(["show", dossier, "--lang", "zh"]).stdout.hasPrefix("\(dossier)  卷 1/3\n"))
        }
    }
}
