import Foundation
public import LedgerPresentation
public import PropertyLedger

/// Reads a command line into positionals, option values and flags, then hands them out one by one, so that
/// anything left over is reported (``requireAllUsed()``).
///
/// Options are `--name VALUE` or `--name=VALUE` and may come before, between or after positionals; `--`
/// ends option parsing and `-h` means `--help`. Which options exist may depend on the positionals read so
/// far (a tool's subcommand decides its options), so the caller gives them as a function of those.
///
/// ```swift
/// var reader = try ArgumentReader(parsing: ["--size=9", "7"], program: "tool") { _ in
///     OptionScope(options: [Option(name: "size", value: "N", help: "…")])
/// }
/// let index = try reader.integer(positional: "INDEX")   // 7
/// let size = try reader.integer("size")                 // 9
/// try reader.requireAllUsed()
/// ```
public struct ArgumentReader: Sendable {
    /// The command the arguments are for (for error messages), once known.
    public var command: String?
    public private(set) var positionals: [String]
    private var values: [String: [String]]
    private var flags: Set<String>

    /// An assembled reader (for a caller that split the command line itself).
    public init(command: String?, positionals: [String], values: [String: [String]] = [:], flags: Set<String> = []) {
        self.command = command
        self.positionals = positionals
        self.values = values
        self.flags = flags
    }

    /// Parses `arguments` (without the program name).
    ///
    /// - Parameter program: the tool's name, for reasons such as "unknown option --x for `tool sub`".
    /// - Parameter scope: the options valid after the positionals read so far, and the command they make.
    /// - Throws: ``ArgumentError`` for an unknown option, a missing or repeated value, or a value given to a flag.
    public init(parsing arguments: [String], program: String, scope: (_ positionals: [String]) -> OptionScope) throws {
        self.init(command: nil, positionals: [])
        var tokens = arguments[...]
        var onlyPositionals = false
        while let token = tokens.popFirst() {
            if onlyPositionals || !token.hasPrefix("-") || token == "-" {
                positionals.append(token)
                continue
            }
            if token == "--" {
                onlyPositionals = true
                continue
            }
            let current = scope(positionals)
            command = current.command
            if token == "-h" {
                flags.insert("help")
                continue
            }
            guard token.hasPrefix("--") else {
                throw ArgumentError(.unknownOption(token, program: program, command: nil), command: command)
            }
            var name = String(token.dropFirst(2))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard let option = current.options.first(where: { $0.name == name }) else {
                throw ArgumentError(.unknownOption("--" + name, program: program, command: command), command: command)
            }
            if let placeholder = option.value {
                guard let value = inlineValue ?? tokens.popFirst() else {
                    throw ArgumentError(.optionNeedsValue("--" + name, placeholder: placeholder), command: command)
                }
                guard values[name] == nil || option.isRepeatable else {
                    throw ArgumentError(.optionGivenTwice("--" + name), command: command)
                }
                values[name, default: []].append(value)
            } else {
                guard inlineValue == nil else { throw ArgumentError(.optionTakesNoValue("--" + name), command: command) }
                flags.insert(name)
            }
        }
        command = scope(positionals).command
    }

    // MARK: Handing out what was read

    /// The value of `--name`, if given (the last one, for a repeatable option); it counts as used.
    public mutating func take(_ name: String) -> String? { values.removeValue(forKey: name)?.last }

    /// Every value of a repeatable `--name`, in order.
    public mutating func takeAll(_ name: String) -> [String] { values.removeValue(forKey: name) ?? [] }

    /// Whether the flag `--name` was given; it counts as used.
    public mutating func flag(_ name: String) -> Bool { flags.remove(name) != nil }

    /// Whether `--name` was given, without using it.
    public func contains(_ name: String) -> Bool { flags.contains(name) || values[name] != nil }

    /// The next positional, named `name` (its placeholder, `OBJECT`) in reasons; an empty or blank one is
    /// refused with `whenEmpty`'s reason.
    public mutating func positional(_ name: String, whenEmpty empty: (_ name: String) -> Reason = Reason.argumentEmpty) throws
        -> String
    {
        guard !positionals.isEmpty else { throw error(.argumentMissing(name)) }
        let value = positionals.removeFirst()
        // `tool show ""` (an empty shell variable) is a mistake in the command line, not a lookup.
        guard !value.trimmingCharacters(in: .whitespaces).isEmpty else { throw error(empty(name)) }
        return value
    }

    /// The value of a required `--name`; `other` is the option that makes it required (`--check`), if any.
    public mutating func required(_ name: String, because other: String? = nil) throws -> String {
        guard let value = take(name) else {
            throw error(other.map { .optionRequired("--" + name, with: $0) } ?? .optionMissing("--" + name))
        }
        return value
    }

    /// `--name` as one of `T`'s raw values.
    public mutating func choice<T: RawRepresentable & CaseIterable>(_ name: String, _: T.Type) throws -> T?
    where T.RawValue == String {
        guard let value = take(name) else { return nil }
        guard let parsed = T(rawValue: value) else {
            throw error(.optionNotOneOf("--" + name, allowed: T.allCases.map(\.rawValue), value: value))
        }
        return parsed
    }

    /// Every value of a repeatable `--name`, each one of `T`'s raw values, in order.
    public mutating func choices<T: RawRepresentable & CaseIterable>(_ name: String, _: T.Type) throws -> [T]
    where T.RawValue == String {
        try takeAll(name).map { value in
            guard let parsed = T(rawValue: value) else {
                throw error(.optionNotOneOf("--" + name, allowed: T.allCases.map(\.rawValue), value: value))
            }
            return parsed
        }
    }

    /// The next positional as one of `T`'s raw values.
    public mutating func choice<T: RawRepresentable & CaseIterable>(positional name: String, _: T.Type) throws -> T
    where T.RawValue == String {
        let value = try positional(name)
        guard let parsed = T(rawValue: value) else {
            throw error(.argumentNotOneOf(name, allowed: T.allCases.map(\.rawValue), value: value))
        }
        return parsed
    }

    public mutating func requiredChoice<T: RawRepresentable & CaseIterable>(_ name: String, _ type: T.Type) throws -> T
    where T.RawValue == String {
        guard let value = try choice(name, type) else { throw error(.optionMissing("--" + name)) }
        return value
    }

    /// `--name` as a non-negative integer.
    public mutating func integer(_ name: String) throws -> Int64? {
        guard let value = take(name) else { return nil }
        guard let number = Int64(value), number >= 0 else {
            throw error(.optionNotInteger("--" + name, value: value))
        }
        return number
    }

    /// A required `--name` as a non-negative integer that fits in 32 bits.
    public mutating func requiredInt(_ name: String) throws -> Int {
        guard let value = try integer(name) else { throw error(.optionMissing("--" + name)) }
        guard value <= Int64(Int32.max) else { throw error(.optionTooLarge("--" + name)) }
        return Int(value)
    }

    /// The next positional as a non-negative integer.
    public mutating func integer(positional name: String) throws -> Int64 {
        guard !positionals.isEmpty else { throw error(.argumentMissing(name)) }
        let value = positionals.removeFirst()
        guard let number = Int64(value), number >= 0 else { throw error(.argumentNotInteger(name, value: value)) }
        return number
    }

    /// Whether a positional is left to read (for one that may be left out).
    public var hasPositional: Bool { !positionals.isEmpty }

    /// Drops the first `count` positionals: the words that named the command.
    public mutating func dropPositionals(_ count: Int) {
        positionals.removeFirst(min(count, positionals.count))
    }

    /// Refuses positionals, values and flags that no one asked for.
    public func requireAllUsed() throws {
        if let extra = positionals.first { throw error(.unexpectedArgument(extra)) }
        if let name = values.keys.sorted().first ?? flags.sorted().first { throw error(.optionNotHere("--" + name)) }
    }

    /// An error about these arguments, naming their command.
    public func error(_ reason: Reason) -> ArgumentError { ArgumentError(reason, command: command) }
}

/// The options valid at one point of a command line, and the command the positionals so far name.
public struct OptionScope: Sendable {
    public var command: String?
    public var options: [Option]

    public init(command: String? = nil, options: [Option]) {
        self.command = command
        self.options = options
    }
}
