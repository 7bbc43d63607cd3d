import CommandLineSupport
import Foundation
import LedgerPresentation
import PropertyLedger

/// `ledger init`: creates a store, its key pair and its first checkpoint.
struct InitCommand: LedgerCommand {
    static let spec = CommandSpec(
        "init",
        summary: Wording(
            zh: "创建新的台账库及其密钥对和第一个检查点",
            en: "create a new ledger store, its key pair and its first checkpoint"),
        options: [
            Option(
                name: "agency-code", value: "CODE",
                help: Wording(
                    zh: "单位代码，作为本台账每个编号的前缀（如 370321）",
                    en: "the agency code that prefixes every id (e.g. 370321)")),
            Option(name: "agency-name", value: "NAME", help: Wording(zh: "单位名称", en: "the agency's name")),
            .choice(
                "kind", Agency.Kind.self,
                help: Wording(
                    zh: "使用本台账的单位类型：police 公安机关、procuratorate 检察院、court 法院",
                    en: "what kind of agency runs this ledger")),
            .choice(
                "crypto", CryptoProfile.self,
                help: Wording(
                    zh: "密码算法：gm 为 SM3 + SM2（国密，默认）；intl 为 SHA-256 + Ed25519",
                    en: "gm: SM3 + SM2 (default); intl: SHA-256 + Ed25519")),
            Option(
                name: "zone", value: "ZONE",
                help: Wording(
                    zh: "本单位的 IANA 时区：时间按此时区显示，不带偏移的本地时间也按此时区理解（默认 Asia/Shanghai）",
                    en: "the agency's IANA time zone, in which times are shown and local times are read (default Asia/Shanghai)")),
            .choice(
                "default-lang", Language.self,
                help: Wording(
                    zh: "既没有 --lang、环境变量也未选定语言时显示的语言（默认 zh）",
                    en: "the language shown when neither --lang nor the environment chooses one (default zh)")),
            .choice(
                "signatures", SignatureRequirement.self,
                help: Wording(
                    zh: "required（默认）：第一位审批领导之后的每条记录都须签名；optional：仅用于培训或测试台账，记入第 0 条记录",
                    en: "required (default): every entry after the first supervisor's is signed; optional: for a training or test "
                        + "store only, said in entry 0")),
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
    /// `--signatures`: whether every entry after the first supervisor's must be signed (the default).
    var signatures: SignatureRequirement = .required

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
        signatures = try arguments.choice("signatures", SignatureRequirement.self) ?? .required
    }

    struct Result: Encodable {
        let store, privateKey, checkpoint, origin, profile, verifierKey: String
        /// The agency's time zone and default language, as recorded in entry 0.
        let zone, defaultLanguage: String
        /// `required` or `optional`, as recorded in entry 0.
        let signatures: String
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
        let directory = directoryPath(of: paths.database)
        if !directory.isEmpty && !FileManager.default.fileExists(atPath: directory) {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        let store = try await LedgerStore.create(
            paths, agency: agency, profile: profile, signatures: signatures, modules: CommandContext.modules)
        let identity = store.identity
        let recordedZone = identity.agency.zone ?? Agency.defaultZone
        try context.output.emit(
            Result(
                store: paths.database, privateKey: paths.privateKey, checkpoint: paths.checkpoint, origin: identity.origin,
                profile: identity.profile.rawValue, verifierKey: identity.verifierKey, zone: recordedZone,
                defaultLanguage: language.rawValue, signatures: identity.signatures.rawValue),
            text: Self.created(identity, agency: agency, paths: paths, zone: recordedZone, defaultLanguage: language, in: context.language))
    }

    /// What was created, and where: the origin, then the files and the key, the zone and the default language,
    /// labels aligned by display width.
    private static func created(
        _ identity: LogIdentity, agency: Agency, paths: StorePaths, zone: String, defaultLanguage: Language, in language: Language
    ) -> String {
        let words = Catalogue.createdStore
        let rows = [
            (words.store, paths.database), (words.privateKey, words.privateKeyPath.text(in: language, ["path": paths.privateKey])),
            (words.checkpoint, paths.checkpoint), (words.verifierKey, identity.verifierKey), (words.timeZone, zone),
            (words.language, words.languageValue.text(in: language, ["language": defaultLanguage.rawValue])),
            (words.signatures, (identity.signatures == .required ? words.signaturesRequired : words.signaturesOptional).text(in: language)),
        ].map { (label: $0.0.text(in: language), value: $0.1) }
        let width = (rows.map { displayWidth($0.label) }.max() ?? 0) + 1
        let heading = words.created.text(
            in: language, ["origin": identity.origin, "profile": identity.profile.rawValue, "agency": agency.name])
        return ([heading] + rows.map { "  " + padded($0.label, to: width) + $0.value }).joined(separator: "\n")
    }
}
