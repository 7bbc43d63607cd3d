import CommandLineSupport
import Foundation
import LedgerPresentation
import PropertyLedger

/// `ledger login`: unlocks the acting officer's key once for his shift. The key goes to a login agent of his own
/// (``LoginAgent``) that signs for him until it expires (`--for`, 8 hours by default, 12 at most) or
/// `ledger logout`; meanwhile no command asks for his passphrase.
struct LoginCommand: LedgerCommand {
    static let spec = CommandSpec(
        "login",
        summary: Wording(
            zh: "上班登录：解锁执行人的私钥一次，由只属于本人的登录代理在本班次内代为签名",
            en: "unlock the actor's key once for a shift: a login agent of his own signs for him meanwhile"),
        options: [
            Option(
                name: "for", value: "DURATION",
                help: Wording(zh: "登录时长：如 30s、90m、8h（默认 8h，最长 12h）", en: "how long: 30s, 90m, 8h (default 8h, at most 12h)"))
        ],
        notes: [
            Wording(
                zh: "登录代理在 $XDG_RUNTIME_DIR/propertyledger（否则 /tmp/propertyledger-UID）下的套接字上应答，权限 600，只接受本用户。"
                    + "给出 --passphrase-fd 的命令不使用登录代理。",
                en: "The agent answers on a socket in $XDG_RUNTIME_DIR/propertyledger (else /tmp/propertyledger-UID), mode 600, for "
                    + "this user only. A command given --passphrase-fd does not use the agent.")
        ])

    let duration: TimeInterval

    init(parsing arguments: inout ArgumentReader) throws {
        let text = arguments.take("for")
        guard let seconds = text.map(LoginCommand.duration) ?? LoginAgent.standard, seconds > 0, seconds <= LoginAgent.longest else {
            throw arguments.error(.loginDurationInvalid(text ?? ""))
        }
        duration = seconds
    }

    /// `30s`, `90m`, `8h` in seconds.
    static func duration(_ text: String) -> TimeInterval? {
        if text.hasSuffix("s"), let seconds = Int(text.dropLast()), seconds > 0 { return TimeInterval(seconds) }
        return ApproveCheckoutCommand.duration(text)
    }

    func run(in context: CommandContext) async throws {
        let store = try await context.openStore()
        guard let badge = context.actor?.trimmingCharacters(in: .whitespaces), !badge.isEmpty else {
            throw LedgerError(.refused, Reason("actor-required", ["action": "login"]))
        }
        guard let key = try await store.activeKey(of: .officer(badge)) else { throw LedgerError(.refused, .officerHasNoKey(badge: badge)) }
        let path = OfficerKeyLocation.path(for: badge, option: context.officerKey)
        guard FileManager.default.fileExists(atPath: path) else { throw LedgerError(.notFound, .keyFileMissing(path)) }
        let words = Catalogue.officerKeys
        let passphrase = try await Passphrase.read(
            fd: context.passphraseFD, badge: badge,
            prompt: words.passphrasePrompt.text(in: context.language, ["badge": badge, "path": path]))
        // Checked here, so that a wrong passphrase says so at once (exit 4) rather than as an agent that never starts.
        let algorithm = key.algorithm
        let unlocked = try store.unlocked(try await onOwnThread { try KeyFile.unlock(path, passphrase: passphrase, as: algorithm) })
        guard unlocked.keyID == key.id else {
            throw LedgerError(.refused, .keyFileNotEnrolled(path, key: unlocked.keyID, enrolled: key.id))
        }
        try LoginAgent.prepareDirectory()
        // A login replaces the agent running for the same officer.
        _ = try await onOwnThread { LoginAgent.stop(badge) }
        let expires = Date().addingTimeInterval(duration)
        try await onOwnThread {
            try LoginAgent.start(badge: badge, keyFile: path, store: store.paths.database, until: expires, passphrase: passphrase)
        }
        let timeFormat = context.timeFormat(for: store)
        let people = try await People.read(from: store)
        try context.output.emit(
            LoginResult(
                badge: badge, key: key.id, expires: timeFormat.iso8601(stored: Timestamp.string(expires)),
                socket: LoginAgent.socketPath(for: badge)),
            text: words.loggedIn.text(
                in: context.language,
                [
                    "officer": people.name(badge), "expires": timeFormat.string(stored: Timestamp.string(expires)),
                    "socket": LoginAgent.socketPath(for: badge),
                ]))
    }

    struct LoginResult: Encodable {
        let badge, key, expires, socket: String
    }
}
