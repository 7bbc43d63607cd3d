import CommandLineSupport
import LedgerPresentation

/// `ledger --help`, `ledger GROUP --help` and `ledger COMMAND --help`, in Chinese or English, generated from
/// the specs in ``CommandRegistry`` and the headings in ``LedgerPresentation/HelpWords``.
///
/// Columns are aligned by display width (a Chinese character takes two columns), and every line is wrapped
/// to ``width`` columns: a summary or an option's help that does not fit goes on below, in its own column.
enum Help {
    static let version = "ledger 0.1.0 (PropertyLedger)"

    /// The widest a help line gets, in terminal columns.
    static let width = 100
    /// Where a command's summary starts: two spaces, then the command and its arguments padded to this.
    static let commandColumn = 28
    /// Where an option's help starts: two spaces, then the option and its placeholder padded to this.
    static let optionColumn = 34
    static let statusColumn = 4

    private static var words: HelpWords { Catalogue.help }

    static func text(for command: String?, in language: Language) -> String {
        if let command, let type = CommandRegistry.named(command) { return text(for: type.spec, in: language) }
        if let command, CommandSpec.isGroup(command) {
            var lines = [words.subcommands.text(in: language, ["group": command]), ""]
            for spec in CommandSpec.all where spec.name.hasPrefix(command + " ") {
                lines += describe(spec, in: language)
            }
            lines += ["", words.subcommandHelpHint.text(in: language, ["group": command])]
            return lines.joined(separator: "\n")
        }
        var lines = [
            words.tagline.text(in: language),
            "",
            words.usage.text(in: language, ["command": words.commandPlaceholder.text(in: language)]),
            "",
            words.commands.text(in: language),
        ]
        lines += CommandSpec.all.flatMap { describe($0, in: language) }
        lines += ["", words.globalOptions.text(in: language)]
        lines += CommandSpec.globalOptions.flatMap { describe($0, in: language) }
        lines += ["", words.exitStatus.text(in: language)]
        lines += ExitStatus.allCases.flatMap { column(String($0.rawValue), statusColumn, $0.meaning.text(in: language)) }
        lines += [""] + wrap(words.objectForms.text(in: language), width: width)
        lines += wrap(words.commandHelpHint.text(in: language), width: width)
        return lines.joined(separator: "\n")
    }

    private static func text(for spec: CommandSpec, in language: Language) -> String {
        let usage = spec.name + (spec.arguments.isEmpty ? "" : " \(spec.arguments)")
        var lines = wrap("ledger \(spec.name) — " + spec.summary.text(in: language), width: width)
        lines += ["", words.usage.text(in: language, ["command": usage])]
        if !spec.options.isEmpty {
            lines += ["", words.options.text(in: language)]
            lines += spec.options.flatMap { describe($0, in: language) }
        }
        lines += ["", words.globalOptions.text(in: language)]
        lines += CommandSpec.globalOptions.flatMap { describe($0, in: language) }
        for note in spec.notes { lines += [""] + wrap(note.text(in: language), width: width) }
        lines += ["", words.exitStatusHint.text(in: language)]
        return lines.joined(separator: "\n")
    }

    private static func describe(_ spec: CommandSpec, in language: Language) -> [String] {
        column(spec.name + (spec.arguments.isEmpty ? "" : " " + spec.arguments), commandColumn, spec.summary.text(in: language))
    }

    private static func describe(_ option: Option, in language: Language) -> [String] {
        column("--\(option.name)" + (option.value.map { " \($0)" } ?? ""), optionColumn, option.help.text(in: language))
    }

    /// `  label   text`, the text starting at `2 + labelWidth` columns (by display width) and wrapped there; a
    /// label too wide for its column (`--reason interrogation|appraisal|…`) has a line of its own.
    private static func column(_ label: String, _ labelWidth: Int, _ text: String) -> [String] {
        let indent = String(repeating: " ", count: 2 + labelWidth)
        let lines = wrap(text, width: width - indent.count).map { indent + $0 }
        guard displayWidth(label) < labelWidth else { return ["  " + label] + lines }
        return ["  " + padded(label, to: labelWidth) + lines[0].dropFirst(indent.count)] + lines.dropFirst()
    }

    /// `text` broken into lines of at most `width` display columns.
    ///
    /// Lines break at spaces outside backquotes (so `` `ledger return` `` stays whole) and, as Chinese is set,
    /// between Chinese characters or between one and a Latin character, but never before closing punctuation
    /// (`，。）`) nor after opening punctuation (`（“`). A word wider than `width` keeps a line of its own.
    static func wrap(_ text: String, width: Int) -> [String] {
        // Pieces that may start a line, each with the spaces before it (dropped when it does start one).
        var pieces: [(gap: String, text: String)] = []
        var gap = ""
        var piece = ""
        var inCode = false
        var previous: Character?
        for character in text {
            if character == " " && !inCode {
                if !piece.isEmpty {
                    pieces.append((gap, piece))
                    gap = ""
                    piece = ""
                }
                gap.append(character)
            } else {
                if let previous, !piece.isEmpty, !inCode, mayBreak(between: previous, and: character) {
                    pieces.append((gap, piece))
                    gap = ""
                    piece = ""
                }
                if character == "`" { inCode.toggle() }
                piece.append(character)
            }
            previous = character
        }
        if !piece.isEmpty { pieces.append((gap, piece)) }

        var lines: [String] = []
        var line = ""
        for (gap, piece) in pieces {
            if line.isEmpty && lines.isEmpty {
                line = gap + piece
            } else if displayWidth(line + gap + piece) <= width {
                line += gap + piece
            } else {
                lines.append(line)
                line = piece
            }
        }
        lines.append(line)
        return lines
    }

    /// Whether a line may break between `left` and `right` with no space between them: next to a wide
    /// (Chinese) character, unless punctuation binds them.
    private static func mayBreak(between left: Character, and right: Character) -> Bool {
        guard displayWidth(String(left)) == 2 || displayWidth(String(right)) == 2 else { return false }
        return !opening.contains(left) && !closing.contains(right)
    }

    /// Punctuation that no line starts with.
    private static let closing: Set<Character> = Set("，。、；：！？）」』》〉】”’…,.;:!?)]}%")
    /// Punctuation that no line ends with.
    private static let opening: Set<Character> = Set("（「『《〈【“‘([{")
}
