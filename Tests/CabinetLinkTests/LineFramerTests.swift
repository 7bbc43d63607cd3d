import Testing

@testable import CabinetLink

struct LineFramerTests {
    private typealias Event = LineFramer.Event

    private static func line(_ text: String) -> Event { .line(Array(text.utf8)) }

    /// Feeds `chunks` in turn, then ends the stream.
    private static func frame(_ chunks: [[UInt8]], limit: Int) -> [Event] {
        var framer = LineFramer(limit: limit)
        var events: [Event] = []
        for chunk in chunks { events += framer.append(chunk) }
        return events + framer.finish()
    }

    private static func frame(_ text: String, limit: Int = 8) -> [Event] {
        frame([Array(text.utf8)], limit: limit)
    }

    @Test func splitsAtNewlines() {
        #expect(Self.frame("a\nbc\n{\"v\":1}\n", limit: 100) == [Self.line("a"), Self.line("bc"), Self.line("{\"v\":1}")])
    }

    @Test func stripsOneCarriageReturnBeforeTheNewlineOnly() {
        #expect(Self.frame("a\r\nb\r\r\nc\rd\n") == [Self.line("a"), Self.line("b\r"), Self.line("c\rd")])
    }

    @Test func ignoresEmptyAndBlankLines() {
        #expect(Self.frame("\n\r\n  \t\r\n x\n\n\t\n") == [Self.line(" x")])
    }

    @Test func endsTheLastLineAtEndOfInput() {
        #expect(Self.frame("a\nlast") == [Self.line("a"), Self.line("last")])
        #expect(Self.frame("a\nlast\r") == [Self.line("a"), Self.line("last")])
        #expect(Self.frame("a\n   ") == [Self.line("a")])
    }

    @Test func aStreamEndingInANewlineHasNoExtraLine() {
        #expect(Self.frame("a\n") == [Self.line("a")])
        #expect(Self.frame("") == [])
    }

    @Test func finishingEmptiesTheFramer() {
        var framer = LineFramer(limit: 8)
        #expect(framer.append(Array("part".utf8)) == [])
        #expect(framer.finish() == [Self.line("part")])
        #expect(framer.bufferedByteCount == 0)
        #expect(framer.append(Array("x\n".utf8)) == [Self.line("x")])
        #expect(framer.finish() == [])
    }

    @Test func passesBytesThatAreNotUTF8() {
        #expect(Self.frame([[0xFF, 0xFE, 0x00, 0x0A, 0xC3]], limit: 8) == [.line([0xFF, 0xFE, 0x00]), .line([0xC3])])
    }

    // MARK: - The limit

    @Test(
        arguments: [
            // (as sent, the line it gives with a limit of 8, or nil: overlong)
            ("12345678\n", "12345678"), ("12345678\r\n", "12345678"), ("12345678", "12345678"), ("12345678\r", "12345678"),
            ("123456789\n", nil), ("123456789\r\n", nil), ("123456789", nil), ("123456789\r", nil),
            ("1234567\r\r\n", "1234567\r"), ("12345678\r\r\n", nil),
        ] as [(String, String?)])
    func aLineOfExactlyTheLimitPassesAndOneByteMoreDoesNot(sent: String, line: String?) {
        let expected = line.map(Self.line) ?? .overlong
        #expect(Self.frame(sent) == [expected])
        if sent.hasSuffix("\n") { #expect(Self.frame(sent + "next\n") == [expected, Self.line("next")]) }
    }

    @Test func theProtocolLimitIs64KiB() {
        let atLimit = [UInt8](repeating: UInt8(ascii: "a"), count: 65_536)
        #expect(LineFramer.defaultLimit == 65_536)
        var framer = LineFramer()
        #expect(framer.append(atLimit + [0x0A]) == [.line(atLimit)])
        #expect(framer.append(atLimit + [UInt8(ascii: "a"), 0x0A]) == [.overlong])
        #expect(framer.append(atLimit + [UInt8(ascii: "a")]) == [])
        #expect(framer.finish() == [.overlong])
    }

    @Test func anOverlongLineIsReportedOnceAndItsRestIsNeverBuffered() {
        var framer = LineFramer(limit: 8)
        var events: [Event] = []
        for _ in 0..<1000 {
            events += framer.append(Array("abc".utf8))
            #expect(framer.bufferedByteCount <= 9)
        }
        #expect(events == [.overlong])
        #expect(framer.bufferedByteCount == 0)
        events += framer.append(Array("abc\nok\n".utf8))
        #expect(events == [.overlong, Self.line("ok")])
    }

    @Test func anOverlongLineAtEndOfInputIsReportedOnce() {
        #expect(Self.frame([[UInt8](repeating: 0x41, count: 100)], limit: 8) == [.overlong])
        #expect(Self.frame([[UInt8](repeating: 0x41, count: 9)], limit: 8) == [.overlong])
    }

    @Test func overlongLinesInOneChunkAreEachReported() {
        #expect(
            Self.frame("0123456789\nok\n0123456789abcdef\r\n\n12345678\n")
                == [.overlong, Self.line("ok"), .overlong, Self.line("12345678")])
    }

    // MARK: - Lines across reads

    private static let stream = "one\r\n\ntwo\nxxxxxxxxxxxxxxxxxxxx\neight888\nnine9999\r\nnine99999\n \t\nlast"
    private static let streamLines: [Event] = [
        line("one"), line("two"), .overlong, line("eight888"), line("nine9999"), .overlong, line("last"),
    ]

    @Test func aStreamSplitInTwoAtAnyPositionGivesTheSameLines() {
        let bytes = Array(Self.stream.utf8)
        for cut in 0...bytes.count {
            #expect(Self.frame([Array(bytes[..<cut]), Array(bytes[cut...])], limit: 8) == Self.streamLines, "cut at \(cut)")
        }
    }

    @Test func aStreamSplitInThreeAtAnyPositionsGivesTheSameLines() {
        let bytes = Array(Self.stream.utf8)
        for first in 0...bytes.count {
            for second in first...bytes.count {
                let chunks = [Array(bytes[..<first]), Array(bytes[first..<second]), Array(bytes[second...])]
                #expect(Self.frame(chunks, limit: 8) == Self.streamLines, "cuts at \(first), \(second)")
            }
        }
    }

    @Test func aStreamReadByteByByteGivesTheSameLines() {
        #expect(Self.frame(Array(Self.stream.utf8).map { [$0] }, limit: 8) == Self.streamLines)
    }

    /// Random streams in random chunks against a second, naive implementation: split the whole stream at once.
    @Test func randomStreamsInRandomChunksMatchSplittingAtOnce() {
        var random = SplitMix64(seed: 0x1234_5678)
        let alphabet: [UInt8] = [0x61, 0x62, 0x0D, 0x0A, 0x0A, 0x20, 0x09, 0xFF]
        for _ in 0..<500 {
            let bytes = (0..<random.next(below: 60)).map { _ in alphabet[random.next(below: alphabet.count)] }
            var chunks: [[UInt8]] = []
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + random.next(below: 12))
                chunks.append(Array(bytes[start..<end]))
                start = end
            }
            #expect(Self.frame(chunks, limit: 5) == Self.splitAtOnce(bytes, limit: 5), "\(bytes)")
        }
    }

    private static func splitAtOnce(_ bytes: [UInt8], limit: Int) -> [Event] {
        var pieces = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        if bytes.last == 0x0A { pieces.removeLast() }
        return pieces.compactMap { piece in
            let line = piece.last == 0x0D ? Array(piece.dropLast()) : piece
            if line.count > limit { return .overlong }
            return line.allSatisfy { $0 == 0x20 || $0 == 0x09 } ? nil : .line(line)
        }
    }
}

/// A small seeded generator (SplitMix64), so that the random tests repeat exactly.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(below bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }
}
