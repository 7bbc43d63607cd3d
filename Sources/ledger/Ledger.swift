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
        // No PC/SC thread may still be inside pcsc-lite when its destructor runs at exit.
        await ReaderMonitor.stopAll()
        exit(status.rawValue)
    }

    static func run(_ arguments: [String]) async -> ExitStatus {
        let json = arguments.contains("--json")
        // Looked up before parsing, so that even an error in the command line is worded in the chosen language.
        let language = CommandContext.language(
            flag: languageFlag(in: arguments).flatMap { Language(rawValue: $0)?.rawValue }, arguments: arguments)
        // Times in a refusal (a due time) read in the store's zone, peeked at like its language — only when a
        // reason holds one, so that a usage error touches no file.
        let times = TimesInReasons(language: language) { CommandContext.zone(arguments: arguments) }
        do {
            let invocation = try Invocation(parsing: arguments)
            try await invocation.run()
            // The command did its work, but its result did not reach standard output (see `Output`).
            if let failure = Output.failure {
                report(failure, in: language, times: times, status: .outputFailed, kind: "outputFailed", json: false)
                return .outputFailed
            }
            return .success
        } catch let error as ArgumentValueError {
            report(
                error.reason, in: language, times: times, status: .usage, kind: "usage", json: json,
                prefix: Catalogue.errors.optionValue.text(in: language, ["option": "--" + error.option]),
                help: error.command.map { .command($0) })
            return .usage
        } catch let error as NotAVerifierKey {
            report(
                error.reason, in: language, times: times, status: .invalidInput, kind: "invalidInput", json: json,
                prefix: Catalogue.errors.notAVerifierKey.text(in: language, ["path": error.path]))
            return .invalidInput
        } catch let error as UsageError {
            if error.showsUsage { try? FileHandle.standardError.write(contentsOf: Data((Help.text(for: nil, in: language) + "\n\n").utf8)) }
            report(error.reason, in: language, times: times, status: .usage, kind: "usage", json: json, help: error.help)
            return .usage
        } catch let error as CommandFailure {
            // The command already printed its JSON result (which says what failed); only stderr gets the line.
            report(
                error.reason, in: language, times: times, status: error.status, kind: "\(error.status)", json: json && !error.resultPrinted,
                details: error.details)
            return error.status
        } catch let error as LedgerError {
            let status = ExitStatus(for: error.code)
            report(error.reason, in: language, times: times, status: status, kind: "\(error.code)", json: json)
            return status
        } catch let error as VerificationError {
            report(
                error.reason, in: language, times: times, status: .verificationFailed, kind: "verificationFailed", json: json,
                prefixed: true)
            return .verificationFailed
        } catch let error as NoteFormatError {
            report(error.reason, in: language, times: times, status: .invalidInput, kind: "invalidInput", json: json, prefixed: true)
            return .invalidInput
        } catch let error as ReaderError {
            report(Reason(error), in: language, times: times, status: .readerUnavailable, kind: "reader", json: json)
            return .readerUnavailable
        } catch let error as CryptoError {
            report(error.reason, in: language, times: times, status: .invalidInput, kind: "invalidInput", json: json)
            return .invalidInput
        } catch {
            report("\(error)", status: .internalError, kind: "internal", json: json)
            return .internalError
        }
    }

    /// Writes `reason` in `language` as the one error line, with what to type next when there is a hint;
    /// with `--json`, also the error object, which carries the reason's id and arguments beside the words.
    /// `prefixed`: the reason does not say what kind of failure it is (a proof, a note's text), so the kind
    /// goes first. `prefix` says what the reason is about (an option, a file); `details` follow the reason
    /// (the finding a failure is about); `help` is the help to read, named at the end.
    private static func report(
        _ reason: Reason, in language: Language, times: TimesInReasons, status: ExitStatus, kind: String, json: Bool,
        prefixed: Bool = false,
        prefix: String = "", details: [Reason] = [], help: UsageError.Help? = nil
    ) {
        let words = Catalogue.errors
        let kindPrefix = prefixed ? Catalogue.commandLinePrefixes[kind] : nil
        let format = times.format(for: [reason] + details)
        var message = prefix + (kindPrefix?.text(in: language) ?? "") + Catalogue.commandLineText(reason, in: language, times: format)
        for detail in details {
            message += words.detailSeparator.text(in: language) + Catalogue.commandLineText(detail, in: language, times: format)
        }
        switch help {
        case .general: message += words.separator.text(in: language) + words.seeHelp.text(in: language)
        case .command(let command):
            message += words.separator.text(in: language) + words.seeCommandHelp.text(in: language, ["command": command])
        case nil: break
        }
        Output.writeError(message)
        if json {
            let body = ErrorOutput.Body(status: status.rawValue, kind: kind, message: message, reason: reason.id, args: reason.arguments)
            try? Output.writeJSON(ErrorOutput(error: body))
        }
    }

    /// Writes an error nobody gave a reason for (an internal error), as its debug text.
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

extension CommandFailure {
    /// A step after a command had recorded its entries failed (writing the file that goes with them, signing the
    /// checkpoint it proves them against): `reason` says what is recorded and how to finish, `error`'s reason follows it.
    /// The status is ``ExitStatus/outputFailed``: the entries stand, running the command again would be refused.
    static func recorded(_ reason: Reason, before error: any Error) -> CommandFailure {
        CommandFailure(status: .outputFailed, reason: reason, details: [Reason.describing(error)])
    }
}

extension Reason {
    /// The reason `error` carries, for the error types the tool words; another error as its debug text.
    static func describing(_ error: any Error) -> Reason {
        switch error {
        case let error as LedgerError: error.reason
        case let error as CommandFailure: error.reason
        case let error as VerificationError: error.reason
        case let error as NoteFormatError: error.reason
        case let error as CryptoError: error.reason
        default: Reason("error-detail", ["detail": "\(error)"])
        }
    }
}

/// A command's own failure with a chosen exit status (for example `verify` finding a bad entry): why, as one
/// of the tool's reasons, and the reasons that detail it (where the first problem is, and what it is).
struct CommandFailure: Error {
    let status: ExitStatus
    let reason: Reason
    /// Worded after the reason, in order (`verification failed at index 3: entry 3: its bytes …`).
    var details: [Reason] = []
    /// Whether the command printed its result before failing.
    var resultPrinted = false
}
