import Foundation
import LedgerPresentation
import PropertyLedger

/// The keys of the smart cabinets a daemon serves (`cabinet serve`, `cabinet hook`, `cabinet run`): each keyed
/// cabinet's key file (`$LEDGER_KEY_DIR/cabinet-CODE.key`, as `cabinet enroll` writes it), unlocked once at start
/// with the one passphrase of the daemon's keys (`--passphrase-fd N`, else asked on the terminal).
enum CabinetKeys {
    static func path(for cabinet: String) -> String { OfficerKeyLocation.path(for: "cabinet-\(cabinet)") }

    /// The signers of those of `cabinets` that have an enrolled key, by location code; empty when none has.
    static func unlock(_ cabinets: [String], in store: LedgerStore, context: CommandContext) async throws -> [String: any EntrySigner] {
        var keyed: [(code: String, key: EnrolledKey)] = []
        for code in cabinets {
            if let key = try await store.activeKey(of: .device(Device(.cabinet, id: code))) { keyed.append((code, key)) }
        }
        guard let first = keyed.first else { return [:] }
        let prompt = Catalogue.officerKeys.passphrasePrompt.text(
            in: context.language, ["badge": "cabinet:\(first.code)", "path": path(for: first.code)])
        let passphrase = try await Passphrase.read(fd: context.passphraseFD, badge: "cabinet:\(first.code)", prompt: prompt)
        var signers: [String: any EntrySigner] = [:]
        for (code, key) in keyed {
            let file = path(for: code)
            let algorithm = key.algorithm
            let signer = try store.unlocked(try await onOwnThread { try KeyFile.unlock(file, passphrase: passphrase, as: algorithm) })
            guard signer.keyID == key.id else {
                throw LedgerError(.refused, .keyFileNotEnrolled(file, key: signer.keyID, enrolled: key.id))
            }
            signers[code] = signer
        }
        return signers
    }
}
