import PropertyLedger

/// What a command that records one module entry (`policy set`, `item unrelated`) prints with `--json`: the
/// shape of ``RecordedEntryResult`` — the entry's index and type and its exact text — and `"dryRun": true` when
/// it was only evaluated.
struct ModuleEntryResult: Encodable {
    let index: Int64
    let type: String
    /// The entry's exact JSON.
    let entry: String
    let dryRun: Bool?

    init(_ recorded: RecordedModuleEntry, isDryRun: Bool) {
        index = recorded.index
        type = recorded.entry.type
        entry = String(decoding: recorded.entry.bytes, as: UTF8.self)
        dryRun = isDryRun ? true : nil
    }
}
