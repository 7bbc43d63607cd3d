import CommandLineSupport
import Foundation
import LedgerPresentation
import PropertyLedger

/// `ledger cabinet enroll CABINET`: makes a smart cabinet's signing key, enrolled by a supervisor (`--actor`, who
/// signs the entry). The cabinet daemon unlocks it at start; from then on everything the cabinet causes is signed
/// with it.
struct CabinetEnrollCommand: LedgerCommand {
    static let spec = CommandSpec(
        "cabinet enroll", arguments: "CABINET",
        summary: Wording(
            zh: "为智能柜生成签名密钥：此后该柜引起的每条记录都由它签名", en: "make a smart cabinet's signing key: what it causes is then signed with it"),
        options: [CommandSpec.keyOutOption(defaultPath: "$LEDGER_KEY_DIR/cabinet-CABINET.key"), CommandSpec.newPassphraseFDOption],
        notes: [
            Wording(
                zh: "智能柜服务（cabinet serve、cabinet hook、cabinet run）启动时用 --passphrase-fd 或终端口令解锁它所服务的各柜密钥"
                    + "（同一服务的各柜密钥用同一口令）；已登记密钥的柜子若未解锁，其记录一律拒绝。",
                en: "The cabinet services (cabinet serve, cabinet hook, cabinet run) unlock the keys of the cabinets they serve at "
                    + "start, with --passphrase-fd or the terminal (one passphrase for one service's keys); a keyed cabinet whose "
                    + "key is not unlocked has every write refused.")
        ])

    let cabinet: String
    let keyOut: String?
    let newPassphraseFD: Int32?

    init(parsing arguments: inout ArgumentReader) throws {
        cabinet = try arguments.positional("CABINET").trimmingCharacters(in: .whitespaces)
        keyOut = arguments.take("key-out")
        newPassphraseFD = try Passphrase.descriptor(arguments.take("new-passphrase-fd"))
    }

    func run(in context: CommandContext) async throws {
        let store = try await context.openStore()
        let path = keyOut ?? CabinetKeys.path(for: cabinet)
        let holder = KeyHolder.device(Device(.cabinet, id: cabinet))
        // A key file already there is an enrolment that was interrupted, finished now, or refused (see `keyToEnroll`).
        let (key, passphrase, inFile) = try await context.keyToEnroll(
            at: path, for: holder.description, newPassphraseFD: newPassphraseFD, in: store)
        let enrolment = try KeyEnrolment.of(key, for: holder, in: store.identity)
        let recorded = try await context.enroll(
            key, as: enrolment, passphrase: passphrase, writingTo: inFile ? nil : path, in: store,
            signer: try await context.signer(in: store))
        let people = try await People.read(from: store)
        guard case .keyEnrolled(let enrolled) = recorded.entry.event else { return }
        let text = Catalogue.officerKeys.enrolled.text(
            in: context.language,
            [
                "officer": cabinet, "key": enrolled.key, "index": String(recorded.index),
                "witness": recorded.entry.actor.map(people.name) ?? "", "path": path,
            ])
        try context.output.emit(try RecordedEntryResult(recorded, isDryRun: false), text: text)
    }
}
