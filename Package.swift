// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "PropertyLedger",
    products: [
        .library(name: "PropertyLedger", targets: ["PropertyLedger"]),
        .library(name: "ChipReader", targets: ["ChipReader"]),
        .library(name: "LedgerPresentation", targets: ["LedgerPresentation"]),
        .library(name: "DossierVault", targets: ["DossierVault"]),
        .executable(name: "ledger", targets: ["ledger"]),
        // For the fuzzer's own package (Fuzz/Package.swift), which builds outside this graph with libFuzzer.
        .library(name: "FuzzTargets", targets: ["FuzzTargets"]),
    ],
    targets: [
        // C libraries, each through its own system-library target (headers and link flags only).
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "COpenSSL", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CPCSCLite", pkgConfig: "libpcsclite", providers: [.apt(["libpcsclite-dev"])]),
        .systemLibrary(name: "CQREncode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        .systemLibrary(name: "CFreeType", pkgConfig: "freetype2", providers: [.apt(["libfreetype-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

        // The domain, the SQLite store and the verifiable custody log.
        .target(name: "PropertyLedger", dependencies: ["CSQLite", "COpenSSL", "Locking"]),

        // State shared between threads behind a lock ThreadSanitizer can see (Synchronization.Mutex it cannot, on Linux),
        // and results handed from a thread to a waiting task in an order it can see.
        .target(name: "Locking"),

        // RFID tags through PC/SC readers (and keyboard-wedge readers on standard input).
        .target(name: "ChipReader", dependencies: ["CPCSCLite", "Locking"]),

        // Command-line parsing shared by `ledger` and `ledger-bench`: options, positionals, one-line errors.
        .target(name: "CommandLineSupport", dependencies: ["LedgerPresentation"]),

        // What people read, in Chinese or English: the wording of reasons, the language setting; shared by the
        // CLI and, later, the bulletin and labels.
        .target(name: "LedgerPresentation", dependencies: ["PropertyLedger", "ChipReader"]),

        // The rules above custody: policy, deadlines with colour grades, the one-month rule to central storage,
        // the daily bulletin; a module on PropertyLedger's extension points.
        .target(name: "DossierVault", dependencies: ["PropertyLedger", "LedgerPresentation", "CabinetLink"]),

        // Exchanges between agencies' ledgers: the peers, and the witness of their logs (C2SP tlog-witness);
        // a module on PropertyLedger's extension points.
        .target(name: "WitnessHTTP", dependencies: ["Locking"]),

        .target(name: "Transfers", dependencies: ["PropertyLedger", "LedgerPresentation", "DossierVault"]),

        // Labels: templates laid out on a printer's dot grid, written as SVG, ZPL II and 1-bit PNG; our own Code 128,
        // the QR matrix from libqrencode, Chinese text rasterised by FreeType, PNG deflated by zlib. Knows nothing of
        // the ledger: the CLI gives it a template and the values to fill.
        .target(name: "LabelRenderer", dependencies: ["CQREncode", "CFreeType", "CZlib"]),

        // The `ledger` command-line tool: a thin layer over the libraries.
        .executableTarget(
            name: "ledger",
            dependencies: [
                "PropertyLedger", "ChipReader", "CommandLineSupport", "LedgerPresentation", "DossierVault", "CabinetLink", "Transfers",
                "WitnessHTTP", "LabelRenderer", "Locking",
            ]),

        // Benchmarks against raw SQLite and bare hashing in the same run.
        .executableTarget(
            name: "ledger-bench",
            dependencies: [
                "PropertyLedger", "ChipReader", "CommandLineSupport", "LedgerPresentation", "DossierVault", "CSQLite", "COpenSSL",
                "PCSCTestSupport", "CabinetLink", "CabinetSimulator", "Transfers", "LabelRenderer", "Locking",
            ]),

        // The cabinet protocol's transports: JSON Lines framing, the stdin/stdout hook, the Unix socket daemon
        // with SO_PEERCRED. Bytes and lines only; what the lines mean is the handler's (DossierVault's) business.
        .target(name: "CabinetLink", dependencies: ["Locking"]),

        // A test helper: appends in a loop and acknowledges each append on stdout, to be killed by the crash test.
        .executableTarget(name: "ledger-append-loop", dependencies: ["PropertyLedger"]),

        // A cabinet vendor's adapter in Swift: speaks protocol v1 with noisy reads, knows nothing of the ledger's code.
        .target(name: "CabinetSimulator", dependencies: ["Locking"]),
        // The simulator on the command line: scripted cabinet sessions against `ledger cabinet hook` (make demo).
        .executableTarget(name: "ledger-cabinet-sim", dependencies: ["CabinetSimulator"]),

        // Every parser of outside input behind one signature, with the properties its answers keep: run by libFuzzer
        // from Fuzz/ (make fuzz) and replayed over the committed inputs by FuzzTargetsTests.
        .target(
            name: "FuzzTargets",
            dependencies: [
                "PropertyLedger", "LedgerPresentation", "DossierVault", "CabinetLink", "Transfers", "WitnessHTTP", "LabelRenderer",
            ]),

        .testTarget(
            name: "PropertyLedgerTests", dependencies: ["PropertyLedger", "ledger-append-loop"],
            // Known-answer vectors, read through #filePath rather than bundled (Bundle.module is fragile on Linux).
            exclude: ["Fixtures"]),
        // The PC/SC test rig's Swift side: the virtual tag and the private pcscd, for tests and the benchmark.
        .target(name: "PCSCTestSupport", path: "Tests/PCSCTestSupport"),

        .testTarget(name: "CommandLineSupportTests", dependencies: ["CommandLineSupport", "LedgerPresentation"]),
        .testTarget(name: "LedgerPresentationTests", dependencies: ["LedgerPresentation", "PropertyLedger", "ChipReader"]),
        .testTarget(
            name: "DossierVaultTests", dependencies: ["DossierVault", "PropertyLedger", "LedgerPresentation", "Locking"],
            // The bulletin's golden files, read through #filePath like PropertyLedgerTests' fixtures.
            exclude: ["Golden"]),
        .testTarget(name: "CabinetSimulatorTests", dependencies: ["CabinetSimulator", "ledger-cabinet-sim", "Locking"]),
        .testTarget(name: "CabinetLinkTests", dependencies: ["CabinetLink", "Locking"]),
        .testTarget(name: "WitnessHTTPTests", dependencies: ["WitnessHTTP", "Locking"]),
        .testTarget(name: "LockingTests", dependencies: ["Locking"]),
        // The label tests' independent checks: zbarimg, rsvg-convert and zint as processes, a ZPL reader of our own.
        .target(name: "LabelTestSupport", dependencies: ["LabelRenderer", "CZlib"], path: "Tests/LabelTestSupport"),
        .testTarget(name: "LabelRendererTests", dependencies: ["LabelRenderer", "LabelTestSupport"]),
        .testTarget(name: "TransfersTests", dependencies: ["Transfers", "PropertyLedger", "LedgerPresentation", "DossierVault"]),
        // Fuzz/Corpus and Fuzz/Regressions, read through #filePath, through the fuzz targets without a sanitizer.
        .testTarget(name: "FuzzTargetsTests", dependencies: ["FuzzTargets"]),
        .testTarget(name: "ChipReaderTests", dependencies: ["ChipReader", "CPCSCLite", "PCSCTestSupport", "Locking"]),
        .testTarget(
            name: "LedgerCLITests",
            dependencies: [
                "ledger", "ledger-bench", "PropertyLedger", "ChipReader", "CommandLineSupport", "LedgerPresentation", "DossierVault",
                "PCSCTestSupport", "CabinetSimulator", "ledger-cabinet-sim", "LabelRenderer", "LabelTestSupport", "Locking",
            ],
            // What the demo's commands print, compared with files read through #filePath.
            exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)

for target in package.targets where target.type != .system {
    target.swiftSettings =
        (target.swiftSettings ?? []) + [
            .enableUpcomingFeature("ExistentialAny"),
            .enableUpcomingFeature("MemberImportVisibility"),
            .enableUpcomingFeature("InternalImportsByDefault"),
            .enableUpcomingFeature("NonisolatedNonsendingByDefault"),
        ]
}
