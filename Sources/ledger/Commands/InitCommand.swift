import CommandLineSupport
import Foundation
import LedgerPresentation
import PropertyLedger

/// `ledger init`: creates a store, its key pair and its first checkpoint.
struct InitCommand: LedgerCommand {
    static let spec = CommandSpec(
        "init", summary: "create a new ledger store, its key pair and its first checkpoint",
        options: [
            Option(name: "agency-code", value: "CODE", help: "the agency code that prefixes every id (e.g. 370321)"),
            Option(name: "agency-name", value: "NAME", help: "the agency's name"),
            .choice("kind", Agency.Kind.self, help: "what kind of agency runs this ledger"),
            .choice("crypto", CryptoProfile.self, help: "gm: SM3 + SM2 (default); intl: SHA-256 + Ed25519"),
            Option(name: "zone", value: "ZONE", help: "the agency's IANA time zone (default: Asia/Shanghai)"),
            .choice("default-lang", Language.self, help: "the language shown when neither --lang nor the locale chooses (default: zh)"),
        ])

    var agencyCode: String
    var agencyName: String
    var kind: Agency.Kind
    var profile: CryptoProfile = .gm
    /// `--zone`: an IANA time zone id, checked when the agency is made (`agency-zone-unknown`); none means
    /// ``Agency/defaultZone``.
    var zone: String?
    /// `--default-lang`: what the store's commands are worded in when neither `--lang` nor the locale
    /// chooses; none means Chinese.
    var defaultLanguage: Language?

    init(
        agencyCode: String, agencyName: String, kind: Agency.Kind, profile: CryptoProfile = .gm, zone: String? = nil,
        defaultLanguage: Language? = nil
    ) {
        self.agencyCode = agencyCode
        self.agencyName = agencyName
        self.kind = kind
        self.profile = profile
        self.zone = zone
        self.defaultLanguage = defaultLanguage
    }

    init(parsing arguments: inout ArgumentReader) throws {
        agencyCode = try arguments.required("agency-code")
        agencyName = try arguments.required("agency-name")
        kind = try arguments.requiredChoice("kind", Agency.Kind.self)
        profile = try arguments.choice("crypto", CryptoProfile.self) ?? .gm
        zone = arguments.take("zone")
        defaultLanguage = try arguments.choice("default-lang", Language.self)
    }

    struct Result: Encodable {
        let store, privateKey, checkpoint, origin, profile, verifierKey: String
        /// The agency's time zone and default language, as recorded in entry 0.
        let zone, defaultLanguage: String
    }

    func run(in context: CommandContext) async throws {
        // Recorded in entry 0 either way, so that the log says what it is shown in.
        let language = defaultLanguage ?? .zh
        let agency = try Agency(
            code: agencyCode, name: agencyName, kind: kind, zone: zone ?? Agency.defaultZone, defaultLanguage: language.rawValue)
        // The new store's own creation is worded in its default language, unless --lang or the locale chose.
        var context = context
        if !context.isLanguageChosen { context.language = language }
        let paths = context.paths
        let directory = (paths.database as NSString).deletingLastPathComponent
        if !directory.isEmpty && !FileManager.default.fileExists(atPath: directory) {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        let store = try await LedgerStore.create(paths, agency: agency, profile: profile)
        let identity = store.identity
        let recordedZone = identity.agency.zone ?? Agency.defaultZone
        try context.output.emit(
            Result(
                store: paths.database, privateKey: paths.privateKey, checkpoint: paths.checkpoint, origin: identity.origin,
                profile: identity.profile.rawValue, verifierKey: identity.verifierKey, zone: recordedZone,
                defaultLanguage: language.rawValue),
            text: """
                Created ledger \(identity.origin) (\(identity.profile.rawValue)) for \(agency.name)
                  store        \(paths.database)
                  private key  \(paths.privateKey) (mode 0600: keep it off backups others can read)
                  checkpoint   \(paths.checkpoint)
                  verifier key \(identity.verifierKey)
                  time zone    \(recordedZone)
                  language     \(language.rawValue) (unless --lang or the locale chooses another)
                """)
    }
}
