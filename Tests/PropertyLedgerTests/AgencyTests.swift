import Foundation
import Testing

@testable import PropertyLedger

/// The agency's zone and default language: checked when the agency is made, recorded in entry 0 and in
/// log_meta, and the default language peeked at without opening the store.
struct AgencyTests {
    @Test func aDefaultLanguageIsALanguageCode() throws {
        #expect(try Agency(code: "A", name: "x", kind: .court, defaultLanguage: "en").defaultLanguage == "en")
        #expect(try Agency(code: "A", name: "x", kind: .court).defaultLanguage == nil)
        for bad in ["", "e", "EN", "english", "zh-CN", "é", "e\u{301}n", "z1"] {
            #expect(throws: LedgerError.self, "\(bad)") { try Agency(code: "A", name: "x", kind: .court, defaultLanguage: bad) }
            do {
                _ = try Agency(code: "A", name: "x", kind: .court, defaultLanguage: bad)
            } catch let error as LedgerError {
                #expect(error.code == .invalidInput)
                #expect(error.reason == Reason("agency-language-invalid", ["language": bad]))
            }
        }
        #expect(throws: LedgerError.self) { try Agency(code: "A", name: "x", kind: .court, zone: "Mars/Olympus") }
    }

    static func create(_ directory: URL, zone: String? = nil, defaultLanguage: String? = nil) async throws -> LedgerStore {
        let agency = try Agency(code: "370321", name: "测试县公安局", kind: .police, zone: zone, defaultLanguage: defaultLanguage)
        return try await LedgerStore.create(
            StorePaths(database: directory.appendingPathComponent("ledger.db").path), agency: agency, profile: .intl, signatures: .optional)
    }

    @Test func theStoreRecordsTheZoneAndTheDefaultLanguage() async throws {
        try await withTemporaryDirectory { directory in
            let created = try await Self.create(directory, zone: "Asia/Kolkata", defaultLanguage: "en")
            let genesis = try JSONSerialization.jsonObject(with: try await created.entry(at: 0)) as? [String: Any]
            let agency = try #require(genesis?["agency"] as? [String: Any])
            #expect(agency["zone"] as? String == "Asia/Kolkata")
            #expect(agency["defaultLanguage"] as? String == "en")
            let reopened = try await LedgerStore.open(created.paths)
            #expect(reopened.identity.agency.zone == "Asia/Kolkata")
            #expect(reopened.identity.agency.defaultLanguage == "en")
            #expect(LedgerStore.recordedDefaultLanguage(at: created.paths) == "en")
        }
    }

    /// Without a default language the entry has no such field (as in logs from before it existed), and the
    /// peek finds none.
    @Test func noDefaultLanguageRecordsNone() async throws {
        try await withTemporaryDirectory { directory in
            let store = try await Self.create(directory)
            let entry = String(decoding: try await store.entry(at: 0), as: UTF8.self)
            #expect(!entry.contains("defaultLanguage"), "\(entry)")
            #expect(entry.contains("\"zone\":\"Asia/Shanghai\""), "a new log records its zone: \(entry)")
            #expect(store.identity.agency.defaultLanguage == nil)
            #expect(LedgerStore.recordedDefaultLanguage(at: store.paths) == nil)
        }
    }

    /// Entry 0 of a log from before the field: it still reads, meaning no default language and China time.
    @Test func anOldEntryZeroStillReads() throws {
        let old =
            #"{"agency":{"code":"370321","kind":"police","name":"测试县公安局"},"at":"2026-11-18T11:06:40Z","log":{"origin":"o","profile":"gm","verifier":"v"},"type":"log.created","v":1}"#
        let entry = try JSONDecoder().decode(LogCreatedEntry.self, from: Data(old.utf8))
        #expect(entry.agency.defaultLanguage == nil)
        #expect(entry.agency.zone == nil)
        #expect(entry.agency.timeZone.identifier == Agency.defaultZone)
    }

    /// The peek never fails and never writes: a missing file stays missing, a file that is not a store or
    /// not a database gives nil.
    @Test func thePeekIsSilent() async throws {
        try await withTemporaryDirectory { directory in
            let missing = StorePaths(database: directory.appendingPathComponent("missing.db").path)
            #expect(LedgerStore.recordedDefaultLanguage(at: missing) == nil)
            #expect(!FileManager.default.fileExists(atPath: missing.database))
            let text = directory.appendingPathComponent("notes.db")
            try Data("not a database".utf8).write(to: text)
            #expect(LedgerStore.recordedDefaultLanguage(at: StorePaths(database: text.path)) == nil)
            let foreign = try Database(path: directory.appendingPathComponent("foreign.db").path, create: true)
            try foreign.execute("CREATE TABLE log_meta (key TEXT, value TEXT)")
            try foreign.execute("INSERT INTO log_meta VALUES ('agency.defaultLanguage', 'en')")
            #expect(
                LedgerStore.recordedDefaultLanguage(at: StorePaths(database: foreign.path)) == nil, "a database that is not a store")
        }
    }

    /// A writer holding the store's write lock (mid-append) does not make the peek wait or fail.
    @Test func thePeekDoesNotWaitForAWriter() async throws {
        try await withTemporaryDirectory { directory in
            let store = try await Self.create(directory, defaultLanguage: "en")
            let paths = store.paths
            let (peeked, seconds) = try await store.write { writer in
                try writer.append(Data("mid-transaction".utf8))
                let start = Date()
                return (LedgerStore.recordedDefaultLanguage(at: paths), Date().timeIntervalSince(start))
            }.result
            #expect(peeked == "en")
            #expect(seconds < 1, "the peek waited \(seconds) s for the writer")
        }
    }
}
