import CommandLineSupport
import LedgerPresentation
import Testing

/// The argument reader both executables use: where options may go, what is refused and how it is said.
struct ArgumentReaderTests {
    enum Color: String, CaseIterable {
        case red, green
    }

    static let options: [Option] = [
        Option(name: "size", value: "N", help: Wording(zh: "大小", en: "a size")),
        .flag("json", help: Wording(zh: "JSON", en: "JSON")),
        .choice("color", Color.self, help: Wording(zh: "颜色", en: "a color")),
        Option(name: "tag", value: "TEXT", help: Wording(zh: "标签", en: "a tag"), isRepeatable: true),
        .flag("help", help: Wording(zh: "帮助", en: "help")),
    ]

    static func read(_ arguments: [String], options: [Option] = options) throws -> ArgumentReader {
        try ArgumentReader(parsing: arguments, program: "tool") { positionals in
            OptionScope(command: positionals.first, options: options)
        }
    }

    @Test func optionsGoAnywhereAndDoubleDashEndsThem() throws {
        var reader = try Self.read(["--size=9", "sub", "--json", "7", "--", "--not-an-option", "-h"])
        #expect(reader.command == "sub")
        #expect(try reader.integer("size") == 9)
        #expect(reader.flag("json") == true)
        #expect(reader.positionals == ["sub", "7", "--not-an-option", "-h"])
        reader.dropPositionals(1)
        #expect(try reader.integer(positional: "INDEX") == 7)
        #expect(try reader.positional("A") == "--not-an-option")
        #expect(try reader.positional("B") == "-h")
        try reader.requireAllUsed()
    }

    @Test func choicesRepeatsAndShortHelp() throws {
        var reader = try Self.read(["--color", "green", "--tag", "a", "--tag=b", "-h"])
        #expect(try reader.choice("color", Color.self) == .green)
        #expect(reader.takeAll("tag") == ["a", "b"])
        #expect(reader.flag("help") == true)
        try reader.requireAllUsed()
    }

    @Test(arguments: [
        (["--nope"], "unknown option --nope"),
        (["sub", "--nope"], "unknown option --nope for `tool sub`"),
        (["-x"], "unknown option -x"),
        (["--size"], "--size needs a value (N)"),
        (["--size", "1", "--size", "2"], "--size is given twice"),
        (["--json=yes"], "--json takes no value"),
    ])
    func malformedCommandLinesAreRefused(arguments: [String], message: String) throws {
        let error = #expect(throws: ArgumentError.self) { try Self.read(arguments) }
        #expect(error?.message == message)
    }

    /// The error `body` throws, if it is an ``ArgumentError``.
    static func failure(_ body: () throws -> Void) -> ArgumentError? {
        do {
            try body()
            return nil
        } catch {
            return error as? ArgumentError
        }
    }

    @Test func valuesAreCheckedWhenTaken() throws {
        var reader = try Self.read(["sub", " ", "--color", "blue", "--size", "-1"])
        #expect(
            Self.failure { _ = try reader.choice("color", Color.self) }
                == ArgumentError("--color must be one of red, green, not \"blue\"", command: "sub"))
        #expect(
            Self.failure { _ = try reader.integer("size") }
                == ArgumentError("--size must be a non-negative integer, not \"-1\"", command: "sub"))
        reader.dropPositionals(1)
        #expect(
            Self.failure { _ = try reader.positional("NAME", whenEmpty: "give a name") }
                == ArgumentError("NAME is empty: give a name", command: "sub"))
        #expect(
            Self.failure { _ = try reader.required("size", because: "--check") }
                == ArgumentError("missing --size (required with --check)", command: "sub"))
    }

    @Test func anythingLeftOverIsRefused() throws {
        let extra = try Self.read(["sub", "extra"])
        #expect(throws: ArgumentError("unexpected argument \"sub\"", command: "sub")) { try extra.requireAllUsed() }
        var unused = try Self.read(["--json", "--size", "3"])
        _ = unused.flag("json")
        #expect(throws: ArgumentError("--size cannot be used here", command: nil)) { try unused.requireAllUsed() }
    }

    @Test func theOptionsMayDependOnThePositionalsSoFar() throws {
        let scoped = { (arguments: [String]) in
            try ArgumentReader(parsing: arguments, program: "tool") { positionals in
                OptionScope(
                    command: positionals.first,
                    options: positionals.first == "add" ? [Option(name: "name", value: "N", help: Wording(zh: "名称", en: "a name"))] : [])
            }
        }
        var reader = try scoped(["add", "--name", "x"])
        #expect(reader.take("name") == "x")
        let error = #expect(throws: ArgumentError.self) { try scoped(["--name", "x", "add"]) }
        #expect(error?.message == "unknown option --name")
    }
}
