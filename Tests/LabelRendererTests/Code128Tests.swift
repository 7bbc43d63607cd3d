import Foundation
import LabelTestSupport
import Testing

@testable import LabelRenderer

/// Checks the encoder against two independent real tools: zint (another encoder) for lengths and zbarimg (a decoder)
/// for content. Nothing is mocked; both must be installed (`zint`, `zbar-tools`).
struct Code128Tests {
    // MARK: - Pattern table

    @Test func patternTableHasTheShapeTheStandardRequires() {
        #expect(Code128.patterns.count == 107)
        for (value, pattern) in Code128.patterns.enumerated() {
            let widths = Code128.widths(of: pattern)
            let isStop = value == Code128.Symbol.stop
            #expect(widths.count == (isStop ? 7 : 6), "value \(value)")
            #expect(widths.reduce(0, +) == (isStop ? 13 : 11), "value \(value)")
            #expect(widths.allSatisfy { (1...4).contains($0) }, "value \(value)")
            // Code 128 symbols have an even number of bar modules; scanners use this as a per-symbol parity check.
            let barModules = stride(from: 0, to: 6, by: 2).reduce(0) { $0 + widths[$1] }
            #expect(barModules % 2 == 0, "value \(value)")
        }
        #expect(Set(Code128.patterns).count == 107)
        #expect(Code128.modules(of: [Code128.Symbol.stop]).count == 13)
    }

    /// Values 101 (FNC 1 / CODE A) and 103 (START A) are never emitted as data by this encoder, but can occur as check
    /// values; zint's set-A encoding of a tab shows their patterns are right.
    @Test func startAPatternMatchesZint() throws {
        // START A (103), HT in set A (9 + 64 = 73), check (103 + 1·73) mod 103 = 73, STOP.
        let symbols = [103, 73, 73, 106]
        #expect(Code128.checkValue(of: [103, 73]) == 73)
        #expect(Code128.modules(of: symbols) == (try Zint.modules(of: "\t")))
    }

    // MARK: - Check symbol

    @Test func checkValueWeightsStartAndFirstDataSymbolByOne() {
        #expect(Code128.checkValue(of: [104]) == 1)  // 104 mod 103
        #expect(Code128.checkValue(of: [105, 12, 34]) == 82)  // 105 + 1·12 + 2·34 = 185; 185 − 103 = 82
        #expect(Code128.checkValue(of: [104, 94, 94]) == 77)  // 104 + 94 + 188 = 386; 386 − 3·103 = 77
    }

    /// Hand-computed vectors. "AA", "BA" and "CA" were found by solving 104 + v₁ + 2·v₂ ≡ 100, 101, 102 (mod 103)
    /// for set-B values, so that the check patterns 100–102 (the ones encoders often lack) are exercised.
    static let checkVectors: [(text: String, symbols: [Int], check: Int)] = [
        // 104 + 1·33 + 2·33 = 203; 203 − 103 = 100
        ("AA", [104, 33, 33], 100),
        // 104 + 1·34 + 2·33 = 204; 204 − 103 = 101
        ("BA", [104, 34, 33], 101),
        // 104 + 1·35 + 2·33 = 205; 205 − 103 = 102
        ("CA", [104, 35, 33], 102),
        // labels.md: 105 + 1·3 + 2·95 + 3·40 + 4·0 + 5·0 + 6·0 + 7·2 + 8·36 = 720; 720 − 6·103 = 102
        ("0395400000000236", [105, 3, 95, 40, 0, 0, 0, 2, 36], 102),
        // W=55 P=48, CODE C, 26 00 01 23: 104 + 55 + 96 + 297 + 104 + 0 + 6 + 161 = 823; 823 − 7·103 = 102
        ("WP26000123", [104, 55, 48, 99, 26, 0, 1, 23], 102),
        // P=48 J=42 1=17 2=18 3=19 C=35: 104 + 48 + 84 + 126 + 68 + 90 + 114 + 245 = 879; 879 − 8·103 = 55
        ("PJJ123C", [104, 48, 42, 42, 17, 18, 19, 35], 55),
        // Odd run at the whole text: the B start with '1' ties with C 12 34 CODE B 5; the encoder stays in B.
        // 104 + 17 + 2·99 + 3·23 + 4·45 = 568; 568 − 5·103 = 53
        ("12345", [104, 17, 99, 23, 45], 53),
        // 104 + 17 + 2·99 + 3·23 + 4·45 + 5·67 = 903; 903 − 8·103 = 79
        ("1234567", [104, 17, 99, 23, 45, 67], 79),
        // A=33, '1' in B, CODE C 23 45 67, CODE B, B=34:
        // 104 + 33 + 34 + 297 + 92 + 225 + 402 + 700 + 272 = 2159; 2159 − 20·103 = 99
        ("A1234567B", [104, 33, 17, 99, 23, 45, 67, 100, 34], 99),
        // P=48 -=13; the 6-digit middle run goes to C, the 4-digit middle run stays in B (C would not be shorter),
        // the 6-digit end run goes to C: 104 + 48 + 26 + 297 + 148 + 15 + 126 + 700 + 104 + 162 + 160 + 198 + 264
        // + 169 + 1386 + 0 + 0 + 17 = 3924; 3924 − 38·103 = 10
        (
            "P-370321-2026-000001",
            [104, 48, 13, 99, 37, 3, 21, 100, 13, 18, 16, 18, 22, 13, 99, 0, 0, 1], 10
        ),
        // Two digits alone are shorter in C (START C, 12) than in B (START B, 1, 2). 105 + 12 = 117; 117 − 103 = 14
        ("12", [105, 12], 14),
    ]

    @Test func checkVectorsEncodeAsComputedByHand() throws {
        for vector in Self.checkVectors {
            #expect(Code128.checkValue(of: vector.symbols) == vector.check, "\(vector.text)")
            let expected = vector.symbols + [vector.check, 106]
            #expect(try Code128.symbols(for: vector.text) == expected, "\(vector.text)")
        }
    }

    @Test func checkVectorsDecodeWithZbar() throws {
        for vector in Self.checkVectors {
            try expectDecodes(vector.text)
        }
    }

    @Test func checkVectorsHaveZintsLength() throws {
        for vector in Self.checkVectors {
            #expect(try Code128.modules(for: vector.text).count == Zint.modules(of: vector.text).count, "\(vector.text)")
        }
    }

    /// Where only one encoding exists, zint must agree module for module: this pins the patterns of the check values
    /// 100–102 and of the set-B start to a second, independent table.
    @Test func uniqueEncodingsMatchZintModuleForModule() throws {
        for text in ["AA", "BA", "CA", "x", "~"] {
            #expect(try Code128.modules(for: text) == Zint.modules(of: text), "\(text)")
        }
    }

    // MARK: - Odd digit runs

    @Test(arguments: ["12345", "P-370321-2026-000001", "A1234567B", "1234567", "123", "1", "x123", "123x", "ab12345cd", "9876543210123"])
    func oddDigitRunsAreShortestAndDecode(text: String) throws {
        let symbols = try Code128.symbols(for: text)
        #expect(symbols.count == (try Zint.symbolCount(of: text)))
        #expect(Self.interpret(symbols) == text)
        try expectDecodes(text)
    }

    // MARK: - Printable ASCII

    static let printableASCII = String(String.UnicodeScalarView((32...126).compactMap(Unicode.Scalar.init)))

    @Test func allPrintableASCIIInOneText() throws {
        let text = Self.printableASCII
        #expect(text.count == 95)
        let symbols = try Code128.symbols(for: text)
        #expect(Self.interpret(symbols) == text)
        // zint 2.11 refuses more than 60 symbol characters ("Error 341"), so the length is checked by hand and by the
        // exhaustive search instead: 85 characters in B, CODE C, 5 digit pairs, CODE B = 92 data symbols, plus
        // start, check and stop.
        #expect(symbols.count == 95)
        #expect(symbols.count == Self.shortestSymbolCount(of: Array(text.utf8)))
        try expectDecodes(text)
    }

    @Test func eachPrintableASCIICharacterAlone() throws {
        for scalar in Self.printableASCII.unicodeScalars {
            let text = String(scalar)
            let value = Int(scalar.value) - 32
            // START B, the character, (104 + 1·value) mod 103, STOP: the only possible encoding.
            #expect(try Code128.symbols(for: text) == [104, value, (104 + value) % 103, 106], "\(text)")
            #expect(try Code128.modules(for: text) == Zint.modules(of: text), "\(text)")
            try expectDecodes(text)
        }
    }

    // MARK: - Length against zint

    @Test func randomTextsHaveZintsLength() throws {
        let texts = Self.randomTexts(count: 400, seed: 0x00C0_DE12_8128)
        var sameModules = 0
        for text in texts {
            let ours = try Code128.modules(for: text)
            let theirs = try Zint.modules(of: text)
            #expect(ours.count == theirs.count, "\(text): \(ours.count) modules, zint \(theirs.count)")
            #expect(Self.interpret(try Code128.symbols(for: text)) == text)
            if ours == theirs { sameModules += 1 }
        }
        print("Code 128 vs zint: \(texts.count) texts, \(sameModules) identical module for module")
    }

    /// The dynamic programme must find the true minimum, not just zint's: compare it with an exhaustive search over
    /// every possible set sequence, for all texts over {1, A} up to 10 characters.
    @Test func encodingIsMinimalByExhaustiveSearch() throws {
        var texts = [""]
        for _ in 1...10 {
            texts = texts.flatMap { [$0 + "1", $0 + "A"] }
            for text in texts {
                let symbols = try Code128.symbols(for: text)
                #expect(symbols.count == Self.shortestSymbolCount(of: Array(text.utf8)), "\(text)")
                #expect(Self.interpret(symbols) == text)
            }
        }
    }

    // MARK: - Decoding

    @Test func randomTextsDecodeWithZbar() throws {
        for text in Self.randomTexts(count: 50, seed: 42) {
            try expectDecodes(text)
        }
    }

    @Test(arguments: ["AA", "0395400000000236", "P-370321-2026-000001", "Hello, World!"])
    func corruptedCheckSymbolIsRejected(text: String) throws {
        var symbols = try Code128.symbols(for: text)
        let checkIndex = symbols.count - 2
        // The intact symbol must decode, so a rejection below is due to the check symbol alone.
        let intact = try Zbar.decode(Code128.modules(of: symbols))
        #expect(intact.status == 0)
        for offset in [1, 2, 50] {
            var corrupted = symbols
            corrupted[checkIndex] = (symbols[checkIndex] + offset) % 103
            let result = try Zbar.decode(Code128.modules(of: corrupted))
            #expect(result.status == 4, "\(text) with check \(corrupted[checkIndex])")
            #expect(result.output.isEmpty, "\(text) with check \(corrupted[checkIndex])")
        }
        symbols[checkIndex] = Code128.checkValue(of: Array(symbols.prefix(checkIndex)))
        #expect(symbols == (try Code128.symbols(for: text)))
    }

    // MARK: - Errors

    @Test func emptyTextIsRejected() {
        #expect(throws: Code128Error.empty) { try Code128.symbols(for: "") }
    }

    @Test func charactersOutsideSetBAreRejectedWithTheirOffset() {
        #expect(throws: Code128Error.unsupportedCharacter(offset: 2, scalar: 0x6D89)) { try Code128.symbols(for: "WP涉案") }
        #expect(throws: Code128Error.unsupportedCharacter(offset: 1, scalar: 9)) { try Code128.symbols(for: "A\tB") }
        #expect(throws: Code128Error.unsupportedCharacter(offset: 3, scalar: 127)) { try Code128.symbols(for: "abc\u{7F}") }
        #expect(throws: Code128Error.unsupportedCharacter(offset: 0, scalar: 31)) { try Code128.symbols(for: "\u{1F}") }
        // "\r\n" is one Character; it is reported through its first scalar.
        #expect(throws: Code128Error.unsupportedCharacter(offset: 1, scalar: 13)) { try Code128.symbols(for: "A\r\nB") }
        // A combining accent makes "é" one Character of two scalars; the accent is the culprit.
        #expect(throws: Code128Error.unsupportedCharacter(offset: 1, scalar: 0x301)) { try Code128.symbols(for: "xe\u{301}") }
    }

    // MARK: - Helpers

    /// Fails the test unless zbarimg reads exactly `text` from the rendered symbol.
    func expectDecodes(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try Zbar.decode(Code128.modules(for: text))
        var output = result.output
        if output.last == UInt8(ascii: "\n") { output.removeLast() }
        #expect(result.status == 0, "\(text)", sourceLocation: sourceLocation)
        let read = String(decoding: output, as: UTF8.self)
        #expect(output == Data(text.utf8), "\(text): zbarimg read \(read)", sourceLocation: sourceLocation)
    }

    /// Reads symbol values back into text with the set B / C rules, independently of the encoder.
    static func interpret(_ symbols: [Int]) -> String? {
        guard symbols.count >= 3, symbols.last == 106, let start = symbols.first, start == 104 || start == 105 else { return nil }
        let checkIndex = symbols.count - 2
        guard Code128.checkValue(of: Array(symbols[..<checkIndex])) == symbols[checkIndex] else { return nil }
        var inSetC = start == 105
        var text = ""
        for value in symbols[1..<checkIndex] {
            switch (inSetC, value) {
            case (true, 0...99): text += value < 10 ? "0\(value)" : "\(value)"
            case (true, 100): inSetC = false
            case (false, 0...94): text.unicodeScalars.append(Unicode.Scalar(UInt8(value + 32)))
            case (false, 99): inSetC = true
            default: return nil
            }
        }
        return text
    }

    /// The fewest symbols (start, data, check, stop) over every set sequence, by plain recursion.
    static func shortestSymbolCount(of codes: [UInt8]) -> Int {
        func isDigit(_ index: Int) -> Bool { index < codes.count && (48...57).contains(codes[index]) }
        func remaining(from index: Int, inSetC: Bool) -> Int {
            if index == codes.count { return 0 }
            var best = Int.max
            if inSetC {
                if isDigit(index) && isDigit(index + 1) { best = min(best, 1 + remaining(from: index + 2, inSetC: true)) }
                best = min(best, 1 + remaining(from: index, inSetC: false))
            } else {
                best = min(best, 1 + remaining(from: index + 1, inSetC: false))
                if isDigit(index) && isDigit(index + 1) { best = min(best, 1 + 1 + remaining(from: index + 2, inSetC: true)) }
            }
            return best
        }
        let startB = remaining(from: 0, inSetC: false)
        let startC = isDigit(0) && isDigit(1) ? remaining(from: 0, inSetC: true) : Int.max
        return 3 + min(startB, startC)
    }

    /// Printable ASCII texts of 1–40 characters, rich in digit runs of every length, from a fixed seed.
    static func randomTexts(count: Int, seed: UInt64) -> [String] {
        var random = SplitMix64(seed: seed)
        var texts: [String] = []
        for _ in 0..<count {
            let length = 1 + random.next(below: 40)
            let digitsOnly = random.next(below: 8) == 0
            var scalars: [UInt8] = []
            while scalars.count < length {
                if digitsOnly || random.next(below: 3) == 0 {
                    for _ in 0...random.next(below: 12) { scalars.append(UInt8(48 + random.next(below: 10))) }
                } else {
                    scalars.append(UInt8(32 + random.next(below: 95)))
                }
            }
            texts.append(String(decoding: scalars.prefix(length), as: UTF8.self))
        }
        return texts
    }
}

/// A tiny fixed generator, so the random texts are the same on every machine and Swift version.
struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in 0..<bound; the modulo bias is irrelevant for test data.
    mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }
}

// MARK: - Real tools

enum Zint {
    /// The modules zint 2.11 encodes for `text`, from `zint --dump -b 20 -d TEXT`.
    ///
    /// The dump is one row of hex digits, 4 modules each, without quiet zones (`--quietzones` does not change it),
    /// padded with spaces to a whole digit; since a symbol ends in a bar, the trailing spaces are that padding.
    static func modules(of text: String) throws -> [Bool] {
        let result = try ExternalDecoder.run(["zint", "--dump", "-b", "20", "-d", text])
        let errors = String(decoding: result.error, as: UTF8.self)
        try #require(result.status == 0, "zint failed for \(text): \(errors)")
        let rows = String(decoding: result.output, as: UTF8.self).split(separator: "\n")
        try #require(rows.count == 1, "zint printed \(rows.count) rows for \(text)")
        var modules: [Bool] = []
        for digit in rows[0] where digit != " " {
            let nibble = try #require(digit.hexDigitValue, "zint printed \(digit)")
            for shift in [3, 2, 1, 0] { modules.append((nibble >> shift) & 1 == 1) }
        }
        while modules.last == false { modules.removeLast() }
        try #require(modules.first == true, "zint's dump for \(text) starts with a space")
        return modules
    }

    /// Symbols including start, check and stop, counting the 13-module stop as one.
    static func symbolCount(of text: String) throws -> Int {
        let modules = try modules(of: text)
        try #require((modules.count - 13) % 11 == 0, "zint gave \(modules.count) modules for \(text)")
        return (modules.count - 13) / 11 + 1
    }
}

enum Zbar {
    /// Renders `modules` with quiet zones as a P4 PBM at 2 px per module, 60 px tall, and runs zbarimg on it with only
    /// Code 128 enabled. Exit status 0 = decoded, 4 = nothing found.
    static func decode(_ modules: [Bool]) throws -> ExternalDecoder.Run {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("code128-\(UUID().uuidString).pbm")
        try pbm(of: modules, pixelsPerModule: 2, height: 60).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try ExternalDecoder.run(["zbarimg", "--nodbus", "--raw", "-q", "-Sdisable", "-Scode128.enable", file.path])
    }

    /// A binary PBM (P4): rows of 1 bit per pixel, 1 = black, each row padded to whole bytes.
    static func pbm(of modules: [Bool], pixelsPerModule: Int, height: Int) -> Data {
        let quietZone = [Bool](repeating: false, count: Code128.quietZone)
        let pixels = (quietZone + modules + quietZone).flatMap { repeatElement($0, count: pixelsPerModule) }
        var row = [UInt8](repeating: 0, count: (pixels.count + 7) / 8)
        for (index, isBlack) in pixels.enumerated() where isBlack {
            row[index / 8] |= 0x80 >> UInt8(index % 8)
        }
        var data = Data("P4\n\(pixels.count) \(height)\n".utf8)
        for _ in 0..<height { data.append(contentsOf: row) }
        return data
    }
}
