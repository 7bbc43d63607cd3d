import LedgerPresentation
import PropertyLedger

/// What a command that records one entry prints: `Recorded entry #12: custody.checked-out P-…, due …`,
/// `Registered P-… (entry #7)`, or with `--dry-run` what it would record; with `--json` this object.
struct RecordedEntryResult: Encodable {
    let index: Int64
    let type: String
    /// The new object's id, for a registration.
    let id: String?
    /// The entry's exact JSON.
    let entry: String
    /// `true` under `--dry-run` (absent otherwise): nothing was written.
    let dryRun: Bool?

    init(_ recorded: RecordedEntry, isDryRun: Bool) throws {
        let event = recorded.entry.event
        index = recorded.index
        type = event.type
        id = Self.isRegistration(event) ? event.object : nil
        entry = String(decoding: try recorded.entry.encoded(), as: UTF8.self)
        dryRun = isDryRun ? true : nil
    }

    func text(for recorded: RecordedEntry, timeFormat: TimeFormat) -> String {
        let event = recorded.entry.event
        let isDryRun = dryRun == true
        var text: String
        if let id {
            text = (isDryRun ? "Would register" : "Registered") + " \(id) (entry #\(index))"
        } else {
            text = (isDryRun ? "Would record" : "Recorded") + " entry #\(index): \(type)" + (event.object.map { " \($0)" } ?? "")
        }
        // Echo the due time as the clerk means it, so a wrong zone shows at once.
        if case .checkedOut(let e) = event { text += ", due \(timeFormat.string(stored: e.due))" }
        return text
    }

    private static func isRegistration(_ event: CustodyEvent) -> Bool {
        switch event {
        case .itemRegistered, .dossierRegistered: true
        default: false
        }
    }
}
