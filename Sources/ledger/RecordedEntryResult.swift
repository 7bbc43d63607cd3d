import LedgerPresentation
import PropertyLedger

/// What a command that records one entry prints: `Recorded entry #12: checked out P-…, due …` (the kind of
/// entry in words, what it is about), `Registered P-… (entry #7)`, or with `--dry-run` what it would record, in
/// the chosen language; with `--json` this object.
struct RecordedEntryResult: Encodable {
    let index: Int64
    let type: String
    /// The new object's id, for a registration.
    let id: String?
    /// The entry's exact JSON, as stored (with its signature, when it has one).
    let entry: String
    /// `true` under `--dry-run` (absent otherwise): nothing was written.
    let dryRun: Bool?

    init(_ recorded: RecordedEntry, isDryRun: Bool) throws {
        let event = recorded.entry.event
        index = recorded.index
        type = event.type
        id = Self.isRegistration(event) ? event.object : nil
        entry = String(decoding: recorded.bytes, as: UTF8.self)
        dryRun = isDryRun ? true : nil
    }

    /// The line for people, in the language of `timeFormat`; `people` names the officers the entry concerns.
    func text(for recorded: RecordedEntry, people: People, timeFormat: TimeFormat) -> String {
        let event = recorded.entry.event
        let language = timeFormat.language
        let words = Catalogue.recordedEntry
        let isDryRun = dryRun == true
        var text: String
        if let id {
            text = (isDryRun ? words.wouldRegister : words.registered).text(in: language, ["id": id, "index": String(index)])
        } else {
            let summary = EventSummary(people: people, timeFormat: timeFormat)
            text = (isDryRun ? words.wouldRecord : words.recorded).text(
                in: language, ["index": String(index), "event": summary.name(of: event), "subject": summary.subject(of: event)])
        }
        // Echo the due time as the clerk means it, so a wrong zone shows at once.
        if case .checkedOut(let e) = event { text += words.due.text(in: language, ["due": timeFormat.string(stored: e.due)]) }
        return text
    }

    private static func isRegistration(_ event: CustodyEvent) -> Bool {
        switch event {
        case .itemRegistered, .dossierRegistered: true
        default: false
        }
    }
}
