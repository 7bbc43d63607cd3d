import Foundation
import Testing

@testable import PropertyLedger

/// Signed approvals: once a supervisor has a key, a check-out naming him carries his signature over exactly what
/// he approved, for this log, until a time, once. Each bad approval is refused with its own reason and nothing
/// written.
struct SignedApprovalTests {
    typealias Scene = SignedEntryTests.Scene
    static let now = SignedEntryTests.now

    /// The keyed scene of ``SignedEntryTests`` with a room, a case and an item checked in.
    static func withItem(_ body: (Scene, _ item: String) async throws -> Void) async throws {
        try await SignedEntryTests.withScene(profile: .gm) { scene in
            try await scene.record(.addLocation(code: "ROOM-1", name: "保管室", kind: .room, parent: nil, isCentral: false), as: "000004")
            try await scene.record(.openCase(number: "A1", title: "自行车被盗案", kind: .criminal, isPropertyCrime: true), as: "000002")
            try await scene.record(.addOfficer(badge: "000003", name: "王强", unit: nil, role: .officer), as: "000001")
            let item = try await scene.record(
                .registerItem(ItemRegistration(caseNumber: "A1", name: "自行车", quantity: "1", unit: "辆", seizedBy: ["000002", "000003"])),
                as: "000002")
            let id = try #require(item.entry.event.object)
            try await scene.record(.checkIn(object: id, location: "ROOM-1", caseNumber: nil), as: "000004")
            try await body(scene, id)
        }
    }

    static let due = now.addingTimeInterval(3 * 86_400)

    static func statement(
        _ scene: Scene, object: String, to recipient: String = "000002", approver: String = "000001", expires: Date? = nil,
        due: Date = due
    ) throws -> ApprovalStatement {
        try ApprovalStatement(
            origin: scene.store.identity.origin, action: .checkout,
            terms: ["object": object, "to": recipient, "reason": "appraisal", "due": Timestamp.string(due)], approver: approver,
            expires: expires ?? now.addingTimeInterval(3600))
    }

    static func checkout(_ item: String, to recipient: String = "000002", approval: SignedApproval?) -> CustodyCommand {
        .checkOut(
            object: item, to: recipient, reason: .appraisal, approvedBy: "000001", due: due, note: nil, caseNumber: nil, approval: approval)
    }

    /// Records `command` as the clerk, expecting the refusal `reason`, and that nothing was written.
    static func expectRefusal(
        _ command: CustodyCommand, _ reason: String, in scene: Scene, sourceLocation: SourceLocation = #_sourceLocation
    )
        async throws
    {
        let before = try await scene.size()
        let refusal = await SignedEntryTests.refusal { try await scene.record(command, as: "000004") }
        #expect(refusal?.id == reason, "\(String(describing: refusal))", sourceLocation: sourceLocation)
        #expect(try await scene.size() == before, sourceLocation: sourceLocation)
    }

    @Test func aSignedApprovalIsCarriedAndVerifies() async throws {
        try await Self.withItem { scene, item in
            let approval = try SignedApproval.signing(try Self.statement(scene, object: item), with: scene.signer("000001"))
            let recorded = try await scene.record(Self.checkout(item, approval: approval), as: "000004")
            guard case .checkedOut(let checkedOut) = recorded.entry.event else {
                Issue.record("not a check-out")
                return
            }
            #expect(checkedOut.approval == approval)
            #expect(try await scene.store.audit().isIntact)
            #expect(try await scene.store.rebuildCheck().isEmpty)
        }
    }

    @Test func eachBadApprovalIsRefusedWithItsOwnReason() async throws {
        try await Self.withItem { scene, item in
            let supervisor = scene.signer("000001")
            func signed(_ statement: ApprovalStatement, by signer: UnlockedKey? = nil) throws -> SignedApproval {
                try SignedApproval.signing(statement, with: signer ?? supervisor)
            }
            // No approval at all: a name typed is not enough once the approver has a key.
            try await Self.expectRefusal(Self.checkout(item, approval: nil), "approval-required", in: scene)
            // For another object, another recipient, another due time.
            try await Self.expectRefusal(
                Self.checkout(item, approval: try signed(try Self.statement(scene, object: "P-370321-2026-999999"))),
                "approval-term-differs",
                in: scene)
            try await Self.expectRefusal(
                Self.checkout(item, approval: try signed(try Self.statement(scene, object: item, to: "000003"))), "approval-term-differs",
                in: scene)
            try await Self.expectRefusal(
                Self.checkout(item, approval: try signed(try Self.statement(scene, object: item, due: Self.due.addingTimeInterval(60)))),
                "approval-term-differs", in: scene)
            // Expired, or valid for longer than a week.
            try await Self.expectRefusal(
                Self.checkout(
                    item, approval: try signed(try Self.statement(scene, object: item, expires: Self.now.addingTimeInterval(-1)))),
                "approval-expired", in: scene)
            try await Self.expectRefusal(
                Self.checkout(
                    item, approval: try signed(try Self.statement(scene, object: item, expires: Self.now.addingTimeInterval(8 * 86_400)))),
                "approval-valid-too-long", in: scene)
            // Self-made: the recipient signing an approval in the supervisor's name, or naming himself.
            try await Self.expectRefusal(
                Self.checkout(item, approval: try signed(try Self.statement(scene, object: item), by: scene.signer("000002"))),
                "approval-key-not-approvers", in: scene)
            try await Self.expectRefusal(
                Self.checkout(
                    item, approval: try signed(try Self.statement(scene, object: item, approver: "000002"), by: scene.signer("000002"))),
                "approval-by-other", in: scene)
            // A flipped byte in the statement, and in the signature.
            var altered = try signed(try Self.statement(scene, object: item))
            altered.statement = altered.statement.replacingOccurrences(of: "appraisal", with: "appraisam")
            try await Self.expectRefusal(Self.checkout(item, approval: altered), "approval-term-differs", in: scene)
            var tampered = try signed(try Self.statement(scene, object: item))
            tampered.statement = tampered.statement.replacingOccurrences(
                of: "approver 000001\nexpires 2026", with: "approver 000001\nexpires 2027")
            try await Self.expectRefusal(Self.checkout(item, approval: tampered), "approval-signature-invalid", in: scene)
            var flipped = try signed(try Self.statement(scene, object: item))
            var signature = try #require(Data(base64Encoded: flipped.signature))
            signature[10] ^= 0x01
            flipped.signature = signature.base64EncodedString()
            try await Self.expectRefusal(Self.checkout(item, approval: flipped), "approval-signature-invalid", in: scene)
            // For another log.
            var foreign = try Self.statement(scene, object: item)
            foreign.origin = "370321.propertyledger/gm/00000000"
            try await Self.expectRefusal(Self.checkout(item, approval: try signed(foreign)), "approval-for-other-log", in: scene)
            // Malformed.
            try await Self.expectRefusal(
                Self.checkout(item, approval: SignedApproval(statement: "approve everything\n", key: supervisor.keyID, signature: "AA==")),
                "approval-malformed", in: scene)
        }
    }

    @Test func anApprovalIsUsedOnce() async throws {
        try await Self.withItem { scene, item in
            let approval = try SignedApproval.signing(try Self.statement(scene, object: item), with: scene.signer("000001"))
            let first = try await scene.record(Self.checkout(item, approval: approval), as: "000004")
            try await scene.record(
                .returnObject(object: item, location: "ROOM-1", condition: "完好", by: nil, caseNumber: nil), as: "000004")
            try await Self.expectRefusal(Self.checkout(item, approval: approval), "approval-replayed", in: scene)
            let refusal = await SignedEntryTests.refusal { try await scene.record(Self.checkout(item, approval: approval), as: "000004") }
            #expect(refusal?.arguments["index"] == String(first.index))
        }
    }

    /// An administrator who swaps the approval in a written check-out (and re-signs nothing, having no officer's
    /// key) is named by the audit at that entry, for the approval as well as the entry's own signature.
    @Test func anAlteredApprovalInTheLogIsNamed() async throws {
        try await Self.withItem { scene, item in
            let approval = try SignedApproval.signing(try Self.statement(scene, object: item), with: scene.signer("000001"))
            let recorded = try await scene.record(Self.checkout(item, approval: approval), as: "000004")
            let stored = try await scene.store.entry(at: recorded.index)
            let forged = try SignedApproval.signing(try Self.statement(scene, object: item), with: scene.signer("000009"))
            let text = String(decoding: stored, as: UTF8.self).replacingOccurrences(of: approval.signature, with: forged.signature)
            try await SignedEntryTests.rewrite(scene, replacing: recorded.index, with: Data(text.utf8))
            let report = try await LedgerStore.open(scene.paths).audit()
            #expect(report.firstBadIndex == recorded.index)
            #expect(
                Set(report.findings.map(\.reason.id)) == ["entry-signature-invalid", "approval-signature-invalid"], "\(report.findings)")
        }
    }

    /// An approver without a key (a store from before keys) approves by name, as before; an approval given for
    /// him is not written, since nothing could check it.
    @Test func anApproverWithoutAKeyApprovesByName() async throws {
        try await Self.withItem { scene, item in
            try await scene.record(.revokeKey(key: scene.signer("000001").keyID, reason: "遗失"), as: "000001")
            let recorded = try await scene.record(Self.checkout(item, approval: nil), as: "000004")
            guard case .checkedOut(let checkedOut) = recorded.entry.event else { return }
            #expect(checkedOut.approval == nil)
        }
    }
}
