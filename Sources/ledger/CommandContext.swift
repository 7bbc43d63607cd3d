import CommandLineSupport
import Foundation
import PropertyLedger

/// What every command runs with: the options all commands share, where the store is, and how to write
/// results.
struct CommandContext: Sendable, Equatable {
    var store: String?
    var privateKey: String?
    /// `--actor` as given; see ``actor`` for the value used.
    var actorOption: String?
    var json = false
    /// `--dry-run`: evaluate the entry under the rules and print it, writing nothing.
    var isDryRun = false

    /// Takes the shared options out of `arguments`.
    init(taking arguments: inout ArgumentReader) {
        store = arguments.take("store")
        privateKey = arguments.take("private-key")
        actorOption = arguments.take("actor")
        json = arguments.flag("json")
        isDryRun = arguments.flag("dry-run")
    }

    init(store: String? = nil, privateKey: String? = nil, actor: String? = nil, json: Bool = false, isDryRun: Bool = false) {
        self.store = store
        self.privateKey = privateKey
        self.actorOption = actor
        self.json = json
        self.isDryRun = isDryRun
    }

    var output: Output { Output(json: json) }

    var paths: StorePaths { StoreLocation.paths(store: store, privateKey: privateKey) }

    /// Who is acting: `--actor`, else `$LEDGER_ACTOR`.
    var actor: String? {
        actorOption ?? ProcessInfo.processInfo.environment["LEDGER_ACTOR"].flatMap { $0.isEmpty ? nil : $0 }
    }

    func openStore() async throws -> LedgerStore {
        try await LedgerStore.open(paths)
    }

    /// Records `command` under the rules, or with `--dry-run` evaluates it in a read transaction: the same
    /// entry (or the same refusal), nothing written.
    func record(_ command: CustodyCommand, in store: LedgerStore) async throws -> RecordedEntry {
        isDryRun ? try await store.evaluate(command, actor: actor) : try await store.record(command, actor: actor)
    }

    /// Records `command` and prints what was recorded (or, with `--dry-run`, what would be).
    func recordAndReport(_ command: CustodyCommand) async throws {
        let recorded = try await record(command, in: try await openStore())
        let result = try RecordedEntryResult(recorded, isDryRun: isDryRun)
        try output.emit(result, text: result.text(for: recorded))
    }
}
