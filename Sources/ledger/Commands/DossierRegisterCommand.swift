import CommandLineSupport
import PropertyLedger

/// `ledger dossier register`: registers one volume of a case dossier and prints its new id.
struct DossierRegisterCommand: RecordingCommand {
    static let spec = CommandSpec(
        "dossier register", summary: "register a dossier volume; prints its new id", writesEntry: true,
        options: [
            Option(name: "case", value: "CASE", help: "the case"),
            Option(name: "volume", value: "N", help: "this volume's number"),
            Option(name: "volumes", value: "N", help: "how many volumes the dossier has"),
            Option(name: "pages", value: "N", help: "pages in this volume"),
            Option(name: "title", value: "TEXT", help: "a title"),
        ])

    let custodyCommand: CustodyCommand

    init(parsing arguments: inout ArgumentReader) throws {
        custodyCommand = .registerDossier(
            DossierRegistration(
                caseNumber: try arguments.required("case"), title: arguments.take("title"), volume: try arguments.requiredInt("volume"),
                volumes: try arguments.requiredInt("volumes"), pages: try arguments.requiredInt("pages")))
    }
}
