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

    /// The size of the small log: a tenth of the large one, so the two memory figures are a decade apart.
    var smallEntries: Int64 { max(1, entries / 10) }

    /// The cabinets the custody log's items fill.
    var cabinets: Int { custodyItems / objectsPerCabinet }

    /// A smoke run: small enough to finish in well under a minute, large enough for every code path.
    static let quick = BenchOptions(
        entries: 20_000, singleAppends: 500, batchSize: 1_000, batches: 5, custodyEntries: 20_000, custodyItems: 2_000)

    /// Refuses sizes that do not fit together; the flags are checked one by one as they are parsed.
    func validate() throws {
        guard custodyItems % objectsPerCabinet == 0 else {
            throw UsageError(message: "--items (\(custodyItems)) must be a multiple of --per-cabinet (\(objectsPerCabinet))")
        }
        let minimum = CustodyScene(options: self).setupEntries
        guard custodyEntries >= minimum else {
            throw UsageError(message: "--custody-entries must be at least \(minimum) for \(custodyItems) items in \(cabinets) cabinets")
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
}

/// A command line that cannot be run as given.
struct UsageError: Error {
    let message: String
}

/// What one invocation asks for.
enum BenchCommand {
    case benchmark(BenchOptions)
    case help
    /// The hidden mode in which the benchmark re-executes itself to measure one audit's memory on its own.
    case auditChild(databasePath: String)

    static let usage = """
        usage: ledger-bench [--quick] [--only log|custody|scan] [--skip log|custody|scan] [--entries N] [--crypto gm|intl]
                            [--dir PATH] [--json] [--keep]
                            [--single N] [--batch-size N] [--batches N] [--build-batch N] [--samples N]
                            [--custody-entries N] [--items N] [--per-cabinet N] [--custody-batch N]
                            [--lookups N] [--list-runs N] [--no-rebuild-check]

          --quick           smoke run: 20,000 entries, 500 single appends, 5 batches;
                            a custody log of 20,000 entries with 2,000 items in 2 cabinets
          --only PART       run only one part: log ((a)–(e)) or custody ((f)–(i))
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

        Progress goes to stderr; the report goes to stdout.
        """

    /// Parses the arguments after the program name. `--quick` sets the defaults; explicit flags override it
    /// wherever they appear.
    init(parsing arguments: [String]) throws {
        var remaining = arguments[...]
        var overrides: [(inout BenchOptions) -> Void] = []
        var isQuick = false
        while let flag = remaining.popFirst() {
            switch flag {
            case "-h", "--help":
                self = .help
                return
            case "--audit-child":
                self = .auditChild(databasePath: try Self.value(after: flag, in: &remaining))
                return
            case "--quick": isQuick = true
            case "--json": overrides.append { $0.printsJSON = true }
            case "--keep": overrides.append { $0.keepFiles = true }
            case "--dir":
                let path = try Self.value(after: flag, in: &remaining)
                overrides.append { $0.directory = path }
            case "--crypto":
                let name = try Self.value(after: flag, in: &remaining)
                guard let profile = CryptoProfile(rawValue: name) else {
                    throw UsageError(message: "--crypto must be gm or intl, not \(name)")
                }
                overrides.append { $0.profile = profile }
            case "--entries":
                let count = try Self.count(after: flag, in: &remaining, minimum: 10)
                overrides.append { $0.entries = Int64(count) }
            case "--single":
                let count = try Self.count(after: flag, in: &remaining, minimum: 1)
                overrides.append { $0.singleAppends = count }
            case "--batch-size":
                let count = try Self.count(after: flag, in: &remaining, minimum: 1)
                overrides.append { $0.batchSize = count }
            case "--batches":
                let count = try Self.count(after: flag, in: &remaining, minimum: 1)
                overrides.append { $0.batches = count }
            case "--build-batch":
                let count = try Self.count(after: flag, in: &remaining, minimum: 1)
                overrides.append { $0.buildBatchSize = count }
            case "--samples":
                let count = try Self.count(after: flag, in: &remaining, minimum: 1)
                overrides.append { $0.proofSamples = count }
            case "--only", "--skip":
                let name = try Self.value(after: flag, in: &remaining)
                guard let part = BenchPart(rawValue: name) else {
                    throw UsageError(message: "\(flag) must be log, custody or scan, not \(name)")
                }
                // The scan part reads the custody log, so it brings the custody part with it.
                overrides.append {
                    $0.parts = flag == "--only" ? (part == .scan ? [.custody, .scan] : [part]) : $0.parts.subtracting([part])
                }
            case "--custody-entries":
                let count = try Self.count(after: flag, in: &remaining, minimum: 1)
                overrides.append { $0.custodyEntries = Int64(count) }
            case "--items":
                let count = try Self.count(after: flag, in: &remaining, minimum: 1)
                overrides.append { $0.custodyItems = count }
            case "--per-cabinet":
                let count = try Self.count(after: flag, in: &remaining, minimum: 1)
                overrides.append { $0.objectsPerCabinet = count }
            case "--custody-batch":
                let count = try Self.count(after: flag, in: &remaining, minimum: 2)
                overrides.append { $0.custodyBatchSize = count }
            case "--lookups":
                let count = try Self.count(after: flag, in: &remaining, minimum: 1)
                overrides.append { $0.custodyLookups = count }
            case "--list-runs":
                let count = try Self.count(after: flag, in: &remaining, minimum: 1)
                overrides.append { $0.listRuns = count }
            case "--no-rebuild-check": overrides.append { $0.custodyRebuildCheck = false }
            case "--scan-samples":
                let count = try Self.count(after: flag, in: &remaining, minimum: 1)
                overrides.append { $0.scanSamples = count }
            default:
                throw UsageError(message: "unknown argument \(flag)")
            }
        }
        var options = isQuick ? BenchOptions.quick : BenchOptions()
        for override in overrides { override(&options) }
        guard !options.parts.isEmpty else { throw UsageError(message: "--only and --skip leave nothing to run") }
        try options.validate()
        self = .benchmark(options)
    }

    private static func value(after flag: String, in arguments: inout ArraySlice<String>) throws -> String {
        guard let value = arguments.popFirst() else { throw UsageError(message: "\(flag) needs a value") }
        return value
    }

    /// A positive count; `_` and `,` may group digits, as in 1_000_000.
    private static func count(after flag: String, in arguments: inout ArraySlice<String>, minimum: Int) throws -> Int {
        let text = try value(after: flag, in: &arguments)
        guard let count = Int(text.filter { $0 != "_" && $0 != "," }), count >= minimum else {
            throw UsageError(message: "\(flag) needs a whole number of at least \(minimum), not \(text)")
        }
        return count
    }
}
