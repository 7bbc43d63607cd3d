/// A failure of the test's own machinery (a client that could not connect, a child that did not start).
struct TestFailure: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
