/// What a command accepts: the single source for parsing and for `--help`.
struct CommandSpec {
    struct Option {
        let name: String
        /// The placeholder for the option's value, or nil for a flag.
        let value: String?
        let help: String
    }

    let name: String
    let arguments: String
    let summary: String
    let options: [Option]
    /// Extra lines after the options: alternative forms, notes.
    let notes: [String]

    init(_ name: String, arguments: String = "", summary: String, options: [Option] = [], notes: [String] = []) {
        self.name = name
        self.arguments = arguments
        self.summary = summary
        self.options = options
        self.notes = notes
    }

    func option(named name: String) -> Option? {
        (options + CommandSpec.globalOptions).first { $0.name == name }
    }

    /// Options every command accepts.
    static let globalOptions: [Option] = [
        Option(name: "store", value: "PATH", help: "the ledger store (default: $LEDGER_STORE, else \(StoreLocation.defaultDatabase))"),
        Option(
            name: "private-key", value: "PATH", help: "the site's private key (default: $LEDGER_PRIVATE_KEY, else the store path + .key)"),
        Option(name: "actor", value: "BADGE", help: "who is doing it, for commands that write (default: $LEDGER_ACTOR)"),
        Option(name: "json", value: nil, help: "print one JSON object instead of text"),
        Option(name: "help", value: nil, help: "show help for this command"),
    ]

    static let all: [CommandSpec] = logCommands + custodyCommands + readerCommands

    static let logCommands: [CommandSpec] = [
        CommandSpec(
            "init", summary: "create a new ledger store, its key pair and its first checkpoint",
            options: [
                Option(name: "agency-code", value: "CODE", help: "the agency code that prefixes every id (e.g. 370321)"),
                Option(name: "agency-name", value: "NAME", help: "the agency's name"),
                Option(name: "kind", value: "police|procuratorate|court", help: "what kind of agency runs this ledger"),
                Option(name: "crypto", value: "gm|intl", help: "gm: SM3 + SM2 (default); intl: SHA-256 + Ed25519"),
            ]),
        CommandSpec(
            "verify", summary: "audit the whole log: every entry, tree node, checkpoint and signature",
            notes: [
                "Exits 0 when everything holds, 1 with the first bad index otherwise, 8 when the log holds but the",
                "checkpoint file or the private key beside the store is missing or exposed (printed as WARNING lines).",
            ]),
        CommandSpec(
            "checkpoint", summary: "print the latest signed checkpoint, signing a new one if the log grew",
            options: [
                Option(name: "check", value: "FILE", help: "instead, check a checkpoint file offline (needs --key)"),
                Option(name: "key", value: "VKEYFILE", help: "the verifier key to check against (from `ledger key`)"),
            ],
            notes: ["ledger checkpoint --check FILE --key VKEYFILE   checks without any store"]),
        CommandSpec("key", summary: "print this log's public verifier key (C2SP verifier-key text) for other agencies"),
        CommandSpec(
            "prove", arguments: "INDEX", summary: "print a c2sp.org/tlog-proof@v1 receipt for entry INDEX",
            options: [
                Option(name: "size", value: "N", help: "prove against the checkpoint signed at size N (default: the latest)"),
                Option(name: "check", value: "RECEIPT", help: "instead, check a receipt offline (needs --entry and --key)"),
                Option(name: "entry", value: "FILE", help: "the entry's exact bytes (from `ledger entry`)"),
                Option(name: "key", value: "VKEYFILE", help: "the log's verifier key (from `ledger key`)"),
            ],
            notes: ["ledger prove --check RECEIPT --entry FILE --key VKEYFILE   checks without any store"]),
        CommandSpec(
            "entry", arguments: "INDEX", summary: "print entry INDEX's exact bytes, so others can check a receipt",
            notes: ["With --json, prints the bytes in base64 and, if they are UTF-8, as text."]),
    ]

    static func named(_ name: String) -> CommandSpec? { all.first { $0.name == name } }

    /// Commands with a second word (`officer add`) are grouped under their first.
    static func isGroup(_ word: String) -> Bool { all.contains { $0.name.hasPrefix(word + " ") } }
}
