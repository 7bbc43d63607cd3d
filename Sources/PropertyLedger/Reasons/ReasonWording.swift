import Synchronization

/// How ``LedgerError/message`` words a reason, when a program has said so; else it is the debug form.
///
/// Transitional: the `ledger` tool's argument parser and `scan` still read `message` (they are being
/// restructured to render ``LedgerError/reason`` through the presentation layer themselves). Until then the
/// tool installs its renderer here once at start-up. PropertyLedger itself holds no wording; remove this once
/// nothing reads `message`.
public enum ReasonWording {
    private static let installed = Mutex<(@Sendable (Reason) -> String)?>(nil)

    /// Makes `message` word reasons with `render` from now on (nil: the debug form again).
    public static func install(_ render: (@Sendable (Reason) -> String)?) {
        installed.withLock { $0 = render }
    }

    static func words(for reason: Reason) -> String {
        let render = installed.withLock { $0 }
        return render?(reason) ?? reason.description
    }
}
