import CommandLineSupport

/// `ledger completion bash|zsh`: prints a completion script generated from the registry.
struct CompletionCommand: LedgerCommand {
    enum Shell: String, CaseIterable {
        case bash, zsh
    }

    static let spec = CommandSpec(
        "completion", arguments: "bash|zsh", summary: "print a shell completion script for commands, options and their values",
        notes: [
            "bash: source <(ledger completion bash)   (or save it as /etc/bash_completion.d/ledger)",
            "zsh:  save it as _ledger in a directory on $fpath, or after compinit: source <(ledger completion zsh)",
        ],
        argumentChoices: Shell.allCases.map(\.rawValue))

    let shell: Shell

    init(shell: Shell) {
        self.shell = shell
    }

    init(parsing arguments: inout ArgumentReader) throws {
        shell = try arguments.choice(positional: "SHELL", Shell.self)
    }

    func run(in context: CommandContext) async throws {
        let specs = CommandSpec.all
        Output.write(shell == .bash ? CompletionScript.bash(specs) : CompletionScript.zsh(specs))
    }
}
