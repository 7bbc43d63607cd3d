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
        ])

    var agencyCode: String
    var agencyName: String
    var kind: Agency.Kind
    var profile: CryptoProfile = .gm
    var zone: String?

    init(agencyCode: String, agencyName: String, kind: Agency.Kind, profile: CryptoProfile = .gm, zone: String? = nil) {
        self.agencyCode = agencyCode
        self.agencyName = agencyName
        self.kind = kind
        self.profile = profile
        self.zone = zone
    }

    init(parsing arguments: inout ArgumentReader) throws {
        agencyCode = try arguments.required("agency-code")
        agencyName = try arguments.required("agency-name")
        kind = try arguments.requiredChoice("kind", Agency.Kind.self)
        profile = try arguments.choice("crypto", CryptoProfile.self) ?? .gm
    }

    struct Result: Encodable {
        let store, privateKey, checkpoint, origin, profile, verifierKey: String
    }

    func run(in context: CommandContext) async throws {
        let agency = try Agency(code: agencyCode, name: agencyName, kind: kind, zone: zone)
        let paths = context.paths
        let directory = (paths.database as NSString).deletingLastPathComponent
        if !directory.isEmpty && !FileManager.default.fileExists(atPath: directory) {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        let store = try await LedgerStore.create(paths, agency: agency, profile: profile)
        let identity = store.identity
        try context.output.emit(
            Result(
                store: paths.database, privateKey: paths.privateKey, checkpoint: paths.checkpoint, origin: identity.origin,
                profile: identity.profile.rawValue, verifierKey: identity.verifierKey),
            text: Self.created(identity, agency: agency, paths: paths, language: context.language))
    }

    /// What was created, and where: the origin, then the files and the key, labels aligned by display width.
    private static func created(_ identity: LogIdentity, agency: Agency, paths: StorePaths, language: Language) -> String {
        let words = Catalogue.createdStore
        let rows = [
            (words.store, paths.database), (words.privateKey, words.privateKeyPath.text(in: language, ["path": paths.privateKey])),
            (words.checkpoint, paths.checkpoint), (words.verifierKey, identity.verifierKey),
        ].map { (label: $0.0.text(in: language), value: $0.1) }
        let width = (rows.map { displayWidth($0.label) }.max() ?? 0) + 1
        let heading = words.created.text(
            in: language, ["origin": identity.origin, "profile": identity.profile.rawValue, "agency": agency.name])
        return ([heading] + rows.map { "  " + padded($0.label, to: width) + $0.value }).joined(separator: "\n")
    }
}
