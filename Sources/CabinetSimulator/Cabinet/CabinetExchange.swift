/// One request line the simulated cabinet sent and the response it got, for its transcript.
public struct CabinetExchange: Sendable, Hashable {
    /// The line sent, without its newline.
    public var request: String
    public var response: CabinetResponse
}
