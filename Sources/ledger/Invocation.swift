import CommandLineSupport
import LedgerPresentation
import PropertyLedger

/// A parsed command line: the command to run and the options every command shares.
struct Invocation {
    var command: any LedgerCommand
    var context: CommandContext

    init(command: any LedgerCommand, context: CommandContext = CommandContext()) {
        self.command = command
        self.context = context
    }

    /// Parses `arguments` (without the program name).
    ///
    /// Options are `--name VALUE` or `--name=VALUE` and may come before or after the command; `--` ends
    /// option parsing. The first word names the command, or its group and the second word the command
    /// (`officer add`).
    init(parsing arguments: [String]) throws {
        do {
            try self.init(reading: arguments)
            // Help runs without the shared options, but in the language `--lang` chooses.
            if command is HelpCommand { context.language = Self.helpLanguage(arguments) }
        } catch let error as ArgumentError {
            throw UsageError(error)
        }
    }

    func run() async throws {
        try await command.run(in: context)
    }

    private init(reading arguments: [String]) throws {
        var reader = try ArgumentReader(parsing: arguments, program: "ledger", scope: Self.scope)
        let wantsHelp = reader.flag("help")
        // `--version` is an option only before any command word (see `scope`).
        if reader.flag("version") {
            self.init(command: VersionCommand())
            return
        }
        guard let words = Self.commandWords(reader.positionals) else {
            // `ledger --help` asks for help; a bare `ledger` is a command line without its command.
            guard wantsHelp else { throw UsageError(.noCommand, help: .general, showsUsage: true) }
            self.init(command: HelpCommand(topic: nil))
            return
        }
        reader.dropPositionals(words.count)
        let name = words.name
        if name == "help" {
            self.init(command: HelpCommand(topic: reader.positionals.isEmpty ? nil : reader.positionals.joined(separator: " ")))
            return
        }
        guard let type = CommandRegistry.named(name) else {
            if CommandSpec.isGroup(name) {
                guard wantsHelp else { throw UsageError(.groupNeedsSubcommand(name), help: .command(name)) }
                self.init(command: HelpCommand(topic: name))
                return
            }
            let first = String(name.split(separator: " ")[0])
            throw UsageError(.unknownCommand(name), help: CommandSpec.isGroup(first) ? .command(first) : .general)
        }
        if wantsHelp {
            self.init(command: HelpCommand(topic: name))
            return
        }
        if reader.contains("dry-run") && !type.spec.writesEntry {
            throw UsageError(.dryRunNotRecording(name), help: .command(name))
        }
        let command = try type.init(parsing: &reader)
        let context = try CommandContext(taking: &reader)
        try reader.requireAllUsed()
        self.init(command: command, context: context)
    }

    /// The language `--lang` chooses for help, else the environment's, else the store's default; a value that
    /// names no language counts as none (help does not refuse it).
    private static func helpLanguage(_ arguments: [String]) -> Language {
        var reader = try? ArgumentReader(parsing: arguments, program: "ledger", scope: scope)
        let flag = reader?.take("lang").flatMap { Language(rawValue: $0)?.rawValue }
        return CommandContext.language(flag: flag, arguments: arguments)
    }

    /// The options valid after `positionals`: every command's, plus those of the command they name.
    private static func scope(_ positionals: [String]) -> OptionScope {
        guard let words = commandWords(positionals) else {
            return OptionScope(options: CommandSpec.globalOptions + [CommandSpec.versionOption])
        }
        let own = CommandRegistry.named(words.name)?.spec.options ?? []
        return OptionScope(command: words.name, options: own + CommandSpec.globalOptions + [CommandSpec.dryRunOption])
    }

    /// The command the leading positionals name (`verify`, `officer add`, or a group alone) and how many
    /// words it takes. A word that is both a command and a group (`checkout`, `checkout extend`) names the
    /// subcommand when the next word is one, else the command itself (its first positional follows).
    private static func commandWords(_ positionals: [String]) -> (name: String, count: Int)? {
        guard let first = positionals.first else { return nil }
        if positionals.count > 1, CommandSpec.isGroup(first) {
            let pair = first + " " + positionals[1]
            if CommandRegistry.named(first) == nil || CommandRegistry.named(pair) != nil { return (pair, 2) }
        }
        return (first, 1)
    }
}

extension Invocation: Equatable {
    static func == (lhs: Invocation, rhs: Invocation) -> Bool {
        lhs.context == rhs.context && lhs.command.isEqual(to: rhs.command)
    }
}

extension LedgerCommand {
    /// Whether `other` is the same command with the same arguments.
    func isEqual(to other: any LedgerCommand) -> Bool {
        (other as? Self) == self
    }
}
