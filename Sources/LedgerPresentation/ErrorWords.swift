/// The words around an error line of the `ledger` tool: where to read more, and what the reason is about
/// when the reason does not say it itself.
public struct ErrorWords: CatalogueSection {
    /// Between the reason and what to do next.
    public let separator = Wording(zh: "；", en: "; ")
    /// Between a reason and the reasons that detail it (`verification failed at index 3: entry 3: …`).
    public let detailSeparator = Wording(zh: "：", en: ": ")
    public let seeHelp = Wording(zh: "请参阅 `ledger --help`", en: "see `ledger --help`")
    public let seeCommandHelp = Wording(zh: "请参阅 `ledger {command} --help`", en: "see `ledger {command} --help`")
    /// Before the reason an option's value was refused for (`--due: "2027-02-30" is not a valid time …`).
    public let optionValue = Wording(zh: "{option}：", en: "{option}: ")
    /// Before the reason a file given as a verifier key is not one.
    public let notAVerifierKey = Wording(zh: "{path} 不是验证公钥：", en: "{path} is not a verifier key: ")
}

extension Catalogue {
    public static let errors = ErrorWords()
}
