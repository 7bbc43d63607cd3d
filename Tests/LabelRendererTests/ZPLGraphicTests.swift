import LabelTestSupport
import Testing

@testable import LabelRenderer

/// The ZPL graphic's ASCII compression, read back by the test-side reader (written from Zebra's manual, not from
/// the writer): random bitmaps of every shape, runs long and short, repeated rows, rows ending in zeros and ones.
struct ZPLGraphicTests {
    static func label(_ bitmap: Bitmap) -> String {
        "^XA\n^PW\(bitmap.width)\n^LL\(bitmap.height)\n" + ZPLGraphic.field(bitmap, x: 0, y: 0) + "\n^XZ\n"
    }

    @Test func randomBitmapsRoundTrip() throws {
        var generator = SplitMix64(seed: 2026)
        for round in 0..<400 {
            let width = 1 + generator.next(below: 300)
            let height = 1 + generator.next(below: 40)
            var bitmap = Bitmap(width: width, height: height)
            // Mostly white with black blocks, and some rows copied from the row above: what labels look like.
            for _ in 0..<generator.next(below: 12) {
                let x = generator.next(below: width)
                let y = generator.next(below: height)
                bitmap.fill(x: x, y: y, width: 1 + generator.next(below: width - x), height: 1 + generator.next(below: height - y))
            }
            if round % 5 == 0 {
                for y in 0..<height {
                    for x in 0..<width where generator.next(below: 2) == 0 { bitmap.fill(x: x, y: y, width: 1, height: 1) }
                }
            }
            let labels = try ZPLReader.labels(Self.label(bitmap))
            let read = try #require(labels.first)
            #expect(read.bitmap == bitmap, "round \(round): \(width)×\(height)")
            #expect(read.dotsOutside == 0)
        }
    }

    @Test func allBlackAllWhiteAndLongRunsRoundTrip() throws {
        for width in [1, 7, 8, 9, 159, 160, 161, 1600, 3201] {
            let white = Bitmap(width: width, height: 3)
            var black = white
            black.fill(x: 0, y: 0, width: width, height: 3)
            var half = white
            half.fill(x: width / 2, y: 1, width: width - width / 2, height: 1)
            for bitmap in [white, black, half] {
                #expect(try ZPLReader.labels(Self.label(bitmap)).first?.bitmap == bitmap, "width \(width)")
            }
        }
    }

    @Test func compressionUsesRunsAndRepeatsAndDeclaresTheRawSize() {
        var bitmap = Bitmap(width: 400, height: 4)
        bitmap.fill(x: 0, y: 0, width: 400, height: 4)
        let field = ZPLGraphic.field(bitmap, x: 3, y: 5)
        // The first row's 100 'F' digits compress to a handful of characters, each later row to ':'.
        #expect(field.hasPrefix("^FO3,5^GFA,200,200,50,"))
        #expect(field.filter { $0 == ":" }.count == 3)
        #expect(field.count < 40, "\(field)")
    }

    @Test func aTruncatedOrOverlongGraphicIsMalformedToTheReader() {
        #expect(throws: ZPLReaderError.self) { try ZPLReader.labels("^XA^PW8^LL2^FO0,0^GFA,2,2,1,FFFF00^FS^XZ") }
        #expect(throws: ZPLReaderError.self) { try ZPLReader.labels("^XA^PW8^LL2^FO0,0^GFA,2,2,1,F^FS^XZ") }
    }
}
