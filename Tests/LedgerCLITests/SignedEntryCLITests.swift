import CabinetSimulator
import Foundation
import Testing

@testable import PropertyLedger

/// Officers' keys through `ledger` as people use it: enrolment in a supervisor's presence, passphrases from a
/// file descriptor, every entry signed, `verify` and `history` saying who signed, refusals that write nothing,
/// and an independent verifier (Python's `cryptography`, the `openssl` command) checking the same signatures.
@Suite(.offThePool)
struct SignedEntryCLITests {
    static let passphrases = ["000001": "supervisor passphrase", "000002": "officer passphrase", "000004": "clerk passphrase"]

    /// Runs `ledger` with file descriptor 3 reading `passphrase` (the actor's) and 4 reading `newPassphrase`,
    /// as a script would pass them: `ledger … --passphrase-fd 3 3<file`.
    struct Signing {
        let directory: URL
        let store: String

        /// `fourth` is the option that reads descriptor 4 (`--new-passphrase-fd`, `--approver-passphrase-fd`).
        func callAsFunction(
            _ arguments: [String], passphrase: String? = nil, newPassphrase: String? = nil, fourth: String = "--new-passphrase-fd",
            environment: [String: String] = [:]
        ) throws -> CLITests.Result {
            let first = directory.appendingPathComponent("fd3-\(UUID().uuidString)")
            let second = directory.appendingPathComponent("fd4-\(UUID().uuidString)")
            try ((passphrase ?? "") + "\n").write(to: first, atomically: true, encoding: .utf8)
            try ((newPassphrase ?? "") + "\n").write(to: second, atomically: true, encoding: .utf8)
            defer {
                try? FileManager.default.removeItem(at: first)
                try? FileManager.default.removeItem(at: second)
            }
            var options: [String] = []
            if passphrase != nil { options += ["--passphrase-fd", "3"] }
            if newPassphrase != nil { options += [fourth, "4"] }
            let ledger = try CLITests.productsDirectory().appendingPathComponent("ledger").path
            var env = [
                "LEDGER_STORE": store, "LEDGER_KEY_DIR": directory.appendingPathComponent("keys").path, "FD3": first.path,
                "FD4": second.path,
            ]
            for (key, value) in environment { env[key] = value }
            return try CLITests.ledgerLike(
                "/bin/sh", ["-c", #"exec "$0" "$@" 3<"$FD3" 4<"$FD4""#, ledger] + arguments + options, environment: env, in: directory)
        }

        /// `arguments` as `badge`, signed with his key.
        func signed(_ arguments: [String], as badge: String) throws -> CLITests.Result {
            try self(arguments + ["--actor", badge], passphrase: SignedEntryCLITests.passphrases[badge])
        }
    }

    /// A store with a supervisor (000001, who enrolled himself), an officer (000002) and a clerk (000004), each
    /// with an enrolled key in `keys/`. `signatures`: as `ledger init --signatures` (the default requires them).
    static func withKeyedStore(
        crypto: String = "gm", signatures: String = "required", _ body: (URL, Signing) async throws -> Void
    ) async throws {
        try await CLITests.withStore(crypto: crypto, signatures: signatures) { directory, ledger in
            let run = Signing(directory: directory, store: directory.appendingPathComponent("ledger.db").path)
            #expect(try ledger(["officer", "add", "000001", "--name", "魏江", "--role", "supervisor"]).status == 0)
            let own = try run(["officer", "enroll", "000001", "--actor", "000001"], newPassphrase: passphrases["000001"])
            #expect(own.status == 0, "\(own.stderr)")
            for (badge, name, role) in [("000002", "李明", "officer"), ("000004", "张丽", "clerk")] {
                let added = try run.signed(["officer", "add", badge, "--name", name, "--role", role], as: "000001")
                #expect(added.status == 0, "\(added.stderr)")
                let enrolled = try run(
                    ["officer", "enroll", badge, "--actor", "000001"], passphrase: passphrases["000001"], newPassphrase: passphrases[badge])
                #expect(enrolled.status == 0, "\(enrolled.stderr)")
            }
            try await body(directory, run)
        }
    }

    @Test(arguments: ["gm", "intl"])
    func aKeyedStoreSignsEveryEntryAndAnotherVerifierAgrees(crypto: String) async throws {
        try await Self.withKeyedStore(crypto: crypto) { directory, run in
            for badge in ["000001", "000002", "000004"] {
                let file = directory.appendingPathComponent("keys/\(badge).key").path
                let mode = try #require(try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int)
                #expect(mode == 0o600)
                #expect(try String(contentsOfFile: file, encoding: .utf8).hasPrefix("-----BEGIN ENCRYPTED PRIVATE KEY-----"))
            }
            #expect(try run.signed(["location", "add", "ROOM-1", "--name", "保管室", "--kind", "room"], as: "000004").status == 0)
            let opened = try run.signed(
                ["case", "open", "A1", "--title", "自行车被盗案", "--kind", "criminal", "--property-crime"], as: "000002")
            #expect(opened.status == 0, "\(opened.stderr)")
            let verify = try run(["verify"])
            #expect(verify.status == 0, "\(verify.stderr)")
            // 000001's own enrolment, two officers added and enrolled, the room and the case: 7 signed; the first officer not.
            #expect(verify.stdout.contains("the signatures of 7 entries verified against their enrolled keys, 1 unsigned"))
            let independent = try Self.independentVerifier(directory)
            #expect(independent.status == 0, "\(independent.stdout)\(independent.stderr)")
            #expect(independent.stdout == "OK: 7 signatures, 1 unsigned, 0 approvals\n")
        }
    }

    /// A clerk who types the supervisor's badge cannot sign for him: without a passphrase there is nothing to
    /// sign with, with his own key file the key is not the supervisor's; a wrong passphrase opens nothing. Each
    /// exits with its own status and writes nothing.
    @Test func aClerkClaimingTheSupervisorsBadgeIsRefused() async throws {
        try await Self.withKeyedStore { directory, run in
            let before = try CLITests.snapshot(directory)
            let add = ["officer", "add", "000005", "--name", "冒名", "--role", "supervisor", "--actor", "000001"]
            let noPassphrase = try run(add)
            #expect(noPassphrase.status == 64)
            #expect(noPassphrase.stderr.contains("000001's key passphrase is needed"))
            let clerksKey = try run(
                add + ["--officer-key", directory.appendingPathComponent("keys/000004.key").path], passphrase: Self.passphrases["000004"])
            #expect(clerksKey.status == 2)
            #expect(clerksKey.stderr.contains("is not the active key the log has for its holder"))
            let guessed = try run(add, passphrase: "clerk's guess at it")
            #expect(guessed.status == 4)
            #expect(guessed.stderr.contains("wrong passphrase"))
            // A copy of the key file someone else can read is refused before any passphrase is tried.
            let copy = directory.appendingPathComponent("stolen.key")
            try FileManager.default.copyItem(at: directory.appendingPathComponent("keys/000001.key"), to: copy)
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: copy.path)
            let exposed = try run(add + ["--officer-key", copy.path], passphrase: Self.passphrases["000001"])
            #expect(exposed.status == 2)
            #expect(exposed.stderr.contains("it must be your own, mode 600"))
            try FileManager.default.removeItem(at: copy)
            #expect(try CLITests.snapshot(directory) == before)
        }
    }

    @Test func rekeyAndRevocationAreSignedAndTakeEffect() async throws {
        try await Self.withKeyedStore(crypto: "intl") { directory, run in
            let keyFile = directory.appendingPathComponent("keys/000002.key")
            let oldFile = try Data(contentsOf: keyFile)
            let rekey = try run(
                ["officer", "rekey", "000002", "--actor", "000002"], passphrase: Self.passphrases["000002"],
                newPassphrase: "a fresh passphrase")
            #expect(rekey.status == 0, "\(rekey.stderr)")
            #expect(rekey.stdout.contains("signs nothing more"))
            #expect(try Data(contentsOf: keyFile) != oldFile)
            // The old passphrase no longer opens the file; the new one signs.
            let stale = try run(
                ["case", "open", "A2", "--title", "盗窃案", "--kind", "criminal", "--actor", "000002"], passphrase: Self.passphrases["000002"])
            #expect(stale.status == 4)
            let fresh = try run(
                ["case", "open", "A2", "--title", "盗窃案", "--kind", "criminal", "--actor", "000002"], passphrase: "a fresh passphrase")
            #expect(fresh.status == 0, "\(fresh.stderr)")
            // A clerk cannot revoke another's key; a supervisor can, and the officer can then sign nothing.
            let byClerk = try run.signed(["officer", "revoke-key", "000002", "--reason", "遗失"], as: "000004")
            #expect(byClerk.status == 2)
            let revoked = try run.signed(["officer", "revoke-key", "000002", "--reason", "私钥遗失"], as: "000001")
            #expect(revoked.status == 0, "\(revoked.stderr)")
            #expect(try run(["verify"]).status == 0)
            #expect(try Self.independentVerifier(directory).status == 0)
        }
    }

    /// `history` names who signed each entry, and its JSON carries the key and its holder; what a command prints
    /// with `--json` is the entry as stored, signature and all.
    @Test func historyShowsWhoSigned() async throws {
        try await Self.withKeyedStore { directory, run in
            let room = try run.signed(["location", "add", "ROOM-1", "--name", "保管室", "--kind", "room", "--json"], as: "000004")
            #expect(room.status == 0)
            let recorded = try JSONSerialization.jsonObject(with: Data(room.stdout.utf8)) as? [String: Any]
            #expect((recorded?["entry"] as? String)?.contains(#","sig":{"key":""#) == true, "\(room.stdout)")
            #expect(try run.signed(["case", "open", "A1", "--title", "盗窃案", "--kind", "criminal"], as: "000002").status == 0)
            let item = try run.signed(
                ["item", "register", "--case", "A1", "--name", "自行车", "--quantity", "1", "--unit", "辆", "--seized-by", "000001,000002"],
                as: "000002")
            #expect(item.status == 0, "\(item.stderr)")
            let history = try run(["history", "P-370321-\(Self.year)-000001"])
            #expect(history.status == 0, "\(history.stderr)")
            #expect(history.stdout.contains("SIGNED"))
            #expect(history.stdout.contains("李明 (000002) · "))
            let json = try JSONSerialization.jsonObject(
                with: Data(try run(["history", "P-370321-\(Self.year)-000001", "--json"]).stdout.utf8))
            let entries = try #require((json as? [String: Any])?["entries"] as? [[String: Any]])
            let signature = try #require(entries.first?["signature"] as? [String: String])
            #expect(signature["holder"] == "officer:000002")
            #expect(signature["key"]?.count == 16)
        }
    }

    /// An edited signature: `verify` and the independent verifier both name the entry.
    @Test(arguments: ["gm", "intl"])
    func anEditedSignatureIsNamedByBothVerifiers(crypto: String) async throws {
        try await Self.withKeyedStore(crypto: crypto) { directory, run in
            #expect(try run.signed(["location", "add", "ROOM-1", "--name", "保管室", "--kind", "room"], as: "000004").status == 0)
            #expect(try run.signed(["location", "add", "ROOM-2", "--name", "二号室", "--kind", "room"], as: "000004").status == 0)
            let database = try Database(path: directory.appendingPathComponent("ledger.db").path, create: false)
            let index = try #require(try database.queryInt("SELECT max(idx) - 1 FROM log_entries"))
            let stored = try #require(try database.firstRow("SELECT bytes FROM log_entries WHERE idx = ?", index) { $0.data(0) })
            let (body, signature) = try EntrySignature.split(stored)
            var value = try #require(signature).value
            value[4] ^= 0x20
            try database.execute("DROP TRIGGER log_entries_no_update")
            try database.execute(
                "UPDATE log_entries SET bytes = ? WHERE idx = ?", EntrySignature(keyID: signature!.keyID, value: value).sealing(body), index
            )
            let verify = try run(["verify", "--json"])
            #expect(verify.status == 1)
            let report = try JSONSerialization.jsonObject(with: Data(verify.stdout.utf8)) as? [String: Any]
            #expect(report?["firstBadIndex"] as? Int == Int(index))
            let independent = try Self.independentVerifier(directory)
            #expect(independent.status == 1)
            #expect(independent.stdout == "FAIL: entry \(index): the signature does not verify\n")
        }
    }

    /// A supervisor signs an approval file elsewhere; the clerk's check-out carries it; it works once. On the
    /// same terminal the supervisor types his passphrase instead.
    /// In a keyed store: room ROOM-1 (and, with `cabinet`, cabinet CAB-01 in it), case A1, officer 000003, and
    /// a bicycle seized by 000002 and 000003, checked in to CAB-01 or else ROOM-1, every entry signed. Its id.
    static func storedBicycle(_ run: Signing, inCabinet cabinet: Bool = false) throws -> String {
        #expect(try run.signed(["location", "add", "ROOM-1", "--name", "保管室", "--kind", "room"], as: "000004").status == 0)
        if cabinet {
            let added = ["location", "add", "CAB-01", "--name", "智能柜01", "--kind", "cabinet", "--parent", "ROOM-1"]
            #expect(try run.signed(added, as: "000004").status == 0)
        }
        #expect(try run.signed(["case", "open", "A1", "--title", "盗窃案", "--kind", "criminal"], as: "000002").status == 0)
        #expect(try run.signed(["officer", "add", "000003", "--name", "王强", "--role", "officer"], as: "000001").status == 0)
        let item = "P-370321-\(Self.year)-000001"
        let registered = try run.signed(
            ["item", "register", "--case", "A1", "--name", "自行车", "--quantity", "1", "--unit", "辆", "--seized-by", "000002,000003"],
            as: "000002")
        #expect(registered.status == 0, "\(registered.stderr)")
        #expect(try run.signed(["checkin", item, "--to", cabinet ? "CAB-01" : "ROOM-1"], as: "000004").status == 0)
        return item
    }

    @Test func approvalsFromAFileAndOnTheSameTerminal() async throws {
        try await Self.withKeyedStore { directory, run in
            let item = try Self.storedBicycle(run)
            let due = "\(Self.year + 1)-01-10T12:00:00+08:00"
            let terms = ["--to", "000002", "--reason", "appraisal", "--due", due]
            let approve = try run.signed(
                ["approve", "checkout", item] + terms + ["--out", "approval.json", "--valid", "2h"], as: "000001")
            #expect(approve.status == 0, "\(approve.stderr)")
            #expect(approve.stdout.contains("usable once until"))
            let checkout = ["checkout", item] + terms + ["--approved-by", "000001"]
            // Unapproved, and approved for another recipient: refused, nothing written.
            let before = try CLITests.snapshot(directory)
            let unapproved = try run.signed(checkout, as: "000004")
            #expect(unapproved.status == 64, "\(unapproved.stderr)")  // no terminal to ask the approver on
            let other = try run.signed(
                ["approve", "checkout", item, "--to", "000003", "--reason", "appraisal", "--due", due, "--out", "other.json"], as: "000001")
            #expect(other.status == 0)
            let wrong = try run.signed(checkout + ["--approval", "other.json"], as: "000004")
            #expect(wrong.status == 2)
            #expect(wrong.stderr.contains("the approval's to is 000003, not 000002"), "\(wrong.stderr)")
            #expect(try CLITests.snapshot(directory) == before)
            let approved = try run.signed(checkout + ["--approval", "approval.json"], as: "000004")
            #expect(approved.status == 0, "\(approved.stderr)")
            #expect(try run.signed(["return", item, "--to", "ROOM-1", "--condition", "完好"], as: "000004").status == 0)
            let replayed = try run.signed(checkout + ["--approval", "approval.json"], as: "000004")
            #expect(replayed.status == 2)
            #expect(replayed.stderr.contains("the approval was already used by entry"))
            // On the same terminal: the approver's passphrase on its own descriptor.
            let here = try run(
                checkout + ["--actor", "000004"], passphrase: Self.passphrases["000004"], newPassphrase: Self.passphrases["000001"],
                fourth: "--approver-passphrase-fd")
            #expect(here.status == 0, "\(here.stderr)")
            #expect(try run(["verify"]).status == 0)
            let independent = try Self.independentVerifier(directory)
            #expect(independent.status == 0, "\(independent.stdout)")
            #expect(independent.stdout.hasSuffix(", 2 approvals\n"), "\(independent.stdout)")
        }
    }

    /// A store made before keys (here: one that asked for optional signatures) is switched over by a supervisor.
    @Test func requiringSignaturesRefusesAnOfficerWithoutAKey() async throws {
        try await Self.withKeyedStore(signatures: "optional") { directory, run in
            #expect(try run.signed(["officer", "add", "000007", "--name", "赵新", "--role", "officer"], as: "000001").status == 0)
            let switched = try run.signed(["policy", "require-signatures", "--reason", "全员已登记密钥"], as: "000001")
            #expect(switched.status == 0, "\(switched.stderr)")
            let unsigned = try run(["case", "open", "A1", "--title", "盗窃案", "--kind", "criminal", "--actor", "000007"])
            #expect(unsigned.status == 2)
            #expect(unsigned.stderr.contains("every entry must be signed since entry"), "\(unsigned.stderr)")
            #expect(try run(["verify"]).status == 0)
            #expect(try Self.independentVerifier(directory).status == 0)
        }
    }

    /// A cabinet's key: enrolled by a supervisor, unlocked by the hook at start, and signing what the cabinet
    /// causes; without its passphrase the hook does not start.
    @Test(arguments: ["gm", "intl"])
    func aKeyedCabinetSignsWhatItCauses(crypto: String) async throws {
        try await Self.withKeyedStore(crypto: crypto) { directory, run in
            #expect(try run.signed(["location", "add", "ROOM-1", "--name", "保管室", "--kind", "room"], as: "000004").status == 0)
            #expect(
                try run.signed(["location", "add", "CAB-01", "--name", "智能柜01", "--kind", "cabinet", "--parent", "ROOM-1"], as: "000004")
                    .status
                    == 0)
            let enrolled = try run(
                ["cabinet", "enroll", "CAB-01", "--actor", "000001"], passphrase: Self.passphrases["000001"],
                newPassphrase: "cabinet passphrase")
            #expect(enrolled.status == 0, "\(enrolled.stderr)")
            let input = directory.appendingPathComponent("requests")
            try """
            {"v":1,"id":1,"type":"hello","cabinet":"CAB-01","adapter":"test"}
            {"v":1,"id":2,"type":"authorize","cabinet":"CAB-01","credential":{"badge":"000004"}}

            """.write(to: input, atomically: true, encoding: .utf8)
            let ledger = try CLITests.productsDirectory().appendingPathComponent("ledger").path
            let environment = [
                "LEDGER_STORE": run.store, "LEDGER_KEY_DIR": directory.appendingPathComponent("keys").path, "IN": input.path,
                "FD3": directory.appendingPathComponent("cabinet-pass").path,
            ]
            try "cabinet passphrase\n".write(to: directory.appendingPathComponent("cabinet-pass"), atomically: true, encoding: .utf8)
            let hook = try CLITests.ledgerLike(
                "/bin/sh", ["-c", #"exec "$0" cabinet hook CAB-01 --passphrase-fd 3 3<"$FD3" <"$IN""#, ledger], environment: environment,
                in: directory)
            #expect(hook.status == 0, "\(hook.stderr)")
            #expect(hook.stdout.contains(#""allow":true"#), "\(hook.stdout)")
            let without = try CLITests.ledgerLike(
                "/bin/sh", ["-c", #"exec "$0" cabinet hook CAB-01 <"$IN""#, ledger], environment: environment, in: directory)
            #expect(without.status == 64, "\(without.stderr)")
            // The session the cabinet opened is signed by the cabinet's key.
            let database = try Database(path: run.store, create: false)
            let last = try #require(try database.firstRow("SELECT bytes FROM log_entries ORDER BY idx DESC LIMIT 1") { $0.data(0) })
            let signature = try #require(try EntrySignature.split(last).signature)
            let key = try #require(try database.firstRow("SELECT key FROM signing_keys WHERE holder = 'cabinet:CAB-01'") { $0.text(0) })
            #expect(signature.keyID == key)
            #expect(try run(["verify"]).status == 0)
            let independent = try Self.independentVerifier(directory)
            #expect(independent.status == 0, "\(independent.stdout)")
            // A supervisor revokes the cabinet's key; the hook then starts without a passphrase and writes unsigned.
            let revoked = try run.signed(["officer", "revoke-key", "cabinet:CAB-01", "--reason", "更换读写器"], as: "000001")
            #expect(revoked.status == 0, "\(revoked.stderr)")
            let unkeyed = try CLITests.ledgerLike(
                "/bin/sh", ["-c", #"exec "$0" cabinet hook CAB-01 <"$IN""#, ledger], environment: environment, in: directory)
            #expect(unkeyed.status == 0, "\(unkeyed.stderr)")
        }
    }

    /// The daemon unlocks the keys of the cabinets it serves at start, and a session it opens is signed by the
    /// cabinet's key; in a store that requires signatures, a cabinet without a key opens nothing.
    @Test func theCabinetDaemonSignsWithTheCabinetsKey() async throws {
        try await Self.withKeyedStore(crypto: "intl") { directory, run in
            #expect(try run.signed(["location", "add", "ROOM-1", "--name", "保管室", "--kind", "room"], as: "000004").status == 0)
            for code in ["CAB-01", "CAB-02"] {
                #expect(
                    try run.signed(["location", "add", code, "--name", code, "--kind", "cabinet", "--parent", "ROOM-1"], as: "000004")
                        .status == 0)
            }
            let enrolled = try run(
                ["cabinet", "enroll", "CAB-02", "--actor", "000001"], passphrase: Self.passphrases["000001"],
                newPassphrase: "cabinet passphrase")
            #expect(enrolled.status == 0, "\(enrolled.stderr)")
            let passphrase = directory.appendingPathComponent("cabinet-pass")
            try "cabinet passphrase\n".write(to: passphrase, atomically: true, encoding: .utf8)
            let socket = directory.appendingPathComponent("cabinets.sock").path
            let ledger = try CLITests.productsDirectory().appendingPathComponent("ledger").path
            let daemon = try await ProcessCabinetChannel.spawn(
                executable: "/bin/sh",
                arguments: ["-c", #"exec "$0" cabinet serve --socket "$1" --passphrase-fd 3 3<"$2""#, ledger, socket, passphrase.path],
                environment: ProcessInfo.processInfo.environment.merging(
                    ["LEDGER_STORE": run.store, "LEDGER_KEY_DIR": directory.appendingPathComponent("keys").path, "LEDGER_LANG": "en"]
                ) { $1 }, responseTimeout: .seconds(60))
            let ready = try await daemon.receiveLine(timeout: .seconds(60))
            #expect(ready.contains(socket), "\(ready)")
            let adapter = try await SocketCabinetChannel.connect(to: socket, responseTimeout: .seconds(60))
            for (id, cabinet, allowed) in [(1, "CAB-01", false), (2, "CAB-02", true)] {
                let line = #"{"v":1,"id":\#(id),"type":"authorize","cabinet":"\#(cabinet)","credential":{"badge":"000004"}}"#
                let answer = try await adapter.exchange(Array(line.utf8), timeout: .seconds(60))
                if allowed {
                    #expect(answer.contains(#""allow":true"#), "\(answer)")
                } else {
                    #expect(answer.contains(#""reason":"signatures-required-no-key""#), "\(answer)")
                }
            }
            await adapter.close()
            daemon.terminate()
            _ = try await daemon.exit(within: .seconds(60))
            // CAB-01 has no key: refused, it wrote nothing; CAB-02's session is signed by its own key.
            let database = try Database(path: run.store, create: false)
            let rows = try database.rows("SELECT bytes FROM log_entries ORDER BY idx DESC LIMIT 2") { $0.data(0) }
            let cabinetKey = try #require(
                try database.firstRow("SELECT key FROM signing_keys WHERE holder = 'cabinet:CAB-02'") { $0.text(0) })
            #expect(try EntrySignature.split(rows[0]).signature?.keyID == cabinetKey)
            #expect(String(decoding: rows[1], as: UTF8.self).contains(#""type":"key.enrolled""#), "CAB-01 wrote an entry")
            #expect(try run(["verify"]).status == 0)
            #expect(try Self.independentVerifier(directory).status == 0)
        }
    }

    static var year: Int { Calendar(identifier: .gregorian).component(.year, from: Date()) }

    /// `scripts/verify-entry-signatures.py` on the store: a verifier that shares no code with the ledger.
    static func independentVerifier(_ directory: URL) throws -> CLITests.Result {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/verify-entry-signatures.py").path
        return try CLITests.ledgerLike("/usr/bin/python3", [script, directory.appendingPathComponent("ledger.db").path], in: directory)
    }
}
