/// What a simulated cabinet's observer hears, as it happens.
public enum CabinetTraffic: Sendable, Hashable {
    /// A request line is about to be written (without its newline).
    case sent(String)
    /// A response arrived.
    case received(CabinetResponse)
}
