import CommandLineSupport
import LedgerPresentation

/// `ledger --version`. Not in the registry: the parser makes it from `--version` before any command.
struct VersionCommand: LedgerCommand {
    static let spec = CommandSpec("--version", summary: Wording(zh: "显示版本号", en: "print the version"))

    init() {}

    init(parsing arguments: inout ArgumentReader) throws {}

    func run(in context: CommandContext) async throws {
        Output.write(Help.version + "\n")
    }
}
