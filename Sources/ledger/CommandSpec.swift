import ChipReader
import CommandLineSupport

/// What a command accepts and how `--help` and the completion scripts show it.
struct CommandSpec: Sendable {
    /// One word (`verify`) or a group and a subcommand (`officer add`).
    let name: String
    /// The positionals, as usage shows them (`OBJECT [UID]`).
    let arguments: String
    let summary: String
    /// The command's own options; `--dry-run` is added for a command that writes an entry.
    let options: [Option]
    /// Extra lines after the options: alternative forms, notes.
    let notes: [String]
    /// Whether the command records a custody entry, and so takes `--dry-run`.
    let writesEntry: Bool
    /// Values the shell may complete for the first positional (`completion bash|zsh`).
    let argumentChoices: [String]

    init(
        _ name: String, arguments: String = "", summary: String, writesEntry: Bool = false, options: [Option] = [],
        notes: [String] = [], argumentChoices: [String] = []
    ) {
        self.name = name
        self.arguments = arguments
        self.summary = summary
        self.writesEntry = writesEntry
        self.options = options + (writesEntry ? [Self.dryRunOption] : [])
        self.notes = notes
        self.argumentChoices = argumentChoices
    }

    /// Options every command accepts.
    static let globalOptions: [Option] = [
        Option(name: "store", value: "PATH", help: "the ledger store (default: $LEDGER_STORE, else \(StoreLocation.defaultDatabase))"),
        Option(
            name: "private-key", value: "PATH", help: "the site's private key (default: $LEDGER_PRIVATE_KEY, else the store path + .key)"),
        Option(name: "actor", value: "BADGE", help: "who is doing it, for commands that write (default: $LEDGER_ACTOR)"),
        Option(
            name: "lang", value: "zh|en",
            help: "the language shown (default: $LEDGER_LANG, else LC_ALL, LC_MESSAGES, LANG; Chinese when none is set)"),
        .flag("json", help: "print one JSON object instead of text"),
        .flag("help", help: "show help for this command"),
    ]

    static let dryRunOption = Option.flag(
        "dry-run", help: "check it under the rules and print what would be recorded; write nothing")

    /// `--case CASE`, for the commands that move an object.
    static let caseOption = Option(name: "case", value: "CASE", help: "refuse unless OBJECT belongs to this case")

    /// Every TIME argument goes through `Timestamp.parse`; times are shown back in China time.
    static let timeNotes = [
        "TIME: ISO 8601 with an offset (2026-12-20T12:00:00+08:00, …Z, …+0800), a local time meaning China",
        "time, UTC+8 (2026-12-20T12:00, 2026-12-20 12:00:00), or a date meaning the end of that day (23:59:59).",
    ]

    /// `--reader`, for the commands that read tags.
    static let readerOption = Option(
        name: "reader", value: "NAME|stdin", help: "use the reader whose name contains NAME; `stdin` for a keyboard-wedge reader")

    /// `--wedge-format`, for the commands that read a keyboard-wedge reader.
    static let wedgeOption = Option.choice(
        "wedge-format", KeyboardWedgeSource.Format.self, help: "how the keyboard-wedge reader types UIDs (default: hex)")

    /// `ledger --version`, before any command.
    static let versionOption = Option.flag("version", help: "print the version")

    /// Every command's spec, in the registry's order.
    static var all: [CommandSpec] { CommandRegistry.all.map { $0.spec } }

    /// Commands with a second word (`officer add`) are grouped under their first.
    static func isGroup(_ word: String) -> Bool { all.contains { $0.name.hasPrefix(word + " ") } }
}
