/// A tag's one read in one round, however many antennas reported it: the slot of its strongest read that names
/// a slot (no RSSI is the weakest; between equals the smaller slot code), and that read's RSSI.
struct RoundRead {
    /// Nil while no read named a slot.
    private(set) var slot: String?
    private(set) var rssi: Double?

    /// Before the first read.
    init() {}

    mutating func merge(_ read: TagRead) {
        guard let code = read.slot else { return }
        guard let current = slot else {
            (slot, rssi) = (code, read.rssi)
            return
        }
        let stronger =
            switch (read.rssi, rssi) {
            case (let new?, let old?): new > old || (new == old && code < current)
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): code < current
            }
        if stronger { (slot, rssi) = (code, read.rssi) }
    }
}
