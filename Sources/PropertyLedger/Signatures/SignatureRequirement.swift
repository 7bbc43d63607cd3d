/// Whether a log requires every entry to be signed, as its entry 0 says (`log.signatures`).
///
/// A store made by this version requires them by default: every entry after the first officer's (the first
/// supervisor, who enrols his own key next) must be signed, with no switch to forget. A store made before keys
/// existed says nothing and is ``optional``: its unsigned entries stay valid until a `log.signatures-required`
/// entry ends them. ``optional`` is also what a training or test store asks for explicitly
/// (`ledger init --signatures optional`), visibly to anyone who reads entry 0.
public enum SignatureRequirement: String, Codable, Sendable, CaseIterable {
    /// Every entry after the first officer's must be signed.
    case required
    /// Unsigned entries are written for holders without a key, until `log.signatures-required`.
    case optional
}
