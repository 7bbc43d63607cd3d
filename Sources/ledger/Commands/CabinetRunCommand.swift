import CommandLineSupport
import DossierVault
import Foundation
import LedgerPresentation
import PropertyLedger

/// `ledger cabinet run CABINET --slot CODE="READER NAME" …`: a cabinet built from desktop PC/SC readers, one or
/// more per slot, with the clerk typing the door events — the ledger's own adapter, speaking protocol v1 to the
/// cabinet service in this process (``CabinetAdapter``).
struct CabinetRunCommand: LedgerCommand {
    static let spec = CommandSpec(
        "cabinet run", arguments: "CABINET",
        summary: Wording(
            zh: "由 PC/SC 读卡器组成的智能柜：每格一台读卡器，开关门由键盘输入",
            en: "a cabinet of PC/SC readers, one per slot, its door events typed"),
        options: [
            Option(
                name: "slot", value: "CODE=READER",
                help: Wording(
                    zh: "格位 CODE 用读卡器 READER（名称与 `ledger readers` 所列完全一致）；每个格位都须给出，"
                        + "一个格位可给出多台读卡器",
                    en: "slot CODE is read by READER (its name exactly as `ledger readers` lists it); every slot of the "
                        + "cabinet needs one, a slot may have several"),
                isRepeatable: true),
            Option(
                name: "badge", value: "BADGE",
                help: Wording(
                    zh: "启动时即为警号 BADGE 申请开柜，如同第一行输入 `authorize BADGE`",
                    en: "authorize BADGE at start, as a first line `authorize BADGE` would")),
            Option(
                name: "card-reader", value: "READER",
                help: Wording(
                    zh: "在读卡器 READER 上刷警务卡即申请开柜（如同输入 `authorize card UID`）",
                    en: "a police IC card presented on READER asks to open the cabinet (as `authorize card UID` does)")),
            Option(
                name: "round-interval", value: "SECONDS",
                help: Wording(
                    zh: "关门后两轮盘点之间的秒数（默认：1；0.1 至 60）", en: "seconds between inventory rounds after the door closed (default: 1; 0.1 to 60)")
            ),
            .flag(
                "patrol",
                help: Wording(
                    zh: "只做一次巡检（不开门的盘点），核对完毕后退出", en: "run one patrol (an inventory with no door session) and exit")),
        ],
        notes: [
            Wording(
                zh: "每个格位是一台或几台 PC/SC 读卡器，放在上面的芯片就是该格位的内容。桌面读卡器没有门磁，"
                    + "由保管员逐行输入：`authorize BADGE`（警号）、`authorize card UID`（警务卡号；两者后面均可加 "
                    + "`witness BADGE` 或 `witness card UID`，供双人规则使用）、`open`（开门）、`close`（关门）、`quit`（退出）。",
                en: "Each slot is one or more PC/SC readers; the tags lying on them are the slot's contents. A desktop "
                    + "cabinet has no door sensor, so the clerk types one line at a time: `authorize BADGE`, `authorize card UID` "
                    + "(either may end with `witness BADGE` or `witness card UID`, for the two-person rule), `open`, `close`, "
                    + "`quit`."),
            Wording(
                zh: "`close` 后 1 秒开始盘点（读卡器约半秒内才发现芯片被拿走），之后每 --round-interval 秒一轮，"
                    + "直至台账答复核对完毕。一轮是同一时刻所有格位读卡器上的芯片；有读卡器断开或芯片无法读取时该轮不完整，"
                    + "不计入核对。每条应答的含义显示为一行（加 --json 时每行一个 JSON 对象，含台账的应答）。"
                    + "输入结束时先完成正在进行的盘点再退出；会话状态保存在台账中，重新启动后继续。",
                en: "Rounds start a second after `close` (a reader notices a lifted tag within about half a second), then "
                    + "every --round-interval seconds, until the ledger answers reconciled. A round is every slot reader's "
                    + "tags at one moment; a reader that is gone or a tag that cannot be read makes it incomplete, and it "
                    + "does not count. Each answer is shown as one line (with --json, one JSON object with the ledger's "
                    + "response). At the end of the input, rounds under way are finished first; the session's state is "
                    + "in the ledger, so a restart goes on with it."),
            Wording(
                zh: "它在本进程中以协议第 1 版（docs/cabinet-protocol.md）与台账通信，与厂商适配程序相同。"
                    + "退出码：智能柜不存在或 --slot 不是其格位为 3，读卡器不存在、PC/SC 服务不可用或巡检读不到某个格位为 7，"
                    + "台账拒绝巡检为 2，参数有误为 64。",
                en: "It speaks protocol v1 (docs/cabinet-protocol.md) to the ledger in this process, as a vendor's adapter "
                    + "would. Exits 3 for an unknown cabinet or a --slot that is not one of its slots, 7 when a named reader "
                    + "or pcscd is not there or a patrol cannot read a slot, 2 when the ledger refuses a patrol, 64 for a "
                    + "wrong command line."),
        ])

    /// One `--slot CODE=READER`.
    struct SlotReader: Equatable {
        var slot: String
        var reader: String
    }

    let cabinet: String
    let slots: [SlotReader]
    let badge: String?
    let cardReader: String?
    let roundInterval: Duration
    let isPatrol: Bool

    init(parsing arguments: inout ArgumentReader) throws {
        cabinet = try arguments.positional("CABINET")
        slots = try arguments.takeAll("slot").map { value in
            let parts = value.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { throw arguments.error(.cabinetSlotOptionInvalid(value)) }
            return SlotReader(slot: parts[0], reader: parts[1])
        }
        guard !slots.isEmpty else { throw arguments.error(.optionMissing("--slot")) }
        badge = arguments.take("badge")
        cardReader = arguments.take("card-reader")
        isPatrol = arguments.flag("patrol")
        if let interval = arguments.take("round-interval") {
            guard let seconds = Double(interval), seconds >= 0.1, seconds <= 60 else {
                throw arguments.error(.roundIntervalInvalid(interval))
            }
            roundInterval = .milliseconds(Int((seconds * 1000).rounded()))
        } else {
            roundInterval = .seconds(1)
        }
        if badge != nil, cardReader != nil { throw arguments.error(.optionsConflict("--badge", "--card-reader")) }
        if isPatrol, let option = badge != nil ? "--badge" : cardReader != nil ? "--card-reader" : nil {
            throw arguments.error(.optionsConflict(option, "--patrol"))
        }
        var seen = Set<String>()
        for reader in slots.map(\.reader) + (cardReader.map { [$0] } ?? []) where !seen.insert(reader).inserted {
            throw arguments.error(.cabinetReaderGivenTwice(reader))
        }
    }

    func run(in context: CommandContext) async throws {
        let store = try await context.openVaultStore()
        let signers = try await CabinetKeys.unlock([cabinet], in: store, context: context)
        let service = CabinetService(store: store, language: context.language, signers: signers)
        let configuration = CabinetAdapter.Configuration(
            cabinet: cabinet, slots: Dictionary(uniqueKeysWithValues: slots.map { ($0.reader, $0.slot) }), cardReader: cardReader,
            badge: badge, roundInterval: roundInterval, isPatrol: isPatrol)
        var adapter = CabinetAdapter(configuration, service: service, language: context.language, json: context.json)
        try await adapter.run()
    }
}
