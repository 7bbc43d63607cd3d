/// What the command line asks for: the help text, or a scenario to run.
enum SimulatorCommand: Equatable, Sendable {
    case help
    case run(SimulatorOptions)

    /// Parses `arguments` (without the program name): `--name VALUE` or `--name=VALUE`, in any order.
    static func parse(_ arguments: [String]) throws(SimulatorUsageError) -> SimulatorCommand {
        var values: [(name: String, value: String)] = []
        var flags: Set<String> = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            guard argument.hasPrefix("--") || argument == "-h" else {
                throw SimulatorUsageError("unexpected argument '\(argument)' (see --help)")
            }
            let word = argument == "-h" ? "help" : String(argument.dropFirst(2))
            let name = String(word.prefix { $0 != "=" })
            if SimulatorOptions.flags.contains(name) {
                guard name == word else { throw SimulatorUsageError("--\(name) takes no value") }
                flags.insert(name)
            } else if SimulatorOptions.valued.contains(name) {
                if name != word {
                    values.append((name, String(word.dropFirst(name.count + 1))))
                } else {
                    guard index < arguments.count else { throw SimulatorUsageError("--\(name) needs a value") }
                    values.append((name, arguments[index]))
                    index += 1
                }
            } else {
                throw SimulatorUsageError("unknown option --\(name) (see --help)")
            }
        }
        if flags.contains("help") { return .help }
        return .run(try SimulatorOptions(values: values, flags: flags))
    }
}
