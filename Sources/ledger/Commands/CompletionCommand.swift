import CommandLineSupport
import LedgerPresentation

/// `ledger completion bash|zsh`: prints a completion script generated from the registry; zsh's describes the
/// commands and options in the chosen language.
struct CompletionCommand: LedgerCommand {
    enum Shell: String, CaseIterable {
        case bash, zsh
    }

    static let spec = CommandSpec(
        "completion", arguments: "bash|zsh",
        summary: Wording(
            zh: "输出 shell 补全脚本，补全命令、选项及其取值",
            en: "print a shell completion script for commands, options and their values"),
        notes: [
            Wording(
                zh: "bash：source <(ledger completion bash)（或保存为 /etc/bash_completion.d/ledger）",
                en: "bash: source <(ledger completion bash)   (or save it as /etc/bash_completion.d/ledger)"),
            Wording(
                zh: "zsh：保存为 $fpath 中某个目录下的 _ledger，或在 compinit 之后执行 source <(ledger completion zsh)",
                en: "zsh:  save it as _ledger in a directory on $fpath, or after compinit: source <(ledger completion zsh)"),
            Wording(
                zh: "脚本中选项和命令的说明使用生成脚本时选定的语言（--lang）。",
                en: "The script describes commands and options in the language chosen when it is generated (--lang)."),
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
        Output.write(shell == .bash ? CompletionScript.bash(specs) : CompletionScript.zsh(specs, in: context.language))
    }
}
