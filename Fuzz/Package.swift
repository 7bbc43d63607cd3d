// swift-tools-version: 6.2
import PackageDescription

// libFuzzer's harness over the root package's FuzzTargets, in a package of its own so that the root's `swift build`
// never builds it: only `-sanitize=fuzzer` links libFuzzer's driver. `make fuzz` builds it (scripts/fuzz.sh).
let package = Package(
    name: "PropertyLedgerFuzz",
    // The repository itself, by path: no package from outside.
    dependencies: [.package(name: "PropertyLedger", path: "..")],
    targets: [
        // The declaration of LLVMFuzzerRunDriver (headers only, like the root's C library targets).
        .systemLibrary(name: "CFuzzerDriver"),
        .executableTarget(
            name: "ledger-fuzz", dependencies: ["CFuzzerDriver", .product(name: "FuzzTargets", package: "PropertyLedger")]),
    ],
    swiftLanguageModes: [.v6]
)
