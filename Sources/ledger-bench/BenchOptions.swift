import CommandLineSupport
import LedgerPresentation
import PCSCTestSupport
import PropertyLedger

/// What the benchmark measures and where: sizes, counts, the log's crypto profile and the output format.
struct BenchOptions: Sendable {
    /// Entries in the large log (audit, proofs, memory); the small log for the memory comparison has a tenth.
    var entries: Int64 = 1_000_000
    /// Durable single-entry appends on each side (store and raw SQLite).
    var singleAppends = 2_000
    /// Entries per transaction in the batched comparison.
    var batchSize = 1_000
    /// Transactions on each side in the batched comparison: enough that one slow commit does not decide it.
    var batches = 50
    /// Entries per `append(contentsOf:)` when building the large logs.
    var buildBatchSize = 10_000
    /// Random inclusion proofs timed at the large log's full size.
    var proofSamples = 1_000
    var profile: CryptoProfile = .gm
    /// A directory on the disk to measure; nil means the system's temporary directory.
    var directory: String?
    var printsJSON = false
    var keepFiles = false
    /// Which parts of the benchmark run: the log's own figures (a)–(e), the custody lookups (f)–(i), or both.
    /// The scan part needs the PC/SC rig, so it runs by default only under `scripts/pcscd-rig.sh run`.
    var parts: Set<BenchPart> = Set(BenchPart.allCases.filter { $0 != .scan || PCSCRig.current != nil })
    /// Tags presented to `ledger scan` in the scan part.
    var scanSamples = 100
    /// Entries in the custody log, entry 0 included: the scene, the items' registration, chip binding and
    /// check-in, and then check-out and return pairs until the log has this many.
    var custodyEntries: Int64 = 1_000_000
    /// Items registered, bound to a chip and checked in before the check-out traffic starts.
    var custodyItems = 100_000
    /// Items checked in to each cabinet; the items fill `custodyItems / objectsPerCabinet` cabinets.
    var objectsPerCabinet = 1_000
    /// Commands per `record(contentsOf:)` when building the custody log.
    var custodyBatchSize = 1_000
    /// Random items looked up by (f), (g) and (h) each.
    var custodyLookups = 1_000
    /// `objects(matching:)` calls timed by (i), each on a random cabinet.
    var listRuns = 200
    /// Whether to replay the custody log into fresh projections (`rebuildCheck()`) at the end and time it.
    var custodyRebuildCheck = true
    /// `authorize` requests timed by (o), and as many `hello` requests beside them.
    var cabinetRequests = 500
    /// Runs of the reconciler and door sessions through the cabinet service timed by (p).
    var cabinetSessions = 100
    /// How long (q)'s cabinets each do a session a second.
    var cabinetSeconds = 15
    /// Durable single appends through the rules on each side of (r), signed and unsigned.
    var signedAppends = 2_000
    /// Signed entries in the log (s) audits, after the few that enrol its keys.
    var signedEntries: Int64 = 1_000_000
    /// Signatures from that log verified bare for (s)'s baseline (at most `signedEntries`).
    var signatureSamples = 20_000
    /// The objects of the transfer (t) creates and (u) receives.
    var transferObjects = 1_000
    /// The objects of the case (v)–(x) label.
    var labelObjects = 500

    /// The size of the small log: a tenth of the large one, so the two memory figures are a decade apart.
    var smallEntries: Int64 { max(1, entries / 10) }

    /// The cabinets the custody log's items fill.
    var cabinets: Int { custodyItems / objectsPerCabinet }

    /// A smoke run: small enough to finish in well under a minute, large enough for every code path.
    static let quick = BenchOptions(
        entries: 20_000, singleAppends: 500, batchSize: 1_000, batches: 5, custodyEntries: 20_000, custodyItems: 2_000,
        cabinetRequests: 100, cabinetSessions: 20, cabinetSeconds: 5, signedAppends: 200, signedEntries: 20_000,
        signatureSamples: 5_000)

    /// Refuses sizes that do not fit together; the flags are checked one by one as they are parsed.
    func validate() throws {
        guard custodyItems % objectsPerCabinet == 0 else {
            throw ArgumentError(.optionNotMultiple("--items", value: custodyItems, of: "--per-cabinet", divisor: objectsPerCabinet))
        }
        let minimum = CustodyScene(options: self).setupEntries
        guard custodyEntries >= minimum else {
            throw ArgumentError(.optionTooSmall("--custody-entries", minimum: minimum, value: custodyEntries))
        }
    }
}

/// A part of the benchmark that `--only` and `--skip` name.
enum BenchPart: String, Sendable, CaseIterable, Encodable {
    /// (a)–(e): appends, the audit, inclusion proofs and the audit's memory, on logs of sample entries.
    case log
    /// (f)–(i): show, history, where and list on a custody log built through the custody rules.
    case custody
    /// (j): `ledger scan` on that log, with virtual tags on a real pcscd (needs the rig).
    case scan
    /// (k): a 1,000-row `list` rendered in Chinese, in memory (no store).
    case render
    /// (l)–(n): DossierVault's deadlines, sweep and bulletin on the custody log (brings the custody part).
    case vault
    /// (o)–(q): the smart cabinets' protocol over the Unix socket on the custody log (brings the custody part).
    case cabinet
    /// (r) and (s): durable signed appends against unsigned ones, and the audit of a log of signed entries
    /// against bare signature verification, each on a log of its own.
    case signatures
    /// (t) and (u): a transfer between two ledgers, created and received.
    case transfers
    /// (v)–(x): labels for a case of 500 objects in SVG, ZPL and PNG, in memory (no store).
    case labels
}

/// What one invocation asks for.
enum BenchCommand {
    case benchmark(BenchOptions)
    case help
    /// The hidden mode in which the benchmark re-executes itself to measure one audit's memory on its own.
    case auditChild(databasePath: String)

    static let usage = """
        usage: ledger-bench [--quick] [--only log|custody|scan|render|vault|cabinet|signatures|transfers|labels]
                            [--skip log|custody|scan|render|vault|cabinet|signatures|transfers|labels]
                            [--entries N] [--crypto gm|intl]
                            [--dir PATH] [--json] [--keep]
                            [--single N] [--batch-size N] [--batches N] [--build-batch N] [--samples N]
                            [--custody-entries N] [--items N] [--per-cabinet N] [--custody-batch N]
                            [--lookups N] [--list-runs N] [--no-rebuild-check]
                            [--signed-appends N] [--signed-entries N] [--signature-samples N]
                            [--transfer-objects N] [--label-objects N]

          --quick           smoke run: 20,000 entries, 500 single appends, 5 batches;
                            a custody log of 20,000 entries with 2,000 items in 2 cabinets;
                            100 authorize requests, 20 cabinet sessions, 5 s of 20 cabinets;
                            200 signed and 200 unsigned appends, 20,000 signed entries audited
          --only PART       run only one part: log ((a)–(e)), custody ((f)–(i)), scan ((j)), render ((k):
                            a 1,000-row `list` rendered in Chinese, a few seconds), vault ((l)–(n): due,
                            sweep and bulletin on the custody log), cabinet ((o)–(q): authorize,
                            reconciling 500 tags and 20 cabinets at once on the custody log) or
                            signatures ((r): signed against unsigned durable appends; (s): the audit of
                            a log of signed entries against bare signature verification) or transfers
                            ((t), (u): a transfer created at one ledger and received at another) or
                            labels ((v)–(x): labels for a case of 500 objects in SVG, ZPL and PNG)
          --skip PART       run every part but this one
          --entries N       entries in the large log (default 1,000,000); the small log has N/10
          --crypto P        the log's profile: gm (SM3/SM2, default) or intl (SHA-256/Ed25519)
          --dir PATH        measure the disk holding PATH (default: the system temporary directory);
                            a fresh subdirectory is made there and removed at the end
          --json            print the figures as one JSON object instead of a table
          --keep            keep the benchmark's files
          --single N        durable single appends on each side (default 2,000)
          --batch-size N    entries per transaction in the batched comparison (default 1,000)
          --batches N       transactions on each side in the batched comparison (default 50)
          --build-batch N   entries per transaction when building the large logs (default 10,000)
          --samples N       inclusion proofs timed (default 1,000)
          --custody-entries N
                            entries in the custody log (default 1,000,000)
          --items N         items registered, bound and checked in (default 100,000)
          --per-cabinet N   items per cabinet (default 1,000); --items must be a multiple of it
          --custody-batch N custody commands per transaction when building (default 1,000)
          --lookups N       random items looked up by show, history and where each (default 1,000)
          --list-runs N     list --location queries timed, on random cabinets (default 200)
          --no-rebuild-check
                            skip replaying the custody log into fresh projections at the end
          --scan-samples N  tags presented to `ledger scan` in the scan part (default 100); the scan part
                            runs under scripts/pcscd-rig.sh only, and needs `ledger` built beside ledger-bench
          --signed-appends N
                            durable single appends through the rules on each side of (r) (default 2,000)
          --signed-entries N
                            signed entries in the log (s) audits (default 1,000,000)
          --signature-samples N
                            signatures of that log verified bare for (s)'s baseline (default 20,000)
          --transfer-objects N
                            objects of the transfer (t) creates and (u) receives (default 1,000)
          --label-objects N objects of the case (v)–(x) label (default 500)

        Progress goes to stderr; the report goes to stdout.
        """

    /// The options that take a count (`--entries N`), which `count(_:_:minimum:)` reads, with their help.
    private static let countOptions: [(name: String, help: Wording)] = [
        ("entries", Wording(zh: "大台账的记录条数（小台账为其十分之一）", en: "entries in the large log (the small log has a tenth)")),
        ("single", Wording(zh: "每一方逐条持久追加的次数", en: "durable single appends on each side")),
        ("batch-size", Wording(zh: "批量对比中每个事务的记录条数", en: "entries per transaction in the batched comparison")),
        ("batches", Wording(zh: "批量对比中每一方的事务数", en: "transactions on each side in the batched comparison")),
        ("build-batch", Wording(zh: "构建大台账时每个事务的记录条数", en: "entries per transaction when building the large logs")),
        ("samples", Wording(zh: "计时的包含证明个数", en: "inclusion proofs timed")),
        ("custody-entries", Wording(zh: "保管台账的记录条数", en: "entries in the custody log")),
        ("items", Wording(zh: "登记、绑定芯片并入库的涉案财物件数", en: "items registered, bound and checked in")),
        ("per-cabinet", Wording(zh: "每个智能柜存放的财物件数（--items 须为其整数倍）", en: "items per cabinet (--items must be a multiple)")),
        ("custody-batch", Wording(zh: "构建保管台账时每个事务的命令数", en: "custody commands per transaction when building")),
        ("lookups", Wording(zh: "show、history、where 各自随机查询的财物件数", en: "random items looked up by show, history and where each")),
        ("list-runs", Wording(zh: "计时的 list --location 查询次数（随机智能柜）", en: "list --location queries timed, on random cabinets")),
        ("scan-samples", Wording(zh: "扫描部分向 `ledger scan` 出示的芯片枚数", en: "tags presented to `ledger scan` in the scan part")),
        ("signed-appends", Wording(zh: "（r）中签名与不签名两方各自逐条持久记录的次数", en: "durable single appends on each side of (r), signed and unsigned")),
        ("signed-entries", Wording(zh: "（s）所校验台账中的签名记录条数", en: "signed entries in the log (s) audits")),
        ("signature-samples", Wording(zh: "（s）的基准中单独验签的签名个数", en: "signatures verified bare for the baseline of (s)")),
        ("transfer-objects", Wording(zh: "（t）创建、（u）接收的移交所含财物件数", en: "objects of the transfer (t) creates and (u) receives")),
        ("label-objects", Wording(zh: "（v）至（x）打印标签的案件所含财物件数", en: "objects of the case (v)–(x) label")),
    ]

    /// The options, for the shared parser (`CommandLineSupport`); ``usage`` describes them.
    static let options: [Option] =
        [
            .flag("help", help: Wording(zh: "显示用法", en: "print the usage")),
            Option(
                name: "audit-child", value: "PATH",
                help: Wording(zh: "内部使用：单独测量一次对 PATH 的校验", en: "internal: measure one audit of PATH")),
            .flag("quick", help: Wording(zh: "快速冒烟运行", en: "smoke run")),
            .flag("json", help: Wording(zh: "以 JSON 输出各项数据", en: "print the figures as JSON")),
            .flag("keep", help: Wording(zh: "保留基准测试的文件", en: "keep the benchmark's files")),
            .flag("no-rebuild-check", help: Wording(zh: "跳过重建检查", en: "skip the rebuild check")),
            Option(name: "dir", value: "PATH", help: Wording(zh: "测量 PATH 所在的磁盘", en: "measure the disk holding PATH")),
            .choice("crypto", CryptoProfile.self, help: Wording(zh: "台账的密码算法", en: "the log's profile")),
            .choice("only", BenchPart.self, help: Wording(zh: "只运行其中一部分", en: "run only one part")),
            Option(
                name: "skip", value: "PART", help: Wording(zh: "跳过某一部分（可重复）", en: "skip a part (may be repeated)"),
                choices: BenchPart.allCases.map(\.rawValue), isRepeatable: true),
        ] + countOptions.map { Option(name: $0.name, value: "N", help: $0.help) }

    /// Parses the arguments after the program name. `--quick` sets the defaults; explicit flags override it.
    init(parsing arguments: [String]) throws {
        var reader = try ArgumentReader(parsing: arguments, program: "ledger-bench") { _ in OptionScope(options: Self.options) }
        if reader.flag("help") {
            self = .help
            return
        }
        if let path = reader.take("audit-child") {
            self = .auditChild(databasePath: path)
            return
        }
        var options = reader.flag("quick") ? BenchOptions.quick : BenchOptions()
        if reader.flag("json") { options.printsJSON = true }
        if reader.flag("keep") { options.keepFiles = true }
        if let directory = reader.take("dir") { options.directory = directory }
        if let profile = try reader.choice("crypto", CryptoProfile.self) { options.profile = profile }
        if let count = try Self.count("entries", &reader, minimum: 10) { options.entries = Int64(count) }
        if let count = try Self.count("single", &reader, minimum: 1) { options.singleAppends = count }
        if let count = try Self.count("batch-size", &reader, minimum: 1) { options.batchSize = count }
        if let count = try Self.count("batches", &reader, minimum: 1) { options.batches = count }
        if let count = try Self.count("build-batch", &reader, minimum: 1) { options.buildBatchSize = count }
        if let count = try Self.count("samples", &reader, minimum: 1) { options.proofSamples = count }
        // The scan, vault and cabinet parts read the custody log, so they bring the custody part with them.
        if let part = try reader.choice("only", BenchPart.self) {
            options.parts = part == .scan || part == .vault || part == .cabinet ? [.custody, part] : [part]
        }
        for part in try reader.choices("skip", BenchPart.self) { options.parts.remove(part) }
        // The scan, vault and cabinet parts read the custody log: without it they cannot run.
        if !options.parts.contains(.custody) { options.parts.subtract([.scan, .vault, .cabinet]) }
        if let count = try Self.count("custody-entries", &reader, minimum: 1) { options.custodyEntries = Int64(count) }
        if let count = try Self.count("items", &reader, minimum: 1) { options.custodyItems = count }
        if let count = try Self.count("per-cabinet", &reader, minimum: 1) { options.objectsPerCabinet = count }
        if let count = try Self.count("custody-batch", &reader, minimum: 2) { options.custodyBatchSize = count }
        if let count = try Self.count("lookups", &reader, minimum: 1) { options.custodyLookups = count }
        if let count = try Self.count("list-runs", &reader, minimum: 1) { options.listRuns = count }
        if let count = try Self.count("scan-samples", &reader, minimum: 1) { options.scanSamples = count }
        if reader.flag("no-rebuild-check") { options.custodyRebuildCheck = false }
        if let count = try Self.count("signed-appends", &reader, minimum: 1) { options.signedAppends = count }
        if let count = try Self.count("signed-entries", &reader, minimum: 1) { options.signedEntries = Int64(count) }
        if let count = try Self.count("signature-samples", &reader, minimum: 1) { options.signatureSamples = count }
        if let count = try Self.count("transfer-objects", &reader, minimum: 1) { options.transferObjects = count }
        if let count = try Self.count("label-objects", &reader, minimum: 10) { options.labelObjects = count }
        try reader.requireAllUsed()
        guard !options.parts.isEmpty else { throw ArgumentError(.optionsLeaveNothing("--only", "--skip")) }
        try options.validate()
        self = .benchmark(options)
    }

    /// A positive count; `_` and `,` may group digits, as in 1_000_000.
    private static func count(_ name: String, _ reader: inout ArgumentReader, minimum: Int) throws -> Int? {
        guard let text = reader.take(name) else { return nil }
        guard let count = Int(text.filter { $0 != "_" && $0 != "," }), count >= minimum else {
            throw ArgumentError(.optionNotCount("--" + name, minimum: minimum, value: text))
        }
        return count
    }
}
