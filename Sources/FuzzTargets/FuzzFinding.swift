/// A property of a parser that did not hold for an input: what was expected, and what came instead.
public struct FuzzFinding: Error, CustomStringConvertible, Sendable {
    public let description: String

    init(_ description: String) {
        self.description = description
    }

    /// Throws `description` unless `condition` holds.
    static func require(_ condition: Bool, _ description: @autoclosure () -> String) throws(FuzzFinding) {
        guard condition else { throw FuzzFinding(description()) }
    }
}
