import PropertyLedger

/// A parsed command line: what to do, and the options every command shares.
struct Invocation: Equatable {
    var command: Command
    var store: String?
    var privateKey: String?
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
                if commandName == nil { commandName = token } else { positionals.append(token) }
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
        let json = flags.remove("json") != nil
        guard let commandName else {
            self.init(command: .help(command: nil), store: store, privateKey: privateKey, json: json)
            return
        }
        guard CommandSpec.named(commandName) != nil || commandName == "help" else {
            throw UsageError("unknown command \"\(commandName)\"; see `ledger --help`")
        }
        if flags.contains("help") || commandName == "help" {
            let topic = commandName == "help" ? positionals.first : commandName
            self.init(command: .help(command: topic), store: store, privateKey: privateKey, json: json)
            return
        }
        var parser = ArgumentReader(command: commandName, positionals: positionals, values: values, flags: flags)
        let command = try parser.parseCommand()
        try parser.requireAllUsed()
        self.init(command: command, store: store, privateKey: privateKey, json: json)
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
