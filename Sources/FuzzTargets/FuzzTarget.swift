public import Foundation

/// One fuzz target: a parser of outside input, fed arbitrary bytes, and what must hold of its answer.
///
/// A parser may refuse anything, but only with an error the catalogue words (``Refusal``); a trap (an index out
/// of range, an overflow, a precondition) is a finding, and so is a property that does not hold, which `check`
/// throws as a ``FuzzFinding``. The same closures run under libFuzzer (`make fuzz`, the `Fuzz/` package) and in
/// `FuzzTargetsTests`, which replays the committed corpus and regression inputs without a sanitizer.
public struct FuzzTarget: Sendable {
    /// The name `make fuzz` and `LEDGER_FUZZ_TARGET` use, and the directory of its inputs under `Fuzz/`.
    public let name: String
    /// What the target feeds and checks, one line (docs/fuzzing.md lists them).
    public let summary: String
    public let check: @Sendable (Data) throws(FuzzFinding) -> Void

    init(_ name: String, _ summary: String, check: @escaping @Sendable (Data) throws(FuzzFinding) -> Void) {
        self.name = name
        self.summary = summary
        self.check = check
    }

    /// The target called `name`, if there is one.
    public static func named(_ name: String) -> FuzzTarget? {
        all.first { $0.name == name }
    }
}
