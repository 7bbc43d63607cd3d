import ChipReader
import Foundation
import LedgerPresentation
import PropertyLedger

/// The `ledger` command-line tool: parses the command line, runs one command, maps errors to exit statuses.
@main
enum Ledger {
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let status = await run(arguments)
        exit(status.rawValue)
    }

    static func run(_ arguments: [String]) async -> ExitStatus {
        let json = arguments.contains("--json")
        // Looked up before parsing, so that even an error in the command line is worded in the chosen language.
        let language = CommandContext.language(
            flag: languageFlag(in: arguments).flatMap { Language(rawValue: $0)?.rawValue }, arguments: arguments)
        do {
            let invocation = try Invocation(parsing: arguments)
            try await invocation.run()
            return .success
        } catch let error as ArgumentValueError {
            report(
                error.reason, in: language, status: .usage, kind: "usage", json: json,
                prefix: "--\(error.option): ", suffix: error.command.map { "; see `ledger \($0) --help`" })
            return .usage
        } catch let error as NotAVerifierKey {
            report(
                error.reason, in: language, status: .invalidInput, kind: "invalidInput", json: json,
                prefix: "\(error.path) is not a verifier key: ")
            return .invalidInput
        } catch let error as UsageError {
            if error.showsUsage { FileHandle.standardError.write(Data((Help.text(for: nil) + "\n\n").utf8)) }
            report(
                error.message + (error.command.map { "; see `ledger \($0) --help`" } ?? ""), status: .usage, kind: "usage", json: json)
            return .usage
        } catch let error as CommandFailure {
            // The command already printed its JSON result (which says what failed); only stderr gets the line.
            report(error.message, status: error.status, kind: "\(error.status)", json: json && !error.resultPrinted)
            return error.status
        } catch let error as LedgerError {
            let status = ExitStatus(for: error.code)
            report(error.reason, in: language, status: status, kind: "\(error.code)", json: json)
            return status
        } catch let error as VerificationError {
            report(error.reason, in: language, status: .verificationFailed, kind: "verificationFailed", json: json, prefixed: true)
            return .verificationFailed
        } catch let error as NoteFormatError {
            report(error.reason, in: language, status: .invalidInput, kind: "invalidInput", json: json, prefixed: true)
            return .invalidInput
        } catch let error as ReaderError {
            report(Reason(error), in: language, status: .readerUnavailable, kind: "reader", json: json)
            return .readerUnavailable
        } catch let error as CryptoError {
            report(error.reason, in: language, status: .invalidInput, kind: "invalidInput", json: json)
            return .invalidInput
        } catch {
            report("\(error)", status: .internalError, kind: "internal", json: json)
            return .internalError
        }
    }

    /// Writes `reason` in `language` as the one error line, with what to type next when there is a hint;
    /// with `--json`, also the error object, which carries the reason's id and arguments beside the words.
    /// `prefixed`: the reason does not say what kind of failure it is (a proof, a note's text), so the kind
    /// goes first.
    private static func report(
        _ reason: Reason, in language: Language, status: ExitStatus, kind: String, json: Bool, prefixed: Bool = false,
        prefix: String = "", suffix: String? = nil
    ) {
        let kindPrefix = prefixed ? Catalogue.commandLinePrefixes[kind] : nil
        let message = prefix + (kindPrefix?.text(in: language) ?? "") + Catalogue.commandLineText(reason, in: language) + (suffix ?? "")
        Output.writeError(message)
        if json {
            let body = ErrorOutput.Body(status: status.rawValue, kind: kind, message: message, reason: reason.id, args: reason.arguments)
            try? Output.writeJSON(ErrorOutput(error: body))
        }
    }

    /// Writes an error of the tool's own, whose text is final (usage errors, a command's own failure).
    private static func report(_ message: String, status: ExitStatus, kind: String, json: Bool) {
        Output.writeError(message)
        if json { try? Output.writeJSON(ErrorOutput(error: .init(status: status.rawValue, kind: kind, message: message))) }
    }
}

/// The value given to `--lang` (`--lang en` or `--lang=en`), if any.
private func languageFlag(in arguments: [String]) -> String? {
    for (offset, argument) in arguments.enumerated() {
        if argument == "--" { return nil }
        if argument == "--lang" { return arguments.indices.contains(offset + 1) ? arguments[offset + 1] : nil }
        if argument.hasPrefix("--lang=") { return String(argument.dropFirst("--lang=".count)) }
    }
    return nil
}

/// A command's own failure with a chosen exit status (for example `verify` finding a bad entry).
struct CommandFailure: Error {
    let status: ExitStatus
    let message: String
    /// Whether the command printed its result before failing.
    var resultPrinted = false
}
