/// What one reader reported at a wake-up: whether a tag is present and the event counter.
struct ReaderSnapshot: Equatable {
    var isPresent: Bool
    /// The high 16 bits of `dwEventState`: pcsc-lite counts insertions and removals per reader there.
    var eventCount: UInt16
    var atr: [UInt8]
}

/// A change derived from two consecutive snapshots of the readers.
enum ReaderChange: Equatable {
    case added(String)
    case removed(String)
    case arrived(reader: String, atr: [UInt8])
    case left(reader: String)
}

/// Turns the readers' states at one wake-up, compared with the last, into changes — a pure function, so the
/// subtle cases are unit-tested without a reader.
///
/// Removal is reported late and a tag can be lifted and placed again between two wake-ups: the presence bit
/// is then the same, but the event counter moved by two or more. That is reported as a departure and an
/// arrival, so a tag is acted on once per arrival and a swapped tag is never missed.
enum ReaderStates {
    static func changes(from old: [String: ReaderSnapshot], to new: [String: ReaderSnapshot]) -> [ReaderChange] {
        var changes: [ReaderChange] = []
        for reader in old.keys.sorted() where new[reader] == nil {
            if old[reader]?.isPresent == true { changes.append(.left(reader: reader)) }
            changes.append(.removed(reader))
        }
        for reader in new.keys.sorted() {
            guard let now = new[reader] else { continue }
            guard let before = old[reader] else {
                changes.append(.added(reader))
                if now.isPresent { changes.append(.arrived(reader: reader, atr: now.atr)) }
                continue
            }
            let moved = now.eventCount &- before.eventCount
            switch (before.isPresent, now.isPresent) {
            case (false, true):
                changes.append(.arrived(reader: reader, atr: now.atr))
            case (true, false):
                changes.append(.left(reader: reader))
            case (true, true) where moved >= 2 || (moved == 0 && now.atr != before.atr):
                // Lifted and placed again (or replaced by another tag) between two wake-ups.
                changes.append(.left(reader: reader))
                changes.append(.arrived(reader: reader, atr: now.atr))
            default:
                break
            }
        }
        return changes
    }
}
