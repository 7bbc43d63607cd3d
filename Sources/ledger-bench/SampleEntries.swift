import Foundation

/// Realistic custody-log entries: about 250 bytes of JSON-like text that differ in every field that would differ
/// in practice, so page fill, compression-free storage and hashing cost match a real log.
///
/// Entry `number` is a pure function of `number`: the store, the raw SQLite baseline and the bare hashing bound
/// all see exactly the same bytes without the benchmark keeping a million entries in memory.
struct SampleEntries: Sendable {
    func entry(_ number: Int64) -> Data {
        var random = SplitMix64(seed: UInt64(bitPattern: number))
        let place = random.next()
        let person = random.next()
        let time = random.next()
        let photo = (0..<4).map { _ in Self.hex(random.next()) }.joined()
        let seal = Self.hex(random.next())
        let text = """
            {"type":"custody.transfer","seq":\(number),"item":"370321-2024-\(Self.padded(number, width: 8))",\
            "from":"evidence-room-\(place % 12)","to":"lab-\((place >> 32) % 40)",\
            "by":"officer-\(Self.padded(Int64(person % 100_000), width: 5))",\
            "at":"2024-\(Self.padded(Int64(time % 12 + 1), width: 2))-\(Self.padded(Int64((time >> 8) % 28 + 1), width: 2))\
            T\(Self.padded(Int64((time >> 16) % 24), width: 2)):\(Self.padded(Int64((time >> 24) % 60), width: 2))Z",\
            "photo":"\(photo)","seal":"\(seal)"}
            """
        return Data(text.utf8)
    }

    /// Entries `range`, in order: one batch for `append(contentsOf:)` or one raw transaction.
    func entries(_ range: Range<Int64>) -> [Data] {
        range.map(entry)
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    private static func padded(_ value: Int64, width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
