/// The scripted sessions `ledger-cabinet-sim --scenario NAME` runs.
enum Scenario: String, CaseIterable, Sendable {
    /// `hello` only: the cabinet and its slots as the ledger knows them.
    case hello
    /// An officer takes an approved item (`--take`) and one more he was not allowed (`--also-take`); the
    /// session is reconciled and its findings printed. For `make demo`.
    case demo
    /// A door session: authorize, open, take each `--take`, put each `--put`, close, inventory until reconciled.
    case session
    /// An alarm of `--alarm KIND`.
    case alarm
    /// After a crash: further complete rounds for the open `--session`, until reconciled.
    case resume
}
