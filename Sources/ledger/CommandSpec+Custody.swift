/// The custody commands: officers, locations, cases, items, dossiers, chips, custody moves and queries.
extension CommandSpec {
    private static let caseOption = Option(name: "case", value: "CASE", help: "refuse unless OBJECT belongs to this case")
    /// Every TIME argument goes through `Timestamp.parse`; times are shown back in China time.
    private static let timeNotes = [
        "TIME: ISO 8601 with an offset (2026-12-20T12:00:00+08:00, …Z, …+0800), a local time meaning China",
        "time, UTC+8 (2026-12-20T12:00, 2026-12-20 12:00:00), or a date meaning the end of that day (23:59:59).",
    ]

    static let custodyCommands: [CommandSpec] = [
        CommandSpec(
            "officer add", arguments: "BADGE", summary: "add an officer (the first must be a supervisor, added without --actor)",
            options: [
                Option(name: "name", value: "NAME", help: "the officer's name"),
                Option(name: "role", value: "clerk|officer|supervisor", help: "what the officer may do"),
                Option(name: "unit", value: "UNIT", help: "the officer's unit (e.g. 刑侦大队)"),
            ]),
        CommandSpec("officer list", summary: "list officers"),
        CommandSpec(
            "officer retire", arguments: "BADGE", summary: "retire an officer: a retired officer can do nothing",
            options: [
                Option(name: "reason", value: "TEXT", help: "why"),
                Option(
                    name: "override-holdings", value: nil,
                    help: "retire even though the officer still holds checked-out objects (needs --reason; the entry lists them)"),
            ],
            notes: [
                "The last active supervisor cannot be retired: add another supervisor first.",
                "What a retired officer still holds can be returned as usual (`ledger return`, --by defaults to the holder).",
            ]),
        CommandSpec(
            "location add", arguments: "CODE", summary: "add a location (site → room → cabinet → slot or shelf)",
            options: [
                Option(name: "kind", value: "site|room|cabinet|slot|shelf", help: "what kind of place"),
                Option(name: "name", value: "NAME", help: "its name (e.g. 智能柜01)"),
                Option(name: "parent", value: "CODE", help: "the location it is in"),
                Option(name: "central", value: nil, help: "central storage of the case management centre (案管中心)"),
            ]),
        CommandSpec("location list", summary: "list locations"),
        CommandSpec(
            "case open", arguments: "NUMBER", summary: "open a case",
            options: [
                Option(name: "kind", value: "criminal|administrative", help: "刑事 or 行政"),
                Option(name: "title", value: "TITLE", help: "the case title (e.g. 自行车被盗案)"),
                Option(name: "property-crime", value: nil, help: "a property crime (侵财类)"),
            ]),
        CommandSpec(
            "case progress", arguments: "NUMBER", summary: "record substantive progress (实质性进展)",
            options: [Option(name: "note", value: "TEXT", help: "what happened")]),
        CommandSpec(
            "case solve", arguments: "NUMBER", summary: "mark a case solved", options: [Option(name: "note", value: "TEXT", help: "a note")]
        ),
        CommandSpec(
            "case close", arguments: "NUMBER", summary: "close a case (supervisor)",
            options: [Option(name: "note", value: "TEXT", help: "a note")]),
        CommandSpec("case show", arguments: "NUMBER", summary: "show a case and its items and dossiers"),
        CommandSpec(
            "item register", summary: "register a seized item; prints its new id",
            options: [
                Option(name: "case", value: "CASE", help: "the case it was seized in"),
                Option(name: "name", value: "NAME", help: "what it is"),
                Option(name: "quantity", value: "N", help: "how many (a decimal number)"),
                Option(name: "unit", value: "UNIT", help: "the unit (辆, 部, 克 …)"),
                Option(name: "seized-by", value: "BADGE,BADGE", help: "the seizing officers: at least two"),
                Option(name: "weight", value: "TEXT", help: "its weight"),
                Option(name: "features", value: "TEXT", help: "distinguishing features"),
                Option(name: "source", value: "TEXT", help: "where it came from"),
                Option(name: "seized-at", value: "TIME", help: "when it was seized (see TIME below; default: now)"),
                Option(name: "photos", value: "SHA256,…", help: "SHA-256 digests of its photos"),
            ],
            notes: timeNotes),
        CommandSpec(
            "dossier register", summary: "register a dossier volume; prints its new id",
            options: [
                Option(name: "case", value: "CASE", help: "the case"),
                Option(name: "volume", value: "N", help: "this volume's number"),
                Option(name: "volumes", value: "N", help: "how many volumes the dossier has"),
                Option(name: "pages", value: "N", help: "pages in this volume"),
                Option(name: "title", value: "TEXT", help: "a title"),
            ]),
        CommandSpec(
            "chip bind", arguments: "OBJECT [UID]", summary: "bind an RFID chip to an item or dossier",
            options: [
                Option(name: "scan", value: nil, help: "take the UID of the next tag that arrives on a reader"),
                Option(name: "reader", value: "NAME|stdin", help: "with --scan: the reader to use"),
                Option(name: "timeout", value: "SECONDS", help: "with --scan: give up after this long (default 60)"),
            ]),
        CommandSpec(
            "chip replace", arguments: "OBJECT UID", summary: "replace an object's chip",
            options: [Option(name: "reason", value: "TEXT", help: "why (damaged, lost …)")]),
        CommandSpec(
            "checkin", arguments: "OBJECT", summary: "put a newly registered object into storage",
            options: [Option(name: "to", value: "LOCATION", help: "where it is stored"), caseOption]),
        CommandSpec(
            "checkout", arguments: "OBJECT", summary: "issue an object to an officer for case work (调用)",
            options: [
                Option(name: "to", value: "BADGE", help: "the officer who takes it"),
                Option(name: "reason", value: "interrogation|appraisal|identification|examination|court|other", help: "why"),
                Option(name: "approved-by", value: "BADGE", help: "the approving supervisor (not the recipient)"),
                Option(name: "due", value: "TIME", help: "when it is due back (see TIME below)"),
                Option(name: "note", value: "TEXT", help: "a note"),
                caseOption,
            ],
            notes: timeNotes),
        CommandSpec(
            "return", arguments: "OBJECT", summary: "take a checked-out object back into storage",
            options: [
                Option(name: "to", value: "LOCATION", help: "where it is stored"),
                Option(name: "condition", value: "TEXT", help: "the condition found (完好, 破损 …)"),
                Option(name: "by", value: "BADGE", help: "who brings it (default: the holder)"),
                caseOption,
            ]),
        CommandSpec(
            "move", arguments: "OBJECT", summary: "move a stored object to another location",
            options: [
                Option(name: "to", value: "LOCATION", help: "the new location"), Option(name: "reason", value: "TEXT", help: "why"),
                caseOption,
            ]),
        CommandSpec(
            "dispose", arguments: "OBJECT", summary: "dispose of an item (never a dossier), with a supervisor's approval",
            options: [
                Option(name: "method", value: "returned-to-owner|confiscated|destroyed|auctioned", help: "how"),
                Option(name: "approved-by", value: "BADGE", help: "the approving supervisor"),
                Option(name: "recipient", value: "NAME", help: "the owner or proxy (for returned-to-owner; never an officer)"),
                Option(name: "note", value: "TEXT", help: "a note"),
                caseOption,
            ]),
        CommandSpec(
            "correct", arguments: "INDEX", summary: "correct a field of entry INDEX: a new entry keeps the old value and the reason",
            options: [
                Option(name: "field", value: "FIELD", help: "the field to correct (e.g. features, quantity, name)"),
                Option(name: "value", value: "TEXT", help: "the corrected value"),
                Option(name: "reason", value: "TEXT", help: "why"),
            ]),
        CommandSpec("show", arguments: "OBJECT", summary: "show an item or dossier: what it is, where it is, who holds it"),
        CommandSpec(
            "history", arguments: "OBJECT", summary: "the chain of custody of an item or dossier, each entry with its log index",
            options: [Option(name: "proof", value: nil, help: "add an inclusion proof per entry against the latest checkpoint")]),
        CommandSpec("where", arguments: "UID", summary: "where the object with this chip is"),
        CommandSpec(
            "list", summary: "list items and dossiers",
            options: [
                Option(name: "case", value: "CASE", help: "of this case"),
                Option(name: "location", value: "CODE", help: "at this location or below it"),
                Option(name: "status", value: "registered|in-storage|checked-out|disposed", help: "in this state"),
                Option(name: "holder", value: "BADGE", help: "held by this officer"),
                Option(name: "kind", value: "item|dossier", help: "only items or only dossiers"),
                Option(name: "overdue", value: nil, help: "only check-outs past their due time"),
                Option(name: "limit", value: "N", help: "at most N (default 10000)"),
            ]),
        CommandSpec(
            "export", summary: "export objects (default) or log entries as CSV or JSON Lines",
            options: [
                Option(name: "entries", value: nil, help: "export the log's entries instead of the objects"),
                Option(name: "format", value: "csv|jsonl", help: "the format (default: jsonl)"),
                Option(name: "bom", value: nil, help: "with --format csv, start with a UTF-8 byte-order mark (for spreadsheets)"),
            ],
            notes: [
                "Export is a stream: JSON Lines, one object per line, is its JSON form, so --json changes nothing and",
                "cannot be combined with --format csv. Times are the stored UTC values. In CSV, a field that starts",
                "with =, +, -, @, tab or carriage return is prefixed with ' and quoted, so no spreadsheet runs it.",
            ]),
        CommandSpec(
            "rebuild", summary: "recompute the projections from the log and report any difference",
            options: [Option(name: "check", value: nil, help: "compare only (required: projections are never rewritten in place)")]),
    ]
}
