import DossierVault
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Colour for grades, only where a person watches a terminal: standard output is a terminal, `NO_COLOR` is not
/// set (no-color.org) and `TERM` is not `dumb`. Never in a pipe, a file or a test; the grade's word is always
/// there, the colour only helps.
struct TerminalColour {
    let isEnabled: Bool

    /// Whether standard output gets colour now.
    static var standardOutput: TerminalColour {
        let environment = ProcessInfo.processInfo.environment
        let enabled = isatty(STDOUT_FILENO) == 1 && (environment["NO_COLOR"]?.isEmpty ?? true) && environment["TERM"] != "dumb"
        return TerminalColour(isEnabled: enabled)
    }

    /// `text` in the grade's colour (red, orange, yellow, green), or as it is.
    func paint(_ text: String, as grade: Grade) -> String {
        guard isEnabled else { return text }
        let code =
            switch grade {
            case .red: "1;31"
            case .orange: "38;5;208"
            case .yellow: "33"
            case .green: "32"
            }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}
