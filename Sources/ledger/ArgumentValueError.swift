import PropertyLedger

/// An option whose value the library refused (a time that is not one): a usage error (exit 64) whose words
/// come from the library's reason, in the chosen language.
struct ArgumentValueError: Error {
    /// The option's name, without `--`.
    let option: String
    let reason: Reason
    /// The command whose help the user should read.
    let command: String?
}
