/// A command line the simulator cannot run: exit status 64 (EX_USAGE), with a one-line message.
struct SimulatorUsageError: Error, Equatable, CustomStringConvertible {
    var message: String

    init(_ message: String) {
        self.message = message
    }

    var description: String { message }
}
