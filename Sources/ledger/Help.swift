import CommandLineSupport
import LedgerPresentation

/// `ledger --help`, `ledger GROUP --help` and `ledger COMMAND --help`, generated from the specs in
/// ``CommandRegistry``.
enum Help {
    static let version = "ledger 0.1.0 (PropertyLedger)"

    static func text(for command: String?) -> String {
        if let command, let type = CommandRegistry.named(command) { return text(for: type.spec) }
        if let command, CommandSpec.isGroup(command) {
            var lines = ["ledger \(command) — subcommands:", ""]
            for spec in CommandSpec.all where spec.name.hasPrefix(command + " ") {
                lines.append("  " + pad(spec.name + (spec.arguments.isEmpty ? "" : " " + spec.arguments), 28) + spec.summary)
            }
            lines += ["", "Run `ledger \(command) SUBCOMMAND --help` for its options."]
            return lines.joined(separator: "\n")
        }
        var lines = [
            "ledger — the custody ledger for seized property and case dossiers",
            "",
            "USAGE: ledger COMMAND [OPTIONS]",
            "",
            "COMMANDS:",
        ]
        for spec in CommandSpec.all {
            lines.append("  " + pad(spec.name + (spec.arguments.isEmpty ? "" : " " + spec.arguments), 28) + spec.summary)
        }
        lines += ["", "OPTIONS (every command):"]
        lines += CommandSpec.globalOptions.map(describe)
        lines += ["", "EXIT STATUS:"]
        lines += ExitStatus.allCases.map { "  " + pad(String($0.rawValue), 4) + $0.meaning }
        lines += [
            "", "OBJECT is an item id (P-…), a dossier id (D-…) or chip:UID.",
            "Run `ledger COMMAND --help` for a command's options.",
        ]
        return lines.joined(separator: "\n")
    }

    private static func text(for spec: CommandSpec) -> String {
        var lines = [
            "ledger \(spec.name) — \(spec.summary)",
            "",
            "USAGE: ledger \(spec.name)" + (spec.arguments.isEmpty ? "" : " \(spec.arguments)") + " [OPTIONS]",
        ]
        if !spec.options.isEmpty {
            lines += ["", "OPTIONS:"]
            lines += spec.options.map(describe)
        }
        lines += ["", "OPTIONS (every command):"]
        lines += CommandSpec.globalOptions.map(describe)
        if !spec.notes.isEmpty { lines += [""] + spec.notes }
        lines += ["", "Exit status: see `ledger --help`."]
        return lines.joined(separator: "\n")
    }

    private static func describe(_ option: Option) -> String {
        "  " + pad("--\(option.name)" + (option.value.map { " \($0)" } ?? ""), 34) + option.help
    }

    /// Aligned by display width, so that Chinese help lines up too.
    private static func pad(_ text: String, _ width: Int) -> String { padded(text, to: width) }
}
