import ChipReader

/// The PC/SC readers of a cabinet built from desktop readers, one or more per slot, as the reader monitor's
/// events describe them: the tags on a slot's readers are the slot's contents, and one inventory round is every
/// slot reader's tags at one moment.
///
/// A round is complete only when every slot reader is there and every tag on them was read: a slot that cannot
/// be read would look emptied, so its round must not count (docs/cabinet-protocol.md, complete rounds).
struct SlotReaders {
    /// Why a round is incomplete.
    enum Problem: Equatable {
        case readerMissing(slot: String, reader: String)
        case tagUnreadable(slot: String, reader: String)
        case serviceDown
    }

    /// One round: the reads, and what kept it from being complete (none: complete).
    struct Round: Equatable {
        var tags: [AdapterRequest.Tag]
        var problems: [Problem]
        var isComplete: Bool { problems.isEmpty }
    }

    /// The slot each slot reader serves, by reader name.
    let slots: [String: String]
    /// The readers the monitor reports now, by name (slot readers and any other).
    private(set) var readers: [String: ReaderStatus] = [:]
    private(set) var isServiceUp = false

    init(slots: [String: String]) {
        self.slots = slots
    }

    /// Follows the monitor: a snapshot replaces what was known, the other events change it.
    mutating func apply(_ event: ReaderEvent) {
        switch event {
        case .snapshot(let statuses):
            readers = Dictionary(statuses.map { ($0.reader, $0) }) { _, last in last }
            isServiceUp = true
        case .readersChanged(let added, let removed):
            for name in added { readers[name] = ReaderStatus(reader: name, hasTag: false) }
            for name in removed { readers[name] = nil }
        case .tagArrived(let arrival):
            readers[arrival.reader] = ReaderStatus(reader: arrival.reader, hasTag: true, atr: arrival.atr, uid: arrival.uid)
        case .tagLeft(let name):
            readers[name] = ReaderStatus(reader: name, hasTag: false)
        case .serviceLost:
            readers = [:]
            isServiceUp = false
        case .serviceRestored:
            break  // a snapshot follows
        }
    }

    /// Every slot reader's tags now; UIDs canonical, as chips are bound.
    func round() -> Round {
        guard isServiceUp else { return Round(tags: [], problems: [.serviceDown]) }
        var round = Round(tags: [], problems: [])
        for (reader, slot) in slots.sorted(by: { ($0.value, $0.key) < ($1.value, $1.key) }) {
            guard let status = readers[reader] else {
                round.problems.append(.readerMissing(slot: slot, reader: reader))
                continue
            }
            guard status.hasTag else { continue }
            guard let uid = status.uid else {
                round.problems.append(.tagUnreadable(slot: slot, reader: reader))
                continue
            }
            round.tags.append(AdapterRequest.Tag(uid: uid.canonical.hex, slot: slot, antenna: reader))
        }
        return round
    }
}
