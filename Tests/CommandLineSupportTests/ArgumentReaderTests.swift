import CommandLineSupport
import LedgerPresentation
import PropertyLedger
import Testing

/// The argument reader both executables use: where options may go, and what is refused, as which reason.
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

    /// `reason` is declared by the parser with exactly these arguments, and worded in both languages.
    static func expectDeclared(_ reason: Reason, sourceLocation: SourceLocation = #_sourceLocation) {
        let spec = Reason.argumentReasons.first { $0.id == reason.id }
        #expect(spec?.matches(reason) == true, "\(reason) is not declared as \(String(describing: spec))", sourceLocation: sourceLocation)
        for language in Language.allCases {
            let text = ArgumentError(reason).text(in: language)
            #expect(!text.isEmpty && !text.contains("{"), "\(reason) in \(language): \(text)", sourceLocation: sourceLocation)
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
        (["--nope"], Reason("unknown-option", ["option": "--nope"])),
        (["sub", "--nope"], Reason("unknown-option-for-command", ["option": "--nope", "program": "tool", "command": "sub"])),
        (["-x"], Reason("unknown-option", ["option": "-x"])),
        (["--size"], Reason("option-needs-value", ["option": "--size", "placeholder": "N"])),
        (["--size", "1", "--size", "2"], Reason("option-given-twice", ["option": "--size"])),
        (["--json=yes"], Reason("option-takes-no-value", ["option": "--json"])),
    ])
    func malformedCommandLinesAreRefused(arguments: [String], reason: Reason) throws {
        let error = #expect(throws: ArgumentError.self) { try Self.read(arguments) }
        #expect(error?.reason == reason)
        Self.expectDeclared(reason)
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
        var reader = try Self.read(["sub", " ", "--color", "blue", "--size", "-1", "--tag", "red", "--tag", "pink"])
        let failures = [
            Self.failure { _ = try reader.choice("color", Color.self) },
            Self.failure { _ = try reader.integer("size") },
            Self.failure { _ = try reader.choices("tag", Color.self) },
        ]
        #expect(
            failures == [
                ArgumentError(Reason("option-not-one-of", ["option": "--color", "allowed": "red,green", "value": "blue"]), command: "sub"),
                ArgumentError(Reason("option-not-integer", ["option": "--size", "value": "-1"]), command: "sub"),
                ArgumentError(Reason("option-not-one-of", ["option": "--tag", "allowed": "red,green", "value": "pink"]), command: "sub"),
            ])
        reader.dropPositionals(1)
        let empty = Self.failure { _ = try reader.positional("NAME", whenEmpty: Reason.objectArgumentEmpty) }
        #expect(empty == ArgumentError(Reason("object-argument-empty", ["placeholder": "NAME"]), command: "sub"))
        let required = Self.failure { _ = try reader.required("size", because: "--check") }
        #expect(required == ArgumentError(Reason("option-required-with", ["option": "--size", "with": "--check"]), command: "sub"))
        let missing = Self.failure { _ = try reader.positional("NAME") }
        #expect(missing?.reason == Reason("argument-missing", ["placeholder": "NAME"]))
        for reason in (failures + [empty, required, missing]).compactMap({ $0?.reason }) { Self.expectDeclared(reason) }
    }

    @Test func positionalsAreCheckedWhenTaken() throws {
        var reader = try Self.read(["x", "", "blue", "big"])
        #expect(Self.failure { _ = try reader.integer(positional: "INDEX") }?.reason.id == "argument-not-integer")
        #expect(Self.failure { _ = try reader.positional("NAME") }?.reason == Reason("argument-empty", ["placeholder": "NAME"]))
        let choice = Self.failure { _ = try reader.choice(positional: "COLOR", Color.self) }
        #expect(choice?.reason == Reason("argument-not-one-of", ["placeholder": "COLOR", "allowed": "red,green", "value": "blue"]))
        var sized = try Self.read(["--size", "4294967296"])
        #expect(Self.failure { _ = try sized.requiredInt("size") }?.reason == Reason("option-too-large", ["option": "--size"]))
        #expect(Self.failure { _ = try sized.requiredInt("size") }?.reason == Reason("option-missing", ["option": "--size"]))
        for reason in [Reason.argumentNotInteger("INDEX", value: "x"), choice?.reason].compactMap({ $0 }) { Self.expectDeclared(reason) }
    }

    @Test func anythingLeftOverIsRefused() throws {
        let extra = try Self.read(["sub", "extra"])
        #expect(throws: ArgumentError(Reason("unexpected-argument", ["value": "sub"]), command: "sub")) { try extra.requireAllUsed() }
        var unused = try Self.read(["--json", "--size", "3"])
        _ = unused.flag("json")
        #expect(throws: ArgumentError(Reason("option-not-here", ["option": "--size"]), command: nil)) { try unused.requireAllUsed() }
        Self.expectDeclared(.unexpectedArgument("sub"))
        Self.expectDeclared(.optionNotHere("--size"))
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
        #expect(error?.reason == Reason("unknown-option", ["option": "--name"]))
    }

    /// The reasons callers build for values that do not fit together are declared too.
    @Test func theBenchmarksReasonsAreDeclared() {
        for reason in [
            Reason.optionNotCount("--entries", minimum: 10, value: "5"),
            .optionNotMultiple("--items", value: 7, of: "--per-cabinet", divisor: 2), .optionTooSmall("--x", minimum: 3, value: 1),
            .optionsLeaveNothing("--only", "--skip"), .optionNotDirectory("--dir", path: "/x"), .optionMissing("--due"),
        ] {
            Self.expectDeclared(reason)
        }
    }
}

/// How the parser's reasons read: English as before reasons, Chinese for the property room. Deliberately a
/// wording test; the others compare reasons.
struct ArgumentWordingTests {
    @Test func englishIsWhatTheParserAlwaysSaid() {
        let cases: [(Reason, String)] = [
            (.unknownOption("--nope", program: "tool", command: "sub"), "unknown option --nope for `tool sub`"),
            (.optionNeedsValue("--size", placeholder: "N"), "--size needs a value (N)"),
            (.optionNotOneOf("--color", allowed: ["red", "green"], value: "blue"), "--color must be one of red, green, not \"blue\""),
            (.objectArgumentEmpty("OBJECT"), "OBJECT is empty: give an item id (P-…), a dossier id (D-…) or chip:UID"),
            (.optionRequired("--key", with: "--check"), "missing --key (required with --check)"),
        ]
        for (reason, text) in cases { #expect(ArgumentError(reason).text(in: .en) == text) }
    }

    @Test func chineseWordsPlaceholdersAndListsValues() {
        #expect(ArgumentError(.argumentMissing("OBJECT")).text(in: .zh) == "缺少参数：物品或案卷编号")
        #expect(ArgumentError(.argumentMissing("WHATEVER")).text(in: .zh) == "缺少参数：WHATEVER")
        #expect(ArgumentError(.optionNotOneOf("--lang", allowed: ["zh", "en"], value: "fr")).text(in: .zh) == "--lang 须为 zh、en 之一，不能是“fr”")
    }
}
