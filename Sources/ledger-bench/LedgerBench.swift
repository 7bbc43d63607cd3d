import CommandLineSupport
import Foundation
import LedgerPresentation

/// The `ledger-bench` executable: measures the ledger store against raw SQLite and bare hashing, on one disk,
/// in one run, so the ratios are not skewed by comparing figures taken on different machines or days.
enum LedgerBench {
    /// Runs the command line and returns the exit status: 0 on success, 1 on a usage or benchmark error, 2 when
    /// an audit child finds the store not intact.
    ///
    /// `@concurrent` keeps the driver off the main actor, so timing an awaited store call measures one hop to
    /// the store's queue and back, not a detour through the main thread.
    @concurrent
    static func main(arguments: [String]) async -> Int32 {
        do {
            switch try BenchCommand(parsing: arguments) {
            case .help:
                print(BenchCommand.usage)
                return 0
            case .auditChild(let databasePath):
                return try await AuditChild.run(databasePath: databasePath)
            case .benchmark(let options):
                try await runBenchmark(options)
                return 0
            }
        } catch let error as ArgumentError {
            // The benchmark is a developer's tool with an English usage text: its errors are English too.
            Progress.log("ledger-bench: \(error.text(in: .en))\n\n\(BenchCommand.usage)")
            return 1
        } catch {
            Progress.log("ledger-bench: \(error)")
            return 1
        }
    }

    /// Runs every measurement in a fresh working directory, prints the report, and removes the directory
    /// (even when a measurement fails) unless `--keep` was given.
    private static func runBenchmark(_ options: BenchOptions) async throws {
        let workspace = try Workspace(parent: options.directory)
        defer {
            if options.keepFiles {
                Progress.log("kept the benchmark files in \(workspace.root)")
            } else {
                workspace.remove()
            }
        }
        Progress.log("working in \(workspace.root)")
        var benchmark = try Benchmark(options: options, workspace: workspace)
        let report = try await benchmark.run()
        print(options.printsJSON ? try report.json() : report.table())
    }
}
