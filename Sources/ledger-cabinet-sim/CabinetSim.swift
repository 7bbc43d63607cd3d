import Foundation

/// `ledger-cabinet-sim`: a simulated cabinet and its vendor's adapter on the command line, for `make demo` and
/// for trying the protocol by hand.
@main
enum CabinetSim {
    static func main() async {
        exit(await run(Array(CommandLine.arguments.dropFirst())))
    }

    static func run(_ arguments: [String]) async -> Int32 {
        let environment = SimulatorLanguage.from(environment: ProcessInfo.processInfo.environment)
        do {
            switch try SimulatorCommand.parse(arguments) {
            case .help:
                let language = arguments.firstIndex(of: "--lang").flatMap { index in
                    arguments.indices.contains(index + 1) ? SimulatorLanguage(rawValue: arguments[index + 1]) : nil
                }
                write(HelpText.text(in: language ?? environment), to: .standardOutput)
                return 0
            case .run(let options):
                let runner = ScenarioRunner(options: options, language: options.language ?? environment) { line in
                    write(line, to: .standardOutput)
                }
                return await runner.run()
            }
        } catch {
            write("ledger-cabinet-sim: \(error.message)", to: .standardError)
            return 64
        }
    }

    /// One line, written at once (not buffered), so the transcript shows each message as it happens.
    private static func write(_ line: String, to handle: FileHandle) {
        handle.write(Data((line + "\n").utf8))
    }
}
