import Foundation
import PropertyLedger
import Testing

@testable import LedgerPresentation

/// Real refusals from a real store: each carries a declared reason with exactly its declared arguments, and
/// renders in both languages without a placeholder left over.
struct RefusalSampleTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)
    static let caseNumber = "A3703210500002026110001"

    @Test func realRefusalsCarryDeclaredReasons() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-presentation-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let paths = StorePaths(database: directory.appendingPathComponent("ledger.db").path)
        let store = try await LedgerStore.create(
            paths, agency: try Agency(code: "370321", name: "测试县公安局", kind: .police), profile: .intl, signatures: .optional)
        let now = Self.now
        try await store.record(.addOfficer(badge: "000001", name: "魏江", unit: nil, role: .supervisor), actor: nil, at: now)
        try await store.record(.addOfficer(badge: "000002", name: "李明", unit: nil, role: .officer), actor: "000001", at: now)
        try await store.record(.addOfficer(badge: "000004", name: "张丽", unit: nil, role: .clerk), actor: "000001", at: now)
        try await store.record(
            .addLocation(code: "ROOM-1", name: "保管室", kind: .room, parent: nil, isCentral: false), actor: "000004", at: now)
        try await store.record(
            .openCase(number: Self.caseNumber, title: "自行车被盗案", kind: .criminal, isPropertyCrime: true), actor: "000002", at: now)
        let registration = ItemRegistration(
            caseNumber: Self.caseNumber, name: "自行车", quantity: "1", unit: "辆", seizedBy: ["000001", "000002"])
        let item = try await store.record(.registerItem(registration), actor: "000002", at: now)
        guard case .itemRegistered(let registered) = item.entry.event else { throw LedgerError(.invalidInput, Reason("test-no-item")) }
        let due = now.addingTimeInterval(86_400)

        let commands: [(CustodyCommand, String?, String)] = [
            (.checkIn(object: registered.id, location: "ROOM-1", caseNumber: nil), nil, "actor-required"),
            (.checkIn(object: registered.id, location: "ROOM-1", caseNumber: nil), "000002", "actor-lacks-role"),
            (.checkIn(object: registered.id, location: "CAB-99", caseNumber: nil), "000004", "location-not-found"),
            (.checkIn(object: "P-370321-2026-000099", location: "ROOM-1", caseNumber: nil), "000004", "object-not-found"),
            (
                .checkOut(
                    object: registered.id, to: "000002", reason: .appraisal, approvedBy: "000001", due: due, note: nil, caseNumber: nil),
                "000004", "object-not-stored-yet"
            ),
            (.addOfficer(badge: "000002", name: "李明", unit: nil, role: .officer), "000001", "officer-exists"),
            (.addLocation(code: "CAB-01", name: "柜", kind: .cabinet, parent: nil, isCentral: false), "000004", "location-needs-parent"),
            (
                .registerItem(ItemRegistration(caseNumber: Self.caseNumber, name: "钱包", quantity: "1", unit: "个", seizedBy: ["000002"])),
                "000002", "too-few-seizers"
            ),
            (
                .registerItem(
                    ItemRegistration(caseNumber: Self.caseNumber, name: "钱包", quantity: "1,000", unit: "个", seizedBy: ["000001", "000002"])),
                "000002", "quantity-grouped"
            ),
            (
                .registerItem(
                    ItemRegistration(
                        caseNumber: Self.caseNumber, name: "手机 13812345678", quantity: "1", unit: "部", seizedBy: ["000001", "000002"])),
                "000002", "personal-number"
            ),
            (.bindChip(object: registered.id, uid: "xyz"), "000004", "chip-uid-invalid"),
            (.retireOfficer(badge: "000001", reason: nil, overridesHoldings: false), "000001", "last-supervisor"),
        ]
        var seen: [Reason] = []
        for (command, actor, expected) in commands {
            do {
                try await store.record(command, actor: actor, at: now)
                Issue.record("\(command) was accepted")
            } catch let error as LedgerError {
                #expect(error.reason.id == expected, "\(command): \(error.reason)")
                seen.append(error.reason)
            }
        }
        do {
            _ = try Timestamp.parse("2026-02-30", zone: .gmt)
        } catch let error as LedgerError {
            seen.append(error.reason)
        }
        do {
            _ = try await LedgerStore.open(StorePaths(database: directory.appendingPathComponent("none.db").path))
        } catch let error as LedgerError {
            seen.append(error.reason)
        }

        // The log's texts: a note without signatures, a proof of the wrong length.
        do {
            _ = try SignedNote(parsing: "text\n\n")
        } catch let error as NoteFormatError {
            seen.append(error.reason)
        }
        do {
            let verifier = try ProofVerifier(.sha256)
            try verifier.verifyInclusion(
                leafHash: Data(count: 32), index: 0, size: 2, proof: [], root: Data(count: 32))
        } catch let error as VerificationError {
            seen.append(error.reason)
        }

        let specs = Dictionary(uniqueKeysWithValues: Catalogue.specs.map { ($0.id, $0) })
        for reason in seen {
            let spec = try #require(specs[reason.id], "\(reason.id) is not declared")
            #expect(spec.matches(reason), "\(reason) does not have the arguments \(spec.arguments.sorted())")
            for language in Language.allCases {
                let text = render(reason, in: language)
                #expect(!text.contains("{") && !text.contains("}"), "\(reason) in \(language): \(text)")
                #expect(text != reason.description, "\(reason) has no wording")
            }
        }
        #expect(seen.map(\.id).contains("time-no-such-day"))
        #expect(seen.map(\.id).contains("store-missing"))
        #expect(seen.map(\.id).contains("note-unsigned") || seen.map(\.id).contains("note-no-final-newline"))
        #expect(seen.map(\.id).contains("inclusion-proof-length"))
    }
}
