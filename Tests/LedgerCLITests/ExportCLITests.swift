import Foundation
import Testing

@testable import PropertyLedger
@testable import ledger

/// `ledger export`: CSV that spreadsheets open safely (no formulas from the field's free text, an optional
/// byte-order mark), with the item's quantity, unit and features and entry 0's time; JSON Lines as its JSON.
@Suite(.offThePool)
struct ExportCLITests {
    /// RFC 4180 records: quoted fields, doubled quotes, CRLF line ends (what a spreadsheet reads).
    static func parseCSV(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var inQuotes = false
        var characters = Array(text.unicodeScalars)[...]
        while let c = characters.popFirst() {
            if inQuotes {
                if c == "\"" {
                    if characters.first == "\"" {
                        field.unicodeScalars.append(characters.removeFirst())
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" && field.isEmpty {
                inQuotes = true
            } else if c == "," {
                record.append(field)
                field = ""
            } else if c == "\r" && characters.first == "\n" {
                characters.removeFirst()
                record.append(field)
                records.append(record)
                record = []
                field = ""
            } else {
                field.unicodeScalars.append(c)
            }
        }
        #expect(field.isEmpty && record.isEmpty, "the last record ends with CRLF")
        return records
    }

    /// Records as dictionaries keyed by the header.
    static func rows(_ text: String) throws -> [[String: String]] {
        let records = parseCSV(text)
        let header = try #require(records.first)
        for record in records { #expect(record.count == header.count, "\(record)") }
        return records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    @Test func formulasAreDefusedAndItemFieldsExported() async throws {
        try await CustodyCLITests.withCase { _, ledger in
            let hostile: [(name: String, features: String)] = [
                ("=HYPERLINK(\"http://example.invalid\",\"点击\")", "+1 红色"),
                ("@SUM(A1:A9)", "-2, 划痕"),
                ("自行车", "车架号 \"X1\"，蓝色"),
            ]
            for (name, features) in hostile {
                let result = try ledger([
                    "item", "register", "--case", CustodyCLITests.caseNumber, "--name", name, "--quantity", "2.5", "--unit", "辆",
                    "--features", features, "--seized-by", "000002,000003", "--actor", "000002",
                ])
                #expect(result.status == 0, "\(name): \(result.stderr)")
            }
            let export = try ledger(["export", "--format", "csv"])
            #expect(export.status == 0, "\(export.stderr)")
            #expect(!export.stdout.hasPrefix("\u{FEFF}"))
            let rows = try Self.rows(export.stdout)
            #expect(rows.count == 3)
            #expect(rows.map { $0["name"] } == ["'" + hostile[0].name, "'@SUM(A1:A9)", "自行车"])
            #expect(rows.map { $0["features"] } == ["'+1 红色", "'-2, 划痕", "车架号 \"X1\"，蓝色"])
            #expect(rows.allSatisfy { $0["quantity"] == "2.5" && $0["unit"] == "辆" })
            // Every defused field is quoted too, so no reader splits the prefix off.
            #expect(export.stdout.contains("\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"点击\"\")\""))
            #expect(export.stdout.contains(",\"'+1 红色\","))
        }
    }

    /// Leading tab and carriage return cannot come through the custody rules (they trim), so the CSV
    /// writer itself is checked for them.
    @Test func everyFormulaPrefixIsDefused() {
        let line = ExportCommand.csvLine(["=1+2", "+1", "-1", "@x", "\tx", "\r\nx", "\rx", "a=b", "", "普通"])
        #expect(Self.parseCSV(line) == [["'=1+2", "'+1", "'-1", "'@x", "'\tx", "'\r\nx", "'\rx", "a=b", "", "普通"]])
        #expect(line.hasPrefix("\"'=1+2\",\"'+1\",\"'-1\",\"'@x\",\"'\tx\","))
    }

    @Test func entriesCSVHasEntryZerosTime() async throws {
        try await CustodyCLITests.withCase { _, ledger in
            let rows = try Self.rows(try ledger(["export", "--entries", "--format", "csv"]).stdout)
            let first = try #require(rows.first)
            #expect(first["index"] == "0")
            #expect(first["type"] == "log.created")
            let at = try #require(first["at"])
            #expect(try Timestamp.parse(at, zone: .gmt) <= Date(), "entry 0's time: \(at)")
            #expect(rows.count == 8)
            #expect(rows.allSatisfy { $0["at"]?.hasSuffix("Z") == true }, "stored UTC times")
            #expect(rows.dropFirst(2).allSatisfy { $0["actor"]?.isEmpty == false })
        }
    }

    @Test func byteOrderMarkOnRequest() async throws {
        try await CustodyCLITests.withCase { _, ledger in
            for arguments in [["export", "--format", "csv", "--bom"], ["export", "--entries", "--format", "csv", "--bom"]] {
                let export = try ledger(arguments)
                #expect(export.status == 0)
                #expect(Array(export.stdout.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF], "\(arguments)")
                #expect(try Self.rows(String(export.stdout.dropFirst())).count >= 0)
            }
            let refused = try ledger(["export", "--bom", "--json"])
            #expect(refused.status == 64)
            #expect(try ErrorReasonCLITests.failure(refused).reason == "bom-needs-csv", "\(refused.stderr)")
        }
    }

    @Test func jsonExportIsJSONLinesAndCSVWithJSONIsAUsageError() async throws {
        try await CustodyCLITests.withCase { _, ledger in
            let plain = try ledger(["export", "--entries"])
            let json = try ledger(["export", "--entries", "--json"])
            #expect(json.status == 0)
            #expect(json.stdout == plain.stdout, "--json asks for what export already prints")
            let lines = json.stdout.split(separator: "\n")
            #expect(lines.count == 8)
            for line in lines { #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any]) }

            let both = try ledger(["export", "--format", "csv", "--json"])
            #expect(both.status == 64)
            #expect(both.stderrLines.count == 1)
            let error = try ErrorReasonCLITests.failure(both)
            #expect(error.reason == "json-with-csv", "with --json the error is JSON on stdout, never CSV: \(both.stdout)")
        }
    }
}
