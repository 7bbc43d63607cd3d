/// The reader commands: list readers, the clerk's scanning loop, stocktakes.
extension CommandSpec {
    private static let readerOption = Option(
        name: "reader", value: "NAME|stdin", help: "use the reader whose name contains NAME; `stdin` for a keyboard-wedge reader")
    private static let wedgeOption = Option(
        name: "wedge-format", value: "hex|decimal", help: "how the keyboard-wedge reader types UIDs (default: hex)")

    static let readerCommands: [CommandSpec] = [
        CommandSpec(
            "readers", summary: "list the PC/SC readers and what is on them",
            notes: ["Readers named `Virtual PCD …` (a test driver) are refused unless LEDGER_ALLOW_VIRTUAL_READERS=1."]),
        CommandSpec(
            "scan", summary: "the clerk's loop: show or act on every tag that arrives, until Ctrl-C",
            options: [
                readerOption,
                Option(name: "action", value: "show|checkin|return", help: "what to do with each tag (default: show)"),
                Option(name: "to", value: "LOCATION", help: "where to check in or return to (for checkin and return)"),
                Option(name: "condition", value: "TEXT", help: "the condition recorded on return (default: 完好)"),
                Option(name: "count", value: "N", help: "stop after N tags (for scripts)"),
                Option(name: "timing", value: nil, help: "with --json, add how long each tag took from detection to output (ms)"),
                wedgeOption,
            ],
            notes: [
                "A tag is acted on once per arrival. An unknown tag is reported with the command that binds it;",
                "a refused action says why and the loop goes on. With --json, one JSON object per event.",
            ]),
        CommandSpec(
            "audit", arguments: "LOCATION", summary: "stocktake: present every tag at LOCATION, then end the round",
            options: [
                readerOption,
                Option(name: "seconds", value: "N", help: "end the round after N seconds"),
                wedgeOption,
            ],
            notes: [
                "The round ends on Enter or Ctrl-C (or end of input with --reader stdin, or --seconds).",
                "The report lists found, missing, misplaced and unknown tags and is written to the log.",
            ]),
    ]
}
