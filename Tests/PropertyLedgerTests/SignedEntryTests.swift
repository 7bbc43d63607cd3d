import Foundation
import Testing

@testable import PropertyLedger

/// Officers' keys and signed entries in the library: enrolment, signing at write time, refusals that write
/// nothing, and the audit finding what an administrator changed.
struct SignedEntryTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)
    static let passphrase = Data("correct horse battery".utf8)

    /// The officers of the scene and their unlocked keys: a supervisor (000001, who enrols himself first), a
    /// second supervisor (000009), an officer (000002) and a clerk (000004), each enrolled.
    struct Scene {
        let store: LedgerStore
        let paths: StorePaths
        var keys: [String: UnlockedKey]

        func signer(_ badge: String) -> UnlockedKey { keys[badge]! }

        /// Records `command` as `badge`, signed with his key.
        @discardableResult
        func record(_ command: CustodyCommand, as badge: String, signedBy signer: String? = nil) async throws -> RecordedEntry {
            try await store.record(command, actor: badge, at: SignedEntryTests.now, signer: keys[signer ?? badge])
        }

        func size() async throws -> Int64 { try await store.size }
    }

    static func withScene(
        profile: CryptoProfile, signatures: SignatureRequirement = .optional, _ body: (inout Scene) async throws -> Void
    ) async throws {
        try await withTemporaryStore(profile: profile, signatures: signatures) { store, paths in
            var scene = Scene(store: store, paths: paths, keys: [:])
            try await store.record(.addOfficer(badge: "000001", name: "魏江", unit: "法制大队", role: .supervisor), actor: nil, at: now)
            try await enroll("000001", by: "000001", in: &scene)
            for (badge, name, role) in [("000009", "周红", Role.supervisor), ("000002", "李明", .officer), ("000004", "张丽", .clerk)] {
                try await scene.record(.addOfficer(badge: badge, name: name, unit: nil, role: role), as: "000001")
                try await enroll(badge, by: "000001", in: &scene)
            }
            try await body(&scene)
        }
    }

    /// Enrols a fresh key for `badge`, witnessed (and signed) by `witness`; the first supervisor's own is
    /// signed by the new key itself.
    static func enroll(_ badge: String, by witness: String, in scene: inout Scene) async throws {
        let key = try SigningKey.generate(scene.store.identity.profile.signatureAlgorithm)
        let unlocked = try scene.store.unlocked(key)
        let enrolment = try KeyEnrolment.of(key, for: .officer(badge), in: scene.store.identity)
        let signer = witness == badge ? unlocked : scene.keys[witness]
        try await scene.store.record(.enrollKey(enrolment), actor: witness, at: now, signer: signer)
        scene.keys[badge] = unlocked
    }

    // MARK: Key files

    @Test(arguments: SignatureAlgorithm.allCases)
    func keyFileRoundTripsOnlyWithItsPassphrase(algorithm: SignatureAlgorithm) throws {
        let key = try SigningKey.generate(algorithm)
        let pem = try key.encryptedPEM(passphrase: Self.passphrase)
        #expect(pem.hasPrefix("-----BEGIN ENCRYPTED PRIVATE KEY-----"))
        let opened = try SigningKey.decrypting(pem: pem, passphrase: Self.passphrase, as: algorithm)
        let message = Data("an entry".utf8)
        #expect(try key.publicKey.isValidSignature(try opened.sign(message), for: message))
        #expect(throws: CryptoError.self) {
            try SigningKey.decrypting(pem: pem, passphrase: Data("wrong horse battery".utf8), as: algorithm)
        }
        let other: SignatureAlgorithm = algorithm == .sm2 ? .ed25519 : .sm2
        #expect(throws: CryptoError.self) { try SigningKey.decrypting(pem: pem, passphrase: Self.passphrase, as: other) }
        #expect(throws: CryptoError.self) { try key.encryptedPEM(passphrase: Data("short".utf8)) }
    }

    /// `openssl pkey`, an independent reader, opens the file with the passphrase (so it is standard PKCS#8 with
    /// scrypt, SM4 or AES-256) and cannot without it.
    @Test(arguments: SignatureAlgorithm.allCases)
    func opensslReadsTheKeyFileOnlyWithThePassphrase(algorithm: SignatureAlgorithm) async throws {
        try await withTemporaryDirectory { directory in
            let key = try SigningKey.generate(algorithm)
            let file = directory.appendingPathComponent("officer.pem")
            try key.encryptedPEM(passphrase: Self.passphrase).write(to: file, atomically: true, encoding: .utf8)
            let asn1 = try Self.run("/usr/bin/openssl", ["asn1parse", "-in", file.path])
            #expect(asn1.status == 0)
            // PBES2 with scrypt at N = 2^14 (hex 4000), r = 8, and the profile's cipher.
            #expect(asn1.output.contains(":PBES2"))
            #expect(asn1.output.contains(":scrypt"))
            #expect(asn1.output.contains("INTEGER           :4000"))
            #expect(asn1.output.lowercased().contains(algorithm == .sm2 ? "sm4-cbc" : "aes-256-cbc"))
            let opened = try Self.run(
                "/usr/bin/openssl", ["pkey", "-in", file.path, "-passin", "pass:correct horse battery", "-pubout", "-outform", "DER"])
            #expect(opened.status == 0)
            #expect(opened.data == (try key.publicKey.subjectPublicKeyInfo))
            let refused = try Self.run("/usr/bin/openssl", ["pkey", "-in", file.path, "-passin", "pass:guess", "-noout"])
            #expect(refused.status != 0)
        }
    }

    // MARK: Signing at write time

    @Test(arguments: CryptoProfile.allCases)
    func entriesOfKeyedOfficersAreSignedAndVerify(profile: CryptoProfile) async throws {
        try await Self.withScene(profile: profile) { scene in
            try await scene.record(.addLocation(code: "ROOM-1", name: "保管室", kind: .room, parent: nil, isCentral: false), as: "000004")
            let bytes = try await scene.store.entry(at: try await scene.size() - 1)
            let (body, signature) = try EntrySignature.split(bytes)
            #expect(signature?.keyID == scene.signer("000004").keyID)
            #expect(body.last == UInt8(ascii: "}"))
            #expect(try CustodyEntry.decode(bytes) == CustodyEntry.decode(body))
            let report = try await scene.store.audit()
            #expect(report.isIntact, "\(report.findings)")
            // The first supervisor's own enrolment, then an officer and a key for each of three more, the room.
            #expect(report.signaturesChecked == 8)
            #expect(report.unsignedEntries == 1)
            #expect(try await scene.store.rebuildCheck().isEmpty)
        }
    }

    /// A clerk typing the supervisor's badge has no key of his: unsigned it is refused, and signed with his own
    /// key it is refused as another holder's. Nothing is written either way.
    @Test func aClerkClaimingASupervisorsBadgeIsRefused() async throws {
        try await Self.withScene(profile: .intl) { scene in
            let before = try await scene.size()
            let command = CustodyCommand.addOfficer(badge: "000005", name: "冒名", unit: nil, role: .supervisor)
            await #expect(throws: LedgerError.self) { try await scene.store.record(command, actor: "000001", at: Self.now) }
            let unsigned = await Self.refusal { try await scene.store.record(command, actor: "000001", at: Self.now) }
            #expect(unsigned?.id == "signature-required")
            let borrowed = await Self.refusal { try await scene.record(command, as: "000001", signedBy: "000004") }
            #expect(borrowed?.id == "signing-key-not-holders")
            #expect(try await scene.size() == before)
        }
    }

    /// A signer from outside the process (a login agent) that answers with another key's signature, under the
    /// enrolled key's id, is refused before anything is written.
    @Test func aSignatureByAnotherKeyUnderTheEnrolledIDIsRefused() async throws {
        struct Impostor: EntrySigner {
            let keyID: String
            let key: SigningKey
            func sign(_ message: Data) throws -> Data { try key.sign(message) }
        }
        try await Self.withScene(profile: .gm) { scene in
            let before = try await scene.size()
            let impostor = Impostor(keyID: scene.signer("000004").keyID, key: try SigningKey.generate(.sm2))
            let refusal = await Self.refusal {
                try await scene.store.record(
                    .addLocation(code: "ROOM-1", name: "保管室", kind: .room, parent: nil, isCentral: false), actor: "000004", at: Self.now,
                    signer: impostor)
            }
            #expect(refusal?.id == "signature-not-by-key")
            #expect(try await scene.size() == before)
        }
    }

    @Test func enrolmentNeedsAnotherSupervisorAndProvenPossession() async throws {
        try await Self.withScene(profile: .gm) { scene in
            try await scene.record(.addOfficer(badge: "000003", name: "王强", unit: nil, role: .officer), as: "000001")
            let key = try SigningKey.generate(.sm2)
            let enrolment = try KeyEnrolment.of(key, for: .officer("000003"), in: scene.store.identity)
            let before = try await scene.size()
            // By himself, or by a clerk: refused.
            let own = await Self.refusal {
                try await scene.store.record(.enrollKey(enrolment), actor: "000003", at: Self.now, signer: try scene.store.unlocked(key))
            }
            #expect(own?.id == "actor-lacks-role")
            let byClerk = await Self.refusal { try await scene.record(.enrollKey(enrolment), as: "000004") }
            #expect(byClerk?.id == "actor-lacks-role")
            // A supervisor enrolling himself again, once supervisors have keys: refused.
            let second = try KeyEnrolment.of(try SigningKey.generate(.sm2), for: .officer("000009"), in: scene.store.identity)
            let again = await Self.refusal { try await scene.record(.enrollKey(second), as: "000009") }
            #expect(again?.id == "officer-has-key")
            // A proof of possession made by another key.
            var forged = enrolment
            forged.possession = try SigningKey.generate(.sm2).sign(Data("anything".utf8))
            let unproven = await Self.refusal { try await scene.record(.enrollKey(forged), as: "000001") }
            #expect(unproven?.id == "key-possession-unproven")
            #expect(try await scene.size() == before)
            try await scene.record(.enrollKey(enrolment), as: "000001")
            #expect(try await scene.store.activeKey(of: .officer("000003"))?.id == (try scene.store.unlocked(key).keyID))
        }
    }

    /// A replacement is signed with the key it replaces; afterwards the old key signs nothing.
    @Test func rekeyRetiresTheOldKey() async throws {
        try await Self.withScene(profile: .intl) { scene in
            let old = scene.signer("000002")
            let key = try SigningKey.generate(.ed25519)
            let new = try scene.store.unlocked(key)
            let enrolment = try KeyEnrolment.of(key, for: .officer("000002"), in: scene.store.identity, replacing: old.keyID)
            let selfSigned = await Self.refusal {
                try await scene.store.record(.enrollKey(enrolment), actor: "000002", at: Self.now, signer: new)
            }
            #expect(selfSigned?.id == "signing-key-unknown")
            try await scene.record(.enrollKey(enrolment), as: "000002")
            scene.keys["000002"] = new
            let command = CustodyCommand.openCase(number: "A1", title: "盗窃案", kind: .criminal, isPropertyCrime: true)
            let stale = await Self.refusal { try await scene.store.record(command, actor: "000002", at: Self.now, signer: old) }
            #expect(stale?.id == "signing-key-revoked")
            try await scene.record(command, as: "000002")
            #expect(try await scene.store.audit().isIntact)
        }
    }

    /// Retiring an officer revokes his key at the retirement entry; an entry an administrator slips in after it,
    /// signed with that key and with the tree and checkpoint redone, is named by the audit.
    @Test func aRetiredOfficersKeySignsNothingAfterItsRevocation() async throws {
        try await Self.withScene(profile: .gm) { scene in
            try await scene.record(.retireOfficer(badge: "000002", reason: "调离", overridesHoldings: false), as: "000001")
            let retired = try #require(try await scene.store.signingKeys(of: .officer("000002")).first)
            #expect(retired.revokedAt == (try await scene.size()) - 1)
            let index = try await scene.size()
            let body = try CustodyEntry(
                at: Timestamp.string(Self.now), actor: "000002",
                event: .caseOpened(CaseOpened(case: "A9", title: "补录", kind: .criminal, propertyCrime: false, unit: nil))
            ).encoded()
            let message = EntrySignature.message(body: body, index: index, origin: scene.store.identity.origin)
            let forged = EntrySignature(keyID: retired.id, value: try scene.signer("000002").sign(message)).sealing(body)
            try await Self.rewrite(scene, appending: forged)
            let report = try await LedgerStore.open(scene.paths).audit()
            #expect(report.findingCount == 1, "\(report.findings)")
            #expect(report.firstBadIndex == index)
            #expect(report.findings.first?.reason.id == "entry-signed-outside-key-validity")
        }
    }

    /// An administrator with the database and the log's own key edits a signature, recomputes the tree and
    /// signs a new checkpoint: hashes and checkpoints agree again, and only the signature names the entry.
    @Test(arguments: CryptoProfile.allCases)
    func anEditedSignatureIsNamedEvenWhenTheTreeIsRedone(profile: CryptoProfile) async throws {
        try await Self.withScene(profile: profile) { scene in
            try await scene.record(.addLocation(code: "ROOM-1", name: "保管室", kind: .room, parent: nil, isCentral: false), as: "000004")
            try await scene.record(.addLocation(code: "ROOM-2", name: "二号室", kind: .room, parent: nil, isCentral: false), as: "000004")
            let target = try await scene.size() - 2
            let stored = try await scene.store.entry(at: target)
            let (body, signature) = try EntrySignature.split(stored)
            var value = try #require(signature).value
            value[value.count / 2] ^= 0x01
            try await Self.rewrite(scene, replacing: target, with: EntrySignature(keyID: signature!.keyID, value: value).sealing(body))
            let report = try await LedgerStore.open(scene.paths).audit()
            #expect(report.findingCount == 1, "\(report.findings)")
            #expect(report.firstBadIndex == target)
            #expect(report.findings.first?.reason.id == "entry-signature-invalid")
        }
    }

    /// The switch for a log made before keys: from its entry on nothing is written unsigned, and an unsigned
    /// entry slipped in afterwards is named by the audit.
    @Test func requiringSignaturesRefusesUnsignedWritesFromItsEntryOn() async throws {
        try await Self.withScene(profile: .intl) { scene in
            try await scene.record(.addOfficer(badge: "000003", name: "王强", unit: nil, role: .officer), as: "000001")
            // 000003 has no key: unsigned, allowed before the switch.
            try await scene.store.record(
                .openCase(number: "A1", title: "旧案", kind: .criminal, isPropertyCrime: false), actor: "000003", at: Self.now)
            let byClerk = await Self.refusal { try await scene.record(.requireSignatures(reason: "全员已登记密钥"), as: "000004") }
            #expect(byClerk?.id == "actor-lacks-role")
            let switched = try await scene.record(.requireSignatures(reason: "全员已登记密钥"), as: "000001")
            let again = await Self.refusal { try await scene.record(.requireSignatures(reason: "再次"), as: "000001") }
            #expect(again?.id == "signatures-already-required")
            let before = try await scene.size()
            let unsigned = await Self.refusal {
                try await scene.store.record(
                    .openCase(number: "A2", title: "新案", kind: .criminal, isPropertyCrime: false), actor: "000003", at: Self.now)
            }
            #expect(unsigned?.id == "signatures-required-no-key")
            #expect(unsigned?.arguments["index"] == String(switched.index))
            #expect(try await scene.size() == before)
            #expect(try await scene.store.audit().isIntact)
            // An administrator appends an unsigned entry after the switch, redoing the tree and the checkpoint.
            let body = try CustodyEntry(
                at: Timestamp.string(Self.now), actor: "000003",
                event: .caseOpened(CaseOpened(case: "A3", title: "补录", kind: .criminal, propertyCrime: false, unit: nil))
            ).encoded()
            try await Self.rewrite(scene, appending: body)
            let report = try await LedgerStore.open(scene.paths).audit()
            #expect(report.firstBadIndex == before)
            #expect(report.findings.map(\.reason.id) == ["entry-unsigned-after-requirement"])
        }
    }

    /// A new store requires signatures with no switch: every entry after the first supervisor's, starting with
    /// the enrolment of his own key; the audit holds an unsigned entry slipped in later against entry 0.
    @Test func aNewStoreRequiresSignaturesAfterItsFirstSupervisor() async throws {
        try await withTemporaryStore(signatures: .required) { store, paths in
            #expect(store.identity.signatures == .required)
            let first = try await store.record(
                .addOfficer(badge: "000001", name: "魏江", unit: nil, role: .supervisor), actor: nil, at: Self.now)
            let unsigned = await Self.refusal {
                try await store.record(.addOfficer(badge: "000002", name: "李明", unit: nil, role: .officer), actor: "000001", at: Self.now)
            }
            #expect(unsigned?.id == "signatures-required-no-key")
            #expect(unsigned?.arguments["index"] == String(first.index + 1))
            var scene = Scene(store: store, paths: paths, keys: [:])
            try await Self.enroll("000001", by: "000001", in: &scene)
            try await scene.record(.addOfficer(badge: "000002", name: "李明", unit: nil, role: .officer), as: "000001")
            let keyedUnsigned = await Self.refusal {
                try await store.record(.addOfficer(badge: "000003", name: "王强", unit: nil, role: .officer), actor: "000001", at: Self.now)
            }
            #expect(keyedUnsigned?.id == "signatures-required", "a holder with a key is told to sign, not to enrol")
            let again = await Self.refusal { try await scene.record(.requireSignatures(reason: "再次"), as: "000001") }
            #expect(again?.id == "signatures-already-required")
            let report = try await store.audit()
            #expect(report.isIntact)
            #expect(report.unsignedEntries == 1, "only the first supervisor's own entry is unsigned")
            #expect(try await store.rebuildCheck().isEmpty)

            let size = try await scene.size()
            let body = try CustodyEntry(
                at: Timestamp.string(Self.now), actor: "000002",
                event: .caseOpened(CaseOpened(case: "A3", title: "补录", kind: .criminal, propertyCrime: false, unit: nil))
            ).encoded()
            try await Self.rewrite(scene, appending: body)
            let rewritten = try await LedgerStore.open(paths).audit()
            #expect(rewritten.firstBadIndex == size)
            #expect(rewritten.findings.map(\.reason.id) == ["entry-unsigned-after-requirement"])
        }
    }

    // MARK: Helpers

    /// Rewrites the log as an administrator holding the file and the log's key would: entries changed or
    /// appended, every tree node recomputed, the checkpoints replaced by one signed anew.
    static func rewrite(_ scene: Scene, replacing index: Int64? = nil, with replacement: Data? = nil, appending extra: Data? = nil)
        async throws
    {
        let size = try await scene.size()
        var entries: [Data] = []
        for i in 0..<size { entries.append(try await scene.store.entry(at: i)) }
        if let index, let replacement { entries[Int(index)] = replacement }
        if let extra { entries.append(extra) }
        var memory = try InMemoryTree(scene.store.identity.profile.hashAlgorithm)
        for entry in entries { memory.append(entry) }
        let database = try Database(path: scene.paths.database, create: false)
        for trigger in try database.rows("SELECT name FROM sqlite_master WHERE type = 'trigger'", row: { $0.text(0) }) {
            try database.execute("DROP TRIGGER \(trigger)")
        }
        try database.execute("DELETE FROM log_nodes")
        try database.execute("DELETE FROM log_checkpoints")
        if let index, let replacement { try database.execute("UPDATE log_entries SET bytes = ? WHERE idx = ?", replacement, index) }
        if let extra { try database.execute("INSERT INTO log_entries (idx, bytes) VALUES (?, ?)", size, extra) }
        for (key, hash) in memory.nodes {
            let parts = key.split(separator: "/")
            try database.execute("INSERT INTO log_nodes (level, idx, hash) VALUES (?, ?, ?)", Int64(parts[0])!, Int64(parts[1])!, hash)
        }
        try FileManager.default.removeItem(atPath: scene.paths.checkpoint)
        _ = try await LedgerStore.open(scene.paths).checkpoint()
    }

    /// The reason `body` is refused with, or nil if it is not.
    static func refusal(_ body: () async throws -> some Any) async -> Reason? {
        do {
            _ = try await body()
            return nil
        } catch let error as LedgerError {
            return error.reason
        } catch {
            return Reason("unexpected", ["error": "\(error)"])
        }
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String, data: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self), data)
    }
}
