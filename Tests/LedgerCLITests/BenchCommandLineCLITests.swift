import Foundation
import Testing

/// `ledger-bench` reads its options with the same parser as `ledger` (CommandLineSupport): the built binary
/// refuses bad input with one line and exit status 1, before measuring anything.
@Suite(.offThePool)
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
                [
                    "--skip", "log", "--skip", "custody", "--skip", "scan", "--skip", "render", "--skip", "signatures", "--skip",
                    "transfers", "--skip", "labels",
                ],
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

    /// The transfers part runs end to end on a small transfer (the debug build: its figures mean nothing, only that
    /// the part works, so `make bench` does not find it broken).
    @Test func theTransfersPartRunsOnASmallTransfer() throws {
        let result = try Self.bench(["--only", "transfers", "--transfer-objects", "20", "--json"])
        #expect(result.status == 0 || result.status == 2, "\(result.stderr)")  // 2: a target missed, which debug may
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stderr)")
        let keys = (report["results"] as? [[String: Any]])?.compactMap { $0["key"] as? String }
        #expect(keys == ["transferCreate", "transferReceive"], "\(result.stdout)")
    }

    /// The labels part runs end to end on a small case, in the debug build (figures meaningless, as above).
    @Test func theLabelsPartRunsOnASmallCase() throws {
        let result = try Self.bench(["--only", "labels", "--label-objects", "10", "--json"])
        #expect(result.status == 0 || result.status == 2, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stderr)")
        let keys = (report["results"] as? [[String: Any]])?.compactMap { $0["key"] as? String }
        #expect(keys == ["labels-svg", "labels-zpl", "labels-png"], "\(result.stdout)")
    }
}
