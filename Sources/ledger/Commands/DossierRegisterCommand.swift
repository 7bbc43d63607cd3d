import CommandLineSupport
import LedgerPresentation
import PropertyLedger

/// `ledger dossier register`: registers one volume of a case dossier and prints its new id.
struct DossierRegisterCommand: RecordingCommand {
    static let spec = CommandSpec(
        "dossier register",
        summary: Wording(zh: "登记一卷案卷；输出其新编号", en: "register a dossier volume; prints its new id"),
        writesEntry: true,
        options: [
            Option(name: "case", value: "CASE", help: Wording(zh: "所属案件", en: "the case")),
            Option(name: "volume", value: "N", help: Wording(zh: "本卷卷号", en: "this volume's number")),
            Option(name: "volumes", value: "N", help: Wording(zh: "案卷总卷数", en: "how many volumes the dossier has")),
            Option(name: "pages", value: "N", help: Wording(zh: "本卷页数", en: "pages in this volume")),
            Option(name: "title", value: "TEXT", help: Wording(zh: "案卷标题", en: "a title")),
        ])

    let custodyCommand: CustodyCommand

    init(parsing arguments: inout ArgumentReader) throws {
        custodyCommand = .registerDossier(
            DossierRegistration(
                caseNumber: try arguments.required("case"), title: arguments.take("title"), volume: try arguments.requiredInt("volume"),
                volumes: try arguments.requiredInt("volumes"), pages: try arguments.requiredInt("pages")))
    }
}
