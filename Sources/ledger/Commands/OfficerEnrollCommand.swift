import CommandLineSupport
import Foundation
import LedgerPresentation
import PropertyLedger

/// `ledger officer enroll BADGE`: makes the officer's personal signing key, in his presence and a supervisor's.
/// The officer types a new passphrase; the key is written encrypted to his own key file (mode 0600) and only
/// its public key goes into the log, in an entry the supervisor (`--actor`) signs.
struct OfficerEnrollCommand: LedgerCommand {
    static let spec = CommandSpec(
        "officer enroll", arguments: "BADGE",
        summary: Wording(
            zh: "为警员生成个人签名密钥：审批领导见证并签名，公钥记入台账，私钥加密保存在本人的文件中",
            en: "make an officer's signing key: a supervisor witnesses and signs, the public key goes into the log, the "
                + "private key into the officer's own encrypted file"),
        writesEntry: true,
        options: [
            CommandSpec.keyOutOption(defaultPath: "$LEDGER_KEY_DIR/BADGE.key, ~/.config/propertyledger/keys/BADGE.key"),
            CommandSpec.newPassphraseFDOption,
        ],
        notes: [
            Wording(
                zh: "--actor 为见证的审批领导，其记录须用他自己的密钥签名（--passphrase-fd 或终端口令）。尚无审批领导登记密钥时，"
                    + "第一位审批领导以本人为执行人为自己登记，记录由新密钥签名。已有密钥的警员用 officer rekey 更换。",
                en: "--actor is the witnessing supervisor, whose entry is signed with his own key (--passphrase-fd or the terminal). "
                    + "While no supervisor has a key, the first supervisor enrolls his own, as his own actor, the entry signed by the "
                    + "new key. An officer who has a key replaces it with officer rekey.")
        ])

    let badge: String
    let keyOut: String?
    let newPassphraseFD: Int32?

    init(parsing arguments: inout ArgumentReader) throws {
        badge = try arguments.positional("BADGE").trimmingCharacters(in: .whitespaces)
        keyOut = arguments.take("key-out")
        newPassphraseFD = try Passphrase.descriptor(arguments.take("new-passphrase-fd"))
    }

    func run(in context: CommandContext) async throws {
        let store = try await context.openStore()
        let path = OfficerKeyLocation.path(for: badge, option: keyOut)
        let people = try await People.read(from: store)
        if context.isDryRun {
            // A dry run reads no passphrase, so it cannot open a key file already there (see `keyToEnroll`).
            guard !FileManager.default.fileExists(atPath: path) else { throw LedgerError(.alreadyExists, .fileExists(path)) }
            let key = try SigningKey.generate(store.identity.profile.signatureAlgorithm)
            let enrolment = try KeyEnrolment.of(key, for: .officer(badge), in: store.identity)
            let recorded = try await context.record(.enrollKey(enrolment), in: store)
            let text = Catalogue.officerKeys.wouldEnroll.text(in: context.language, ["officer": people.name(badge)])
            try context.output.emit(try RecordedEntryResult(recorded, isDryRun: true), text: text)
            return
        }
        let (key, passphrase, inFile) = try await context.keyToEnroll(at: path, for: badge, newPassphraseFD: newPassphraseFD, in: store)
        let enrolment = try KeyEnrolment.of(key, for: .officer(badge), in: store.identity)
        // The witness signs; the first supervisor enrolling himself signs with the new key.
        let witness = context.actor?.trimmingCharacters(in: .whitespaces)
        let witnessHasKey = try await store.activeKey(of: .officer(badge)) != nil
        let ownFirstKey = witness == badge && !witnessHasKey
        let signer: (any EntrySigner)? = ownFirstKey ? try store.unlocked(key) : try await context.signer(in: store)
        let recorded = try await context.enroll(
            key, as: enrolment, passphrase: passphrase, writingTo: inFile ? nil : path, in: store, signer: signer)
        let words = Catalogue.officerKeys
        guard case .keyEnrolled(let enrolled) = recorded.entry.event else { return }
        let text = words.enrolled.text(
            in: context.language,
            [
                "officer": people.name(badge), "key": enrolled.key, "index": String(recorded.index),
                "witness": recorded.entry.actor.map(people.name) ?? "", "path": path,
            ])
        try context.output.emit(try RecordedEntryResult(recorded, isDryRun: false), text: text)
    }
}
