/// The fields every entry shares — `v`, `type`, `at`, `actor`, `device` — encoded into the entry's one JSON
/// object before the payload's own fields (custody events and module payloads alike), and read back from any
/// entry by ``LoggedEntry``.
struct EntryEnvelope: Codable, Equatable {
    var v = CustodyEntry.formatVersion
    var type: String
    var at: String
    var actor: String?
    var device: Device?
}
