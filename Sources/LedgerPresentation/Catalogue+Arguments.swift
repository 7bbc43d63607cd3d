public import PropertyLedger

/// Reasons of the command-line parser (CommandLineSupport's `ArgumentReader`, used by `ledger` and
/// `ledger-bench`): a command line that cannot be read, as an id and its arguments.
///
/// Argument conventions: `option` is an option as typed, with its dashes (`--size`, or `-x`); `placeholder`
/// names a positional or an option's value as the help shows it (`OBJECT`, `N`), worded by the
/// ``Catalogue/argumentPlaceholders`` term table; `value` is the text given; `allowed` is the comma-separated
/// values a choice allows, shown as they must be typed.
extension Reason {
    /// Every reason the parser gives, with its arguments.
    public static let argumentReasons: [ReasonSpec] = [
        .init("unknown-option", "option"), .init("unknown-option-for-command", "option", "program", "command"),
        .init("option-needs-value", "option", "placeholder"), .init("option-given-twice", "option"),
        .init("option-takes-no-value", "option"), .init("argument-missing", "placeholder"), .init("argument-empty", "placeholder"),
        .init("object-argument-empty", "placeholder"), .init("option-missing", "option"), .init("option-required-with", "option", "with"),
        .init("option-not-one-of", "option", "allowed", "value"), .init("argument-not-one-of", "placeholder", "allowed", "value"),
        .init("option-not-integer", "option", "value"), .init("argument-not-integer", "placeholder", "value"),
        .init("option-too-large", "option"), .init("unexpected-argument", "value"), .init("option-not-here", "option"),
        .init("option-not-count", "option", "minimum", "value"), .init("option-not-multiple", "option", "value", "other", "divisor"),
        .init("option-too-small", "option", "minimum", "value"), .init("options-leave-nothing", "option", "other"),
        .init("option-not-directory", "option", "path"),
    ]

    // MARK: Reading the command line

    /// `option` (as typed) is not an option here; `command`, when known, is the command it was given to.
    public static func unknownOption(_ option: String, program: String, command: String?) -> Reason {
        guard let command else { return Reason("unknown-option", ["option": option]) }
        return Reason("unknown-option-for-command", ["option": option, "program": program, "command": command])
    }
    public static func optionNeedsValue(_ option: String, placeholder: String) -> Reason {
        Reason("option-needs-value", ["option": option, "placeholder": placeholder])
    }
    public static func optionGivenTwice(_ option: String) -> Reason { Reason("option-given-twice", ["option": option]) }
    public static func optionTakesNoValue(_ option: String) -> Reason { Reason("option-takes-no-value", ["option": option]) }

    // MARK: Handing out values

    public static func argumentMissing(_ placeholder: String) -> Reason { Reason("argument-missing", ["placeholder": placeholder]) }
    public static func argumentEmpty(_ placeholder: String) -> Reason { Reason("argument-empty", ["placeholder": placeholder]) }
    /// An empty OBJECT: the wording says what an object reference looks like.
    public static func objectArgumentEmpty(_ placeholder: String) -> Reason {
        Reason("object-argument-empty", ["placeholder": placeholder])
    }
    public static func optionMissing(_ option: String) -> Reason { Reason("option-missing", ["option": option]) }
    /// `option` is missing, and required because `other` was given.
    public static func optionRequired(_ option: String, with other: String) -> Reason {
        Reason("option-required-with", ["option": option, "with": other])
    }
    public static func optionNotOneOf(_ option: String, allowed: [String], value: String) -> Reason {
        Reason("option-not-one-of", ["option": option, "allowed": allowed.joined(separator: ","), "value": value])
    }
    public static func argumentNotOneOf(_ placeholder: String, allowed: [String], value: String) -> Reason {
        Reason("argument-not-one-of", ["placeholder": placeholder, "allowed": allowed.joined(separator: ","), "value": value])
    }
    public static func optionNotInteger(_ option: String, value: String) -> Reason {
        Reason("option-not-integer", ["option": option, "value": value])
    }
    public static func argumentNotInteger(_ placeholder: String, value: String) -> Reason {
        Reason("argument-not-integer", ["placeholder": placeholder, "value": value])
    }
    public static func optionTooLarge(_ option: String) -> Reason { Reason("option-too-large", ["option": option]) }
    public static func unexpectedArgument(_ value: String) -> Reason { Reason("unexpected-argument", ["value": value]) }
    public static func optionNotHere(_ option: String) -> Reason { Reason("option-not-here", ["option": option]) }

    // MARK: Values that do not fit together (the benchmark's sizes, directories)

    /// Not a whole number of at least `minimum` (digits may be grouped with `_` or `,`).
    public static func optionNotCount(_ option: String, minimum: Int, value: String) -> Reason {
        Reason("option-not-count", ["option": option, "minimum": String(minimum), "value": value])
    }
    /// `option`'s value is not a multiple of `other`'s.
    public static func optionNotMultiple(_ option: String, value: Int, of other: String, divisor: Int) -> Reason {
        Reason("option-not-multiple", ["option": option, "value": String(value), "other": other, "divisor": String(divisor)])
    }
    public static func optionTooSmall(_ option: String, minimum: Int64, value: Int64) -> Reason {
        Reason("option-too-small", ["option": option, "minimum": String(minimum), "value": String(value)])
    }
    /// `option` and `other` together leave nothing to do.
    public static func optionsLeaveNothing(_ option: String, _ other: String) -> Reason {
        Reason("options-leave-nothing", ["option": option, "other": other])
    }
    public static func optionNotDirectory(_ option: String, path: String) -> Reason {
        Reason("option-not-directory", ["option": option, "path": path])
    }
}

extension Catalogue {
    /// The parser's reasons (``PropertyLedger/Reason/argumentReasons``). The English is what the parser said
    /// before it gave reasons, so scripts and habits that read it keep working.
    static let arguments: [String: Wording] = [
        "unknown-option": .init(zh: "没有 {option} 这个选项", en: "unknown option {option}"),
        "unknown-option-for-command": .init(
            zh: "`{program} {command}` 没有 {option} 这个选项", en: "unknown option {option} for `{program} {command}`"),
        "option-needs-value": .init(zh: "{option} 后须给出值（{placeholder}）", en: "{option} needs a value ({placeholder})"),
        "option-given-twice": .init(zh: "{option} 给出了两次", en: "{option} is given twice"),
        "option-takes-no-value": .init(zh: "{option} 不带值", en: "{option} takes no value"),
        "argument-missing": .init(zh: "缺少参数：{placeholder}", en: "missing {placeholder}"),
        "argument-empty": .init(zh: "{placeholder}为空", en: "{placeholder} is empty"),
        "object-argument-empty": .init(
            zh: "{placeholder}为空：请给出物品编号（P-…）、案卷编号（D-…）或 chip:芯片UID",
            en: "{placeholder} is empty: give an item id (P-…), a dossier id (D-…) or chip:UID"),
        "option-missing": .init(zh: "缺少 {option}", en: "missing {option}"),
        "option-required-with": .init(zh: "缺少 {option}（使用 {with} 时必须给出）", en: "missing {option} (required with {with})"),
        "option-not-one-of": .init(zh: "{option} 须为 {allowed} 之一，不能是“{value}”", en: "{option} must be one of {allowed}, not \"{value}\""),
        "argument-not-one-of": .init(
            zh: "{placeholder}须为 {allowed} 之一，不能是“{value}”", en: "{placeholder} must be one of {allowed}, not \"{value}\""),
        "option-not-integer": .init(
            zh: "{option} 须为非负整数（半角数字），不能是“{value}”", en: "{option} must be a non-negative integer, not \"{value}\""),
        "argument-not-integer": .init(
            zh: "{placeholder}须为非负整数（半角数字），不能是“{value}”", en: "{placeholder} must be a non-negative integer, not \"{value}\""),
        "option-too-large": .init(zh: "{option} 的值过大", en: "{option} is too large"),
        "unexpected-argument": .init(zh: "多余的参数“{value}”", en: "unexpected argument \"{value}\""),
        "option-not-here": .init(zh: "此处不能使用 {option}", en: "{option} cannot be used here"),
        "option-not-count": .init(
            zh: "{option} 须为不小于 {minimum} 的整数，不能是 {value}", en: "{option} needs a whole number of at least {minimum}, not {value}"),
        "option-not-multiple": .init(
            zh: "{option}（{value}）须为 {other}（{divisor}）的整数倍", en: "{option} ({value}) must be a multiple of {other} ({divisor})"),
        "option-too-small": .init(zh: "{option} 至少为 {minimum}，不能是 {value}", en: "{option} must be at least {minimum}, not {value}"),
        "options-leave-nothing": .init(zh: "{option} 和 {other} 排除了全部内容，没有可运行的部分", en: "{option} and {other} leave nothing to run"),
        "option-not-directory": .init(zh: "{option}：{path} 不是目录", en: "{option}: {path} is not a directory"),
    ]

    /// The words for the placeholders of positionals and option values, as the reasons above show them; a
    /// placeholder not listed shows as it is. English keeps the placeholder itself (as the help shows it).
    static let argumentPlaceholders: [String: Wording] = [
        "OBJECT": .init(zh: "物品或案卷编号", en: "OBJECT"),
        "BADGE": .init(zh: "警号", en: "BADGE"),
        "LOCATION": .init(zh: "存放位置", en: "LOCATION"),
        "CODE": .init(zh: "位置编号", en: "CODE"),
        "NUMBER": .init(zh: "案件编号", en: "NUMBER"),
        "CASE": .init(zh: "案件编号", en: "CASE"),
        "INDEX": .init(zh: "记录序号", en: "INDEX"),
        "UID": .init(zh: "芯片 UID", en: "UID"),
        "SHELL": .init(zh: "shell 类型", en: "SHELL"),
        "NAME": .init(zh: "名称", en: "NAME"),
        "TEXT": .init(zh: "文字", en: "TEXT"),
        "TIME": .init(zh: "时间", en: "TIME"),
        "N": .init(zh: "数字", en: "N"),
        "PATH": .init(zh: "路径", en: "PATH"),
        "FILE": .init(zh: "文件", en: "FILE"),
    ]
}
