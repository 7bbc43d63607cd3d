import ChipReader
import CommandLineSupport
import LedgerPresentation
import PropertyLedger

/// `ledger chip bind OBJECT UID`, or `--scan` to take the UID of the next tag on a reader.
struct ChipBindCommand: LedgerCommand {
    static let spec = CommandSpec(
        "chip bind", arguments: "OBJECT [UID]",
        summary: Wording(zh: "为涉案财物或案卷绑定 RFID 芯片", en: "bind an RFID chip to an item or dossier"),
        writesEntry: true,
        options: [
            .flag(
                "scan",
                help: Wording(
                    zh: "读取下一枚放到读卡器上的芯片的 UID", en: "take the UID of the next tag that arrives on a reader")),
            Option(
                name: "reader", value: "NAME|stdin",
                help: Wording(zh: "与 --scan 同用：使用的读卡器", en: "with --scan: the reader to use")),
            Option(
                name: "timeout", value: "SECONDS",
                help: Wording(
                    zh: "与 --scan 同用：最多等待的秒数（默认 60）", en: "with --scan: give up after this long (default 60)")),
        ])

    enum Source: Equatable {
        case uid(String)
        case scan(reader: String?, timeoutSeconds: Int)
    }

    let object: String
    let source: Source

    init(parsing arguments: inout ArgumentReader) throws {
        object = try arguments.object()
        if arguments.flag("scan") {
            source = .scan(reader: arguments.take("reader"), timeoutSeconds: Int(try arguments.integer("timeout") ?? 60))
        } else {
            source = .uid(try arguments.positional("UID"))
        }
    }

    func run(in context: CommandContext) async throws {
        switch source {
        case .uid(let uid):
            try await context.recordAndReport(.bindChip(object: object, uid: uid))
        case .scan(let reader, let timeoutSeconds):
            if !context.json { Output.write(Catalogue.chipBind.presentTag.text(in: context.language, ["object": object]) + "\n") }
            let uid = try await TagInput.firstUID(from: TagInput.source(reader), within: timeoutSeconds)
            guard let uid else { throw LedgerError(.notFound, .noTagArrived(seconds: timeoutSeconds)) }
            try await context.recordAndReport(.bindChip(object: object, uid: uid.hex))
        }
    }
}
