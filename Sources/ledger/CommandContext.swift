import CommandLineSupport
import DossierVault
import Foundation
import LedgerPresentation
import PropertyLedger
import Transfers

/// What every command runs with: the options all commands share, where the store is, and how to write
/// results.
struct CommandContext: Sendable, Equatable {
    var store: String?
    var privateKey: String?
    /// `--actor` as given; see ``actor`` for the value used.
    var actorOption: String?
    /// `--officer-key`: the acting officer's key file (else ``OfficerKeyLocation``).
    var officerKey: String?
    /// `--passphrase-fd`: where the acting officer's passphrase is read from (else the terminal).
    var passphraseFD: Int32?
    /// How the approval of a command that needs one is had (set by `checkout`, `checkout extend`, `dispose`).
    var approvals = ApprovalOptions()
    var json = false
    /// `--dry-run`: evaluate the entry under the rules and print it, writing nothing.
    var isDryRun = false
    /// What people read is worded in this language: `--lang`, else the environment
    /// (``Language/select(flag:environment:default:)``), else the store's default language, else Chinese.
    var language = Language.zh
    /// Whether `--lang` or the environment chose ``language`` (rather than the store's default or Chinese).
    var isLanguageChosen = false

    /// Takes the shared options out of `arguments`.
    init(taking arguments: inout ArgumentReader) throws {
        store = arguments.take("store")
        privateKey = arguments.take("private-key")
        actorOption = arguments.take("actor")
        officerKey = arguments.take("officer-key")
        passphraseFD = try Passphrase.descriptor(arguments.take("passphrase-fd"))
        json = arguments.flag("json")
        isDryRun = arguments.flag("dry-run")
        let flag = arguments.take("lang")
        if let flag, Language(rawValue: flag) == nil {
            throw arguments.error(.optionNotOneOf("--lang", allowed: Language.allCases.map(\.rawValue), value: flag))
        }
        let chosen = Self.chosenLanguage(flag: flag)
        language = chosen ?? Self.defaultLanguage(of: paths)
        isLanguageChosen = chosen != nil
    }

    /// The language `--lang` or the environment chooses; nil when neither does (nothing set, or `C`/`POSIX`).
    static func chosenLanguage(flag: String?) -> Language? {
        let environment = ProcessInfo.processInfo.environment
        let chosen = Language.select(flag: flag, environment: environment, default: .zh)
        // A choice does not depend on the fallback; only when nothing chooses does the fallback show through.
        return chosen == Language.select(flag: flag, environment: environment, default: .en) ? chosen : nil
    }

    /// The default language the store at `paths` recorded, peeked at without opening it; Chinese when there is
    /// no store, it cannot be read, or it recorded none (or one this tool does not speak).
    static func defaultLanguage(of paths: StorePaths) -> Language {
        LedgerStore.recordedDefaultLanguage(at: paths).flatMap(Language.init(rawValue:)) ?? .zh
    }

    /// Times as `store`'s agency reads them: its zone, the chosen language.
    func timeFormat(for store: LedgerStore) -> TimeFormat {
        TimeFormat(zone: store.identity.agency.timeZone, language: language)
    }

    /// `reason` in the chosen language, as one line (with the command-line hint, where there is one).
    func words(_ reason: Reason) -> String {
        let paths = paths
        let times = TimesInReasons(language: language) {
            LedgerStore.recordedZone(at: paths).flatMap(TimeZone.init(identifier:)) ?? Agency.defaultTimeZone
        }
        return Catalogue.commandLineText(reason, in: language, times: times.format(for: [reason]))
    }

    init(store: String? = nil, privateKey: String? = nil, actor: String? = nil, json: Bool = false, isDryRun: Bool = false) {
        self.store = store
        self.privateKey = privateKey
        self.actorOption = actor
        self.json = json
        self.isDryRun = isDryRun
        let chosen = Self.chosenLanguage(flag: nil)
        self.language = chosen ?? Self.defaultLanguage(of: paths)
        self.isLanguageChosen = chosen != nil
    }

    var output: Output { Output(json: json) }

    var paths: StorePaths { StoreLocation.paths(store: store, privateKey: privateKey) }

    /// Who is acting: `--actor`, else `$LEDGER_ACTOR`.
    var actor: String? {
        actorOption ?? ProcessInfo.processInfo.environment["LEDGER_ACTOR"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The store, with the modules whose rules must hold whatever command runs (DossierVault: a dossier the
    /// one-month rule holds in central storage leaves it only by an approved check-out).
    func openStore() async throws -> LedgerStore {
        try await LedgerStore.open(paths, modules: Self.modules)
    }

    /// The modules every store is opened with.
    static let modules: [any LedgerModule] = [DossierVault(), Transfers()]

    /// The daily bulletin's sections for `store`: DossierVault's, then those of every other module it serves.
    static func bulletinSections(for store: LedgerStore) -> [any BulletinSection] {
        Bulletin.standardSections + (store.moduleNames.contains(Transfers().name) ? Transfers.bulletinSections : [])
    }

    /// Whether `store` serves DossierVault: a read-only store from before it opens without it (no deadlines).
    static func servesVault(_ store: LedgerStore) -> Bool {
        store.moduleNames.contains(DossierVault().name)
    }

    /// The store, for a command that reads DossierVault's tables (`due`, `policy`, `dossier sweep`, `bulletin`).
    ///
    /// - Throws: ``LedgerError`` (`storeUnusable`): `store-lacks-module`, for a read-only store never migrated for it.
    func openVaultStore() async throws -> LedgerStore {
        let store = try await openStore()
        guard Self.servesVault(store) else {
            throw LedgerError(.storeUnusable, .storeLacksModule(DossierVault().name, path: store.paths.database))
        }
        return store
    }

    /// Records `command` under the rules, or with `--dry-run` evaluates it in a read transaction: the same
    /// entry (or the same refusal), nothing written.
    func record(_ command: CustodyCommand, in store: LedgerStore) async throws -> RecordedEntry {
        let command = try await approved(command, in: store)
        if isDryRun { return try await store.evaluate(command, actor: actor) }
        return try await store.record(command, actor: actor, signer: try await signer(in: store))
    }

    /// The acting officer's key, unlocked, once the log has one enrolled for him (his entries must then be
    /// signed); nil while he has none. A dry run signs nothing.
    func signer(in store: LedgerStore, evenForDryRun: Bool = false) async throws -> (any EntrySigner)? {
        guard !isDryRun || evenForDryRun, let badge = actor?.trimmingCharacters(in: .whitespaces), !badge.isEmpty,
            let key = try await store.activeKey(of: .officer(badge))
        else { return nil }
        return try await OfficerSigners.shared.signer(
            badge: badge, key: key, store: store, keyFile: officerKey, passphraseFD: passphraseFD, language: language)
    }

    /// Records the module entry `decide` returns, or with `--dry-run` evaluates it in a read transaction: the
    /// same entry (or the same refusal), nothing written.
    func record<Payload: EntryPayload>(
        in store: LedgerStore, _ decide: @Sendable (borrowing RuleContext) throws -> Payload
    ) async throws -> RecordedModuleEntry {
        if isDryRun { return try await store.evaluate(actor: actor, decide) }
        return try await store.record(actor: actor, signer: try await signer(in: store), decide)
    }

    /// Records `command` and prints what was recorded (or, with `--dry-run`, what would be).
    func recordAndReport(_ command: CustodyCommand) async throws {
        try await recordAndReport { _ in command }
    }

    /// Records the command `command` makes for the store's agency (a time typed without an offset is read in
    /// its zone) and prints what was recorded (or, with `--dry-run`, what would be).
    func recordAndReport(_ command: (Agency) throws -> CustodyCommand) async throws {
        let store = try await openStore()
        let recorded = try await record(try command(store.identity.agency), in: store)
        let result = try RecordedEntryResult(recorded, isDryRun: isDryRun)
        let people = json ? People([]) : try await People.read(from: store)
        try output.emit(result, text: result.text(for: recorded, people: people, timeFormat: timeFormat(for: store)))
    }
}
