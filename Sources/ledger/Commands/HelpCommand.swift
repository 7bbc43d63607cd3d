import CommandLineSupport
import LedgerPresentation

/// `ledger --help`, `ledger COMMAND --help`, `ledger GROUP --help` and `ledger help [COMMAND]`, in the
/// chosen language.
///
/// Not in the registry: the parser makes it from `--help` or the word `help`.
struct HelpCommand: LedgerCommand {
    static let spec = CommandSpec(
        "help", arguments: "[COMMAND]", summary: Wording(zh: "显示命令的帮助", en: "show help for a command"))

    let topic: String?

    init(topic: String?) {
        self.topic = topic
    }

    init(parsing arguments: inout ArgumentReader) throws {
        topic = arguments.positionals.isEmpty ? nil : arguments.positionals.joined(separator: " ")
        arguments.dropPositionals(arguments.positionals.count)
    }

    func run(in context: CommandContext) async throws {
        Output.write(Help.text(for: topic, in: context.language) + "\n")
    }
}
