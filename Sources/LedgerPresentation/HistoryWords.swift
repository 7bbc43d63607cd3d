/// `ledger history`: the chain of custody as a table, and with `--proof` what the proofs are checked against.
public struct HistoryWords: CatalogueSection {
    public let indexHeading = Wording(zh: "序号", en: "#")
    public let atHeading = Wording(zh: "时间", en: "AT")
    public let actorHeading = Wording(zh: "执行人", en: "ACTOR")
    public let eventHeading = Wording(zh: "事项", en: "EVENT")
    public let detailHeading = Wording(zh: "详情", en: "DETAIL")
    public let proofs = Wording(
        zh: "每条记录的包含证明均可对照规模为 {size} 的检查点验证；加 --json 时每条记录附带其回执。",
        en: "Each entry's inclusion proof verifies against the checkpoint at size {size}; with --json each entry carries its receipt.")
    /// One entry's proof, its hashes shortened.
    public let proofLine = Wording(zh: "#{index}：{hashes}", en: "#{index}: {hashes}")
}

extension Catalogue {
    public static let history = HistoryWords()
}
