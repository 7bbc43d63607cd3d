import CommandLineSupport
import LedgerPresentation
import PropertyLedger

/// `ledger item register`: registers a seized item and prints its new id.
/// Not a ``RecordingCommand``: what it records depends on the store's zone, known only when it runs.
struct ItemRegisterCommand: LedgerCommand {
    static let spec = CommandSpec(
        "item register",
        summary: Wording(zh: "登记扣押的涉案财物；输出其新编号", en: "register a seized item; prints its new id"),
        writesEntry: true,
        options: [
            Option(name: "case", value: "CASE", help: Wording(zh: "扣押该财物的案件", en: "the case it was seized in")),
            Option(name: "name", value: "NAME", help: Wording(zh: "物品名称", en: "what it is")),
            Option(name: "quantity", value: "N", help: Wording(zh: "数量（十进制数）", en: "how many (a decimal number)")),
            Option(name: "unit", value: "UNIT", help: Wording(zh: "计量单位（辆、部、克…）", en: "the unit (辆, 部, 克 …)")),
            Option(
                name: "seized-by", value: "BADGE,BADGE",
                help: Wording(zh: "扣押民警的警号：至少两名", en: "the seizing officers: at least two")),
            Option(name: "weight", value: "TEXT", help: Wording(zh: "重量", en: "its weight")),
            Option(name: "features", value: "TEXT", help: Wording(zh: "特征", en: "distinguishing features")),
            Option(name: "source", value: "TEXT", help: Wording(zh: "来源", en: "where it came from")),
            Option(
                name: "seized-at", value: "TIME",
                help: Wording(
                    zh: "扣押时间（见下文 TIME；默认：当前时间）", en: "when it was seized (see TIME below; default: now)")),
            Option(
                name: "photos", value: "SHA256,…",
                help: Wording(zh: "照片的 SHA-256 摘要", en: "SHA-256 digests of its photos")),
        ],
        notes: CommandSpec.timeNotes)

    /// The registration, its seizure time still unread (nil).
    let registration: ItemRegistration
    /// `--seized-at`, read in the store's zone when the command runs; none means now.
    let seizedAt: TypedTime?

    init(parsing arguments: inout ArgumentReader) throws {
        registration = ItemRegistration(
            caseNumber: try arguments.required("case"), name: try arguments.required("name"),
            quantity: try arguments.required("quantity"), unit: try arguments.required("unit"), weight: arguments.take("weight"),
            features: arguments.take("features"), source: arguments.take("source"), seizedAt: nil,
            seizedBy: arguments.list(try arguments.required("seized-by")), photos: arguments.list(arguments.take("photos") ?? ""))
        seizedAt = try arguments.time("seized-at")
    }

    /// The registration, its seizure time read in `agency`'s zone.
    func custodyCommand(for agency: Agency) -> CustodyCommand {
        var registration = registration
        registration.seizedAt = seizedAt?.date(in: agency.timeZone)
        return .registerItem(registration)
    }

    func run(in context: CommandContext) async throws {
        try await context.recordAndReport(custodyCommand(for:))
    }
}
