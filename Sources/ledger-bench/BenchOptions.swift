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

    /// The size of the small log: a tenth of the large one, so the two memory figures are a decade apart.
    var smallEntries: Int64 { max(1, entries / 10) }

    /// A smoke run: small enough to finish in well under a minute, large enough for every code path.
    static let quick = BenchOptions(entries: 20_000, singleAppends: 500, batchSize: 1_000, batches: 5)
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
        usage: ledger-bench [--quick] [--entries N] [--crypto gm|intl] [--dir PATH] [--json] [--keep]
                            [--single N] [--batch-size N] [--batches N] [--build-batch N] [--samples N]

          --quick           smoke run: 20,000 entries, 500 single appends, 5 batches
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
            default:
                throw UsageError(message: "unknown argument \(flag)")
            }
        }
        var options = isQuick ? BenchOptions.quick : BenchOptions()
        for override in overrides { override(&options) }
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
