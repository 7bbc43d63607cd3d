import Foundation
import Testing

/// `ledger-bench` reads its options with the same parser as `ledger` (CommandLineSupport): the built binary
/// refuses bad input with one line and exit status 1, before measuring anything.
struct BenchCommandLineCLITests {
    static func bench(_ arguments: [String]) throws -> CLITests.Result {
        try CLITests.ledgerLike(
            try CLITests.productsDirectory().appendingPathComponent("ledger-bench").path, arguments,
            in: FileManager.default.temporaryDirectory)
    }

    @Test func badOptionsAreRefusedWithTheSharedParsersMessages() throws {
        for (arguments, message) in [
            (["--nope"], "unknown option --nope"), (["--entries"], "--entries needs a value (N)"),
            (["--entries", "5"], "--entries needs a whole number of at least 10, not 5"),
            (["--crypto", "rsa"], "--crypto must be one of gm, intl, not \"rsa\""),
            (["--only", "log", "--only", "custody"], "--only is given twice"),
            (
                ["--skip", "log", "--skip", "custody", "--skip", "scan", "--skip", "render", "--skip", "signatures"],
                "--only and --skip leave nothing to run"
            ),
            (["--json=yes"], "--json takes no value"), (["extra"], "unexpected argument \"extra\""),
        ] {
            let result = try Self.bench(arguments)
            #expect(result.status == 1, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("ledger-bench: \(message)\n"), "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
        let help = try Self.bench(["-h"])
        #expect(help.status == 0)
        #expect(help.stdout.hasPrefix("usage: ledger-bench"))
    }
}
