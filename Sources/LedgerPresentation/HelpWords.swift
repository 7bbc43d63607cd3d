/// The fixed words of `ledger --help` and `ledger COMMAND --help`: headings, the usage line, the closing
/// lines. The commands' own summaries, options and notes are worded in each command's spec, beside it.
public struct HelpWords: CatalogueSection {
    /// The first line of `ledger --help`.
    public let tagline = Wording(
        zh: "ledger — 涉案财物与案卷保管台账",
        en: "ledger — the custody ledger for seized property and case dossiers")
    /// The usage line; `{command}` is a command with its arguments, or ``commandPlaceholder``.
    public let usage = Wording(zh: "用法：ledger {command} [选项]", en: "USAGE: ledger {command} [OPTIONS]")
    /// Where a command word goes in the top-level usage line.
    public let commandPlaceholder = Wording(zh: "命令", en: "COMMAND")
    public let commands = Wording(zh: "命令：", en: "COMMANDS:")
    /// A command's own options.
    public let options = Wording(zh: "选项：", en: "OPTIONS:")
    /// The options every command takes.
    public let globalOptions = Wording(zh: "通用选项（所有命令均可用）：", en: "OPTIONS (every command):")
    public let exitStatus = Wording(zh: "退出状态：", en: "EXIT STATUS:")
    public let objectForms = Wording(
        zh: "OBJECT 为涉案财物编号（P-…）、案卷编号（D-…）或 chip:UID。",
        en: "OBJECT is an item id (P-…), a dossier id (D-…) or chip:UID.")
    public let commandHelpHint = Wording(
        zh: "运行 `ledger 命令 --help` 查看该命令的选项。",
        en: "Run `ledger COMMAND --help` for a command's options.")
    /// The end of a command's help.
    public let exitStatusHint = Wording(zh: "退出状态见 `ledger --help`。", en: "Exit status: see `ledger --help`.")
    /// The first line of `ledger GROUP --help`.
    public let subcommands = Wording(zh: "ledger {group} — 子命令：", en: "ledger {group} — subcommands:")
    public let subcommandHelpHint = Wording(
        zh: "运行 `ledger {group} 子命令 --help` 查看其选项。",
        en: "Run `ledger {group} SUBCOMMAND --help` for its options.")
    /// A group's description where the completion scripts offer the first word of a command.
    public let groupSummary = Wording(zh: "{group} 的子命令", en: "{group} subcommands")
}

extension Catalogue {
    public static let help = HelpWords()
}
