/// What happens at the readers, as one stream per process (see ``ReaderMonitor``).
public enum ReaderEvent: Sendable, Equatable {
    /// The readers and what is on them (with the UIDs of the tags already there): first, and again after the
    /// service comes back.
    case snapshot([ReaderStatus])
    /// Readers were plugged in or removed.
    case readersChanged(added: [String], removed: [String])
    /// A tag was placed on a reader; the UID read, or why it could not be read.
    case tagArrived(TagArrival)
    /// The tag left the reader.
    case tagLeft(reader: String)
    /// pcscd went away; the monitor keeps trying to reconnect.
    case serviceLost(reason: String)
    /// pcscd is back.
    case serviceRestored
}

/// One reader and whether a tag is on it.
public struct ReaderStatus: Sendable, Equatable {
    public var reader: String
    public var hasTag: Bool
    public var atr: [UInt8]
    /// The UID of the tag on the reader, as read (not canonicalised); nil when there is no tag or it could not
    /// be read. A snapshot reads the tags already lying on the readers, which no arrival will report.
    public var uid: TagUID?

    public init(reader: String, hasTag: Bool, atr: [UInt8] = [], uid: TagUID? = nil) {
        self.reader = reader
        self.hasTag = hasTag
        self.atr = atr
        self.uid = uid
    }
}

/// A tag that arrived: where, its ATR, and its UID or the error reading it.
public struct TagArrival: Sendable, Equatable {
    public var reader: String
    public var atr: [UInt8]
    public var result: Result<TagUID, ReaderError>
    /// When the arrival was noticed (the wait returned), before the UID was read: for latency figures.
    public var detectedAt: ContinuousClock.Instant

    public init(
        reader: String, atr: [UInt8], result: Result<TagUID, ReaderError>, detectedAt: ContinuousClock.Instant = .now
    ) {
        self.reader = reader
        self.atr = atr
        self.result = result
        self.detectedAt = detectedAt
    }

    public var uid: TagUID? { try? result.get() }

    /// The parsed ATR, when it parses.
    public var parsedATR: ATR? { try? ATR(atr) }
}
