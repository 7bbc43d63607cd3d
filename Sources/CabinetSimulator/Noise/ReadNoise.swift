/// How a simulated cabinet's RFID reader errs, per tag and per inventory round.
///
/// - A tag inside is **missed** (漏读: no antenna reads it in that round) with probability `missRate`.
/// - It is **also read by the antenna of the next slot** (串读, in the cabinet's slot order; the last slot has no
///   next) with probability `neighbourRate`, independently of the miss, and always with a weaker RSSI than its
///   own slot's antennas give: a tag missed by its own antennas may be read only in the wrong slot.
/// - Every slot is covered by `duplicateAntennas` antennas, and each reports every read it makes: with 3, every
///   read arrives three times (same slot, different antenna, slightly different RSSI). 1 means no duplicates.
/// - `seed` seeds the ``SplitMix64`` the rounds draw from: the same seed gives the same rounds.
public struct ReadNoise: Sendable, Hashable {
    public var missRate: Double
    public var neighbourRate: Double
    public var duplicateAntennas: Int
    public var seed: UInt64
    /// Whether reads carry `rssi`; a reader without it leaves the field out.
    public var reportsRSSI: Bool

    public init(
        missRate: Double = 0, neighbourRate: Double = 0, duplicateAntennas: Int = 1, seed: UInt64 = 1,
        reportsRSSI: Bool = true
    ) {
        precondition((0...1).contains(missRate) && (0...1).contains(neighbourRate), "rates are probabilities")
        precondition(duplicateAntennas >= 1, "every slot has at least one antenna")
        self.missRate = missRate
        self.neighbourRate = neighbourRate
        self.duplicateAntennas = duplicateAntennas
        self.seed = seed
        self.reportsRSSI = reportsRSSI
    }

    /// A reader that reads every tag once, in its own slot.
    public static let perfect = ReadNoise()
}
