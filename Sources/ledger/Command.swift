import ChipReader
import Foundation
import PropertyLedger

/// A parsed command line: what to do, and the options every command shares.
struct Invocation: Equatable {
    var command: Command
    var store: String?
    var privateKey: String?
    var actor: String?
    var json = false
}

/// One thing the `ledger` tool can do, with its validated arguments.
enum Command: Equatable {
    case help(command: String?)
    case version
    case initialize(agencyCode: String, agencyName: String, kind: Agency.Kind, profile: CryptoProfile)
    case verify
    case checkpoint
    case checkCheckpoint(file: String, verifierKeyFile: String)
    case key
    case prove(index: Int64, size: Int64?)
    case checkReceipt(receiptFile: String, entryFile: String, verifierKeyFile: String)
    case entry(index: Int64)
    /// Every command that writes a custody entry.
    case custody(CustodyCommand)
    case officerList
    case locationList
    case caseShow(number: String)
    case show(object: String)
    case history(object: String, withProofs: Bool)
    case whereIs(uid: String)
    case list(ObjectFilter)
    case export(entries: Bool, format: ExportFormat, byteOrderMark: Bool)
    case rebuildCheck
    case readers(filter: String?)
    case scan(ScanOptions)
    case bindChipByScan(object: String, reader: String?, timeoutSeconds: Int)
    case audit(location: String, reader: String?, seconds: Int?, wedgeFormat: KeyboardWedgeSource.Format)
}

/// What `ledger scan` does with each tag.
struct ScanOptions: Equatable {
    enum Action: String, CaseIterable {
        case show, checkin, `return`
    }

    var reader: String?
    var action: Action = .show
    var location: String?
    var condition = "完好"
    var count: Int?
    /// Report per-tag latency (for the benchmark).
    var showsTiming = false
    var wedgeFormat: KeyboardWedgeSource.Format = .hex
}

enum ExportFormat: String, CaseIterable {
    case csv, jsonl
}

extension Invocation {
    /// Parses `arguments` (without the program name).
    ///
    /// Options are `--name VALUE` or `--name=VALUE` and may come before or after the command; `--` ends
    /// option parsing.
    init(parsing arguments: [String]) throws {
        var commandName: String?
        var positionals: [String] = []
        var values: [String: String] = [:]
        var flags: Set<String> = []
        var tokens = arguments[...]
        var onlyPositionals = false
        while let token = tokens.popFirst() {
            if onlyPositionals || !token.hasPrefix("-") || token == "-" {
                if let name = commandName, CommandSpec.isGroup(name), CommandSpec.named(name) == nil {
                    commandName = name + " " + token  // `officer` + `add`
                } else if commandName == nil {
                    commandName = token
                } else {
                    positionals.append(token)
                }
                continue
            }
            if token == "--" {
                onlyPositionals = true
                continue
            }
            if token == "-h" {
                flags.insert("help")
                continue
            }
            if token == "--version" && commandName == nil {
                self.init(command: .version)
                return
            }
            guard token.hasPrefix("--") else { throw UsageError("unknown option \(token)", command: commandName) }
            var name = String(token.dropFirst(2))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            let spec = commandName.flatMap(CommandSpec.named) ?? CommandSpec("", summary: "")
            guard let option = spec.option(named: name) else {
                throw UsageError("unknown option --\(name)" + (commandName.map { " for `ledger \($0)`" } ?? ""), command: commandName)
            }
            if let placeholder = option.value {
                guard let value = inlineValue ?? tokens.popFirst() else {
                    throw UsageError("--\(name) needs a value (\(placeholder))", command: commandName)
                }
                guard values[name] == nil else { throw UsageError("--\(name) is given twice", command: commandName) }
                values[name] = value
            } else {
                guard inlineValue == nil else { throw UsageError("--\(name) takes no value", command: commandName) }
                flags.insert(name)
            }
        }
        let store = values.removeValue(forKey: "store")
        let privateKey = values.removeValue(forKey: "private-key")
        let actor = values.removeValue(forKey: "actor")
        let json = flags.remove("json") != nil
        guard let commandName else {
            // `ledger --help` asks for help; a bare `ledger` is a command line without its command.
            guard flags.contains("help") else { throw UsageError("no command given; see `ledger --help`", showsUsage: true) }
            self.init(command: .help(command: nil), store: store, privateKey: privateKey, json: json)
            return
        }
        let isGroup = CommandSpec.isGroup(commandName) && CommandSpec.named(commandName) == nil
        guard CommandSpec.named(commandName) != nil || isGroup || commandName == "help" else {
            let known = commandName.split(separator: " ").first.map(String.init) ?? commandName
            throw UsageError("unknown command \"\(commandName)\"; see `ledger \(CommandSpec.isGroup(known) ? known + " " : "")--help`")
        }
        if flags.contains("help") || commandName == "help" || isGroup {
            guard flags.contains("help") || commandName == "help" else {
                throw UsageError("`ledger \(commandName)` needs a subcommand", command: commandName)
            }
            let topic = commandName == "help" ? positionals.first : commandName
            self.init(command: .help(command: topic), store: store, privateKey: privateKey, json: json)
            return
        }
        var parser = ArgumentReader(command: commandName, positionals: positionals, values: values, flags: flags)
        let command = try parser.parseCommand()
        try parser.requireAllUsed()
        // Export's JSON form is JSON Lines; asking for JSON and CSV at once is a contradiction, not a choice.
        if json, case .export(_, .csv, _) = command {
            throw UsageError("--json cannot be combined with --format csv (export's JSON form is --format jsonl)", command: commandName)
        }
        self.init(command: command, store: store, privateKey: privateKey, actor: actor, json: json)
    }
}

/// Takes a command's arguments one by one, so that anything left over is reported.
private struct ArgumentReader {
    let command: String
    var positionals: [String]
    var values: [String: String]
    var flags: Set<String>

    mutating func parseCommand() throws -> Command {
        switch command {
        case "init":
            return .initialize(
                agencyCode: try required("agency-code"), agencyName: try required("agency-name"),
                kind: try requiredChoice("kind", Agency.Kind.self),
                profile: try choice("crypto", CryptoProfile.self) ?? .gm)
        case "verify":
            return .verify
        case "checkpoint":
            if let file = take("check") {
                return .checkCheckpoint(file: file, verifierKeyFile: try required("key", because: "--check"))
            }
            return .checkpoint
        case "key":
            return .key
        case "prove":
            if let receipt = take("check") {
                return .checkReceipt(
                    receiptFile: receipt, entryFile: try required("entry", because: "--check"),
                    verifierKeyFile: try required("key", because: "--check"))
            }
            return .prove(index: try index(), size: try integer("size"))
        case "entry":
            return .entry(index: try index())
        default:
            return try parseCustodyCommand()
        }
    }

    mutating func parseCustodyCommand() throws -> Command {
        switch command {
        case "officer add":
            return .custody(
                .addOfficer(
                    badge: try positional("BADGE"), name: try required("name"), unit: take("unit"),
                    role: try requiredChoice("role", Role.self)))
        case "officer list":
            return .officerList
        case "officer retire":
            let badge = try positional("BADGE")
            let reason = take("reason")
            let overridesHoldings = flag("override-holdings")
            // The log must say why objects stay out with a retired officer.
            if overridesHoldings && reason?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty != false {
                throw UsageError("--override-holdings needs --reason TEXT: say why the objects stay out", command: command)
            }
            return .custody(.retireOfficer(badge: badge, reason: reason, overridesHoldings: overridesHoldings))
        case "location add":
            return .custody(
                .addLocation(
                    code: try positional("CODE"), name: try required("name"), kind: try requiredChoice("kind", LocationKind.self),
                    parent: take("parent"), isCentral: flag("central")))
        case "location list":
            return .locationList
        case "case open":
            return .custody(
                .openCase(
                    number: try positional("NUMBER"), title: try required("title"), kind: try requiredChoice("kind", CaseKind.self),
                    isPropertyCrime: flag("property-crime")))
        case "case progress":
            return .custody(.recordProgress(caseNumber: try positional("NUMBER"), note: try required("note")))
        case "case solve":
            return .custody(.solveCase(caseNumber: try positional("NUMBER"), note: take("note")))
        case "case close":
            return .custody(.closeCase(caseNumber: try positional("NUMBER"), note: take("note")))
        case "case show":
            return .caseShow(number: try positional("NUMBER"))
        case "item register":
            return .custody(
                .registerItem(
                    ItemRegistration(
                        caseNumber: try required("case"), name: try required("name"), quantity: try required("quantity"),
                        unit: try required("unit"), weight: take("weight"), features: take("features"), source: take("source"),
                        seizedAt: try time("seized-at"), seizedBy: list(try required("seized-by")), photos: list(take("photos") ?? ""))))
        case "dossier register":
            return .custody(
                .registerDossier(
                    DossierRegistration(
                        caseNumber: try required("case"), title: take("title"), volume: try requiredInt("volume"),
                        volumes: try requiredInt("volumes"), pages: try requiredInt("pages"))))
        case "chip bind":
            let object = try positional("OBJECT")
            if flag("scan") {
                return .bindChipByScan(object: object, reader: take("reader"), timeoutSeconds: Int(try integer("timeout") ?? 60))
            }
            return .custody(.bindChip(object: object, uid: try positional("UID")))
        case "chip replace":
            return .custody(.replaceChip(object: try positional("OBJECT"), uid: try positional("UID"), reason: try required("reason")))
        case "checkin":
            return .custody(.checkIn(object: try positional("OBJECT"), location: try required("to"), caseNumber: take("case")))
        case "checkout":
            guard let due = try time("due") else { throw UsageError("missing --due", command: command) }
            return .custody(
                .checkOut(
                    object: try positional("OBJECT"), to: try required("to"), reason: try requiredChoice("reason", CheckoutReason.self),
                    approvedBy: try required("approved-by"), due: due, note: take("note"), caseNumber: take("case")))
        case "return":
            return .custody(
                .returnObject(
                    object: try positional("OBJECT"), location: try required("to"), condition: try required("condition"), by: take("by"),
                    caseNumber: take("case")))
        case "move":
            return .custody(
                .move(object: try positional("OBJECT"), location: try required("to"), reason: take("reason"), caseNumber: take("case")))
        case "dispose":
            return .custody(
                .dispose(
                    object: try positional("OBJECT"), method: try requiredChoice("method", DisposalMethod.self),
                    approvedBy: try required("approved-by"), recipient: take("recipient"), note: take("note"), caseNumber: take("case")))
        case "correct":
            return .custody(
                .correct(index: try index(), field: try required("field"), value: try required("value"), reason: try required("reason")))
        case "show":
            return .show(object: try positional("OBJECT"))
        case "history":
            return .history(object: try positional("OBJECT"), withProofs: flag("proof"))
        case "where":
            return .whereIs(uid: try positional("UID"))
        case "list":
            return .list(
                ObjectFilter(
                    caseNumber: take("case"), location: take("location"), status: try choice("status", ObjectStatus.self),
                    holder: take("holder"), kind: try choice("kind", ObjectKind.self), isOverdue: flag("overdue"),
                    limit: Int(try integer("limit") ?? 10_000)))
        case "export":
            let format = try choice("format", ExportFormat.self) ?? .jsonl
            let byteOrderMark = flag("bom")
            if byteOrderMark && format != .csv { throw UsageError("--bom is for --format csv only", command: command) }
            return .export(entries: flag("entries"), format: format, byteOrderMark: byteOrderMark)
        case "readers":
            return .readers(filter: nil)
        case "scan":
            var options = ScanOptions(reader: take("reader"))
            options.action = try choice("action", ScanOptions.Action.self) ?? .show
            options.location = take("to")
            if options.action != .show && options.location == nil {
                throw UsageError("--action \(options.action.rawValue) needs --to LOCATION", command: command)
            }
            options.condition = take("condition") ?? options.condition
            options.count = try integer("count").map(Int.init)
            options.showsTiming = flag("timing")
            options.wedgeFormat = try choice("wedge-format", KeyboardWedgeSource.Format.self) ?? .hex
            return .scan(options)
        case "audit":
            return .audit(
                location: try positional("LOCATION"), reader: take("reader"), seconds: try integer("seconds").map(Int.init),
                wedgeFormat: try choice("wedge-format", KeyboardWedgeSource.Format.self) ?? .hex)
        case "rebuild":
            guard flag("check") else { throw UsageError("`ledger rebuild` only checks: give --check", command: command) }
            return .rebuildCheck
        default:
            throw UsageError("unknown command \"\(command)\"")
        }
    }

    mutating func requireAllUsed() throws {
        if let extra = positionals.first { throw UsageError("unexpected argument \"\(extra)\"", command: command) }
        if let name = values.keys.sorted().first ?? flags.sorted().first {
            throw UsageError("--\(name) cannot be used here", command: command)
        }
    }

    private mutating func take(_ name: String) -> String? { values.removeValue(forKey: name) }

    private mutating func flag(_ name: String) -> Bool { flags.remove(name) != nil }

    private mutating func positional(_ name: String) throws -> String {
        guard !positionals.isEmpty else { throw UsageError("missing \(name)", command: command) }
        let value = positionals.removeFirst()
        // `ledger show ""` (an empty shell variable) is a mistake in the command line, not a lookup.
        guard !value.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw UsageError(
                "\(name) is empty" + (name == "OBJECT" ? ": give an item id (P-…), a dossier id (D-…) or chip:UID" : ""), command: command)
        }
        return value
    }

    private func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private mutating func requiredInt(_ name: String) throws -> Int {
        guard let value = try integer(name) else { throw UsageError("missing --\(name)", command: command) }
        guard value <= Int64(Int32.max) else { throw UsageError("--\(name) is too large", command: command) }
        return Int(value)
    }

    private mutating func time(_ name: String) throws -> Date? {
        guard let text = take(name) else { return nil }
        do {
            return try Timestamp.parse(text)
        } catch let error as LedgerError {
            // A bad option value is a usage error here, like any other.
            throw UsageError("--\(name): \(error.message)", command: command)
        }
    }

    private mutating func requiredChoice<T: RawRepresentable & CaseIterable>(_ name: String, _ type: T.Type) throws -> T
    where T.RawValue == String {
        guard let value = try choice(name, type) else { throw UsageError("missing --\(name)", command: command) }
        return value
    }

    private mutating func required(_ name: String, because reason: String? = nil) throws -> String {
        guard let value = take(name) else {
            throw UsageError("missing --\(name)" + (reason.map { " (required with \($0))" } ?? ""), command: command)
        }
        return value
    }

    private mutating func choice<T: RawRepresentable & CaseIterable>(_ name: String, _: T.Type) throws -> T?
    where T.RawValue == String {
        guard let value = take(name) else { return nil }
        guard let parsed = T(rawValue: value) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw UsageError("--\(name) must be one of \(allowed), not \"\(value)\"", command: command)
        }
        return parsed
    }

    private mutating func integer(_ name: String) throws -> Int64? {
        guard let value = take(name) else { return nil }
        guard let number = Int64(value), number >= 0 else {
            throw UsageError("--\(name) must be a non-negative integer, not \"\(value)\"", command: command)
        }
        return number
    }

    private mutating func index() throws -> Int64 {
        guard !positionals.isEmpty else { throw UsageError("missing INDEX", command: command) }
        let value = positionals.removeFirst()
        guard let number = Int64(value), number >= 0 else {
            throw UsageError("INDEX must be a non-negative integer, not \"\(value)\"", command: command)
        }
        return number
    }
}
