import Foundation
import Testing

@testable import PropertyLedger

/// `ledger rebuild --check` on projections changed behind the log's back: exit 1, each difference with its
/// reason for scripts and its words for people, in the chosen language.
struct RebuildCLITests {
    @Test func aDifferenceCarriesItsReasonAndWords() async throws {
        try await CustodyCLITests.withCase { directory, ledger in
            try Database(path: directory.appendingPathComponent("ledger.db").path).execute(
                "UPDATE officers SET name = '别人' WHERE badge = '000001'")
            let json = try ledger(["rebuild", "--check", "--json"])
            #expect(json.status == 1)
            let line = try #require(json.stdout.split(separator: "\n").first)
            let result = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(result["ok"] as? Bool == false)
            let differences = try #require(result["differences"] as? [[String: Any]])
            #expect(differences.map { $0["reason"] as? String } == ["rebuild-extra-rows", "rebuild-missing-rows"])
            #expect((differences.first?["args"] as? [String: String]) == ["table": "officers", "count": "1"])
            #expect(differences.first?["message"] as? String == "officers: 1 row(s) in the live projection that the log does not produce")

            let chinese = try ledger(["rebuild", "--check", "--lang", "zh"])
            #expect(chinese.status == 1)
            #expect(chinese.stdout.contains("officers：现有投影中有 1 行是按台账重放得不出的"), "\(chinese.stdout)")
        }
    }
}
