import CommandLineSupport
import DossierVault
import Foundation
import LedgerPresentation
import PropertyLedger

/// `ledger cabinet sessions [--cabinet CODE]`: the door sessions, newest first — who the cabinet identified,
/// what the session allowed, how it ended.
struct CabinetSessionsCommand: LedgerCommand {
    static let spec = CommandSpec(
        "cabinet sessions",
        summary: Wording(zh: "列出智能柜开门会话（最新在前）", en: "the cabinets' door sessions, newest first"),
        options: [
            Option(name: "cabinet", value: "CODE", help: Wording(zh: "只列该智能柜的会话", en: "only this cabinet's sessions")),
            Option(name: "limit", value: "N", help: Wording(zh: "最多列出的条数（默认 100）", en: "at most this many (default 100)")),
        ])

    let cabinet: String?
    let limit: Int

    init(parsing arguments: inout ArgumentReader) throws {
        cabinet = arguments.take("cabinet")
        limit = try arguments.integer("limit").map { Int(clamping: $0) } ?? 100
    }

    struct SessionJSON: Encodable {
        let session, cabinet, officer, state, opened, changed: String
        let witness: String?
        let take, put: [String]
        let checkIn: Bool

        init(_ session: CabinetSession, timeFormat: TimeFormat) {
            self.session = session.id
            cabinet = session.cabinet
            officer = session.officer
            state = session.state.rawValue
            opened = timeFormat.iso8601(session.openedAt)
            changed = timeFormat.iso8601(session.changedAt)
            witness = session.witness
            take = session.take
            put = session.put
            checkIn = session.mayCheckIn
        }
    }

    struct Result: Encodable {
        let sessions: [SessionJSON]
    }

    func run(in context: CommandContext) async throws {
        let store = try await context.openVaultStore()
        let (cabinet, limit) = (self.cabinet, self.limit)
        let sessions = try await store.read { try DossierVault.cabinetSessions(in: $0, cabinet: cabinet, limit: limit) }
        let people = People(try await store.officers())
        let timeFormat = context.timeFormat(for: store)
        let language = context.language
        let words = Catalogue.cabinets
        let result = Result(sessions: sessions.map { SessionJSON($0, timeFormat: timeFormat) })
        guard !sessions.isEmpty else {
            try context.output.emit(result, text: words.noSessions.text(in: language))
            return
        }
        var table = TextTable(
            headers: [
                words.sessionHeading, words.cabinetHeading, words.openedHeading, words.officerHeading, words.stateHeading,
                words.takeHeading,
                words.putHeading,
            ].map { $0.text(in: language) })
        let separator = language == .zh ? "、" : ", "
        for session in sessions {
            table.append(
                cells: [
                    session.id, session.cabinet, timeFormat.string(session.openedAt),
                    people.name(session.officer) + (session.witness.map { " + " + people.name($0) } ?? ""),
                    session.state.wording.text(in: language), session.take.joined(separator: separator),
                    session.put.joined(separator: separator),
                ])
        }
        try context.output.emit(result, text: table.rendered)
    }
}
