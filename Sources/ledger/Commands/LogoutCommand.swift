import CommandLineSupport
import Foundation
import LedgerPresentation
import PropertyLedger

/// `ledger logout`: ends the acting officer's login agent; his next command asks for his passphrase again.
struct LogoutCommand: LedgerCommand {
    static let spec = CommandSpec(
        "logout", summary: Wording(zh: "下班退出：结束执行人的登录代理", en: "end the actor's login agent"))

    init(parsing arguments: inout ArgumentReader) throws {}

    func run(in context: CommandContext) async throws {
        guard let badge = context.actor?.trimmingCharacters(in: .whitespaces), !badge.isEmpty else {
            throw LedgerError(.refused, Reason("actor-required", ["action": "login"]))
        }
        guard try await onOwnThread({ LoginAgent.stop(badge) }) else { throw LedgerError(.notFound, .notLoggedIn(badge: badge)) }
        try context.output.emit(["badge": badge], text: Catalogue.officerKeys.loggedOut.text(in: context.language, ["badge": badge]))
    }
}
