/// Code 128 (ISO/IEC 15417) in code sets B and C, written here so the project depends on no barcode library.
///
/// Set A is left out on purpose: it adds only control characters, which no label carries, while set B holds every
/// printable ASCII character and set C packs digit pairs. Texts are therefore limited to ASCII 32–126.
public enum Code128 {
    /// Symbol values of `text`: start (104 = B or 105 = C), data (with CODE C = 99 / CODE B = 100 switches), check symbol, stop (106).
    ///
    /// The code sets are chosen by a dynamic programme, so the result is always a shortest encoding: rules of thumb
    /// ("C for 4 digits at the ends, 6 in the middle") are easy to get subtly wrong for odd digit runs. On equal length
    /// the encoder stays in the current set and starts in B, so the output is deterministic.
    public static func symbols(for text: String) throws(Code128Error) -> [Int] {
        let codes = try asciiCodes(of: text)
        let startAndData = startAndDataSymbols(for: codes)
        return startAndData + [checkValue(of: startAndData), Symbol.stop]
    }

    /// The check symbol value: (start + Σ position·value) mod 103, positions from 1, over start and data values.
    ///
    /// The start symbol and the first data symbol both have weight 1; an off-by-one here still produces a symbol
    /// that looks fine but that no scanner accepts.
    public static func checkValue(of startAndData: [Int]) -> Int {
        var sum = 0
        for (index, value) in startAndData.enumerated() {
            // Reduced at every step so long inputs cannot overflow.
            sum = (sum + (value % 103) * (max(index, 1) % 103)) % 103
        }
        return (sum + 103) % 103
    }

    /// The modules of `symbols` (true = bar), 11 per symbol, the stop symbol 13 (its final 2-module bar included), quiet zones NOT included.
    ///
    /// - Precondition: every value is in 0...106; anything else is a programming error, not bad input.
    public static func modules(of symbols: [Int]) -> [Bool] {
        var modules: [Bool] = []
        modules.reserveCapacity(symbols.count * 11 + 2)
        for symbol in symbols {
            precondition(patterns.indices.contains(symbol), "Code 128 symbol value \(symbol) is outside 0...106")
            var isBar = true
            for width in widths(of: patterns[symbol]) {
                modules.append(contentsOf: repeatElement(isBar, count: width))
                isBar.toggle()
            }
        }
        return modules
    }

    /// The modules of `text` (see `symbols(for:)` and `modules(of:)`), quiet zones not included.
    public static func modules(for text: String) throws(Code128Error) -> [Bool] {
        modules(of: try symbols(for: text))
    }

    /// The quiet zone each side, in modules (10: the minimum the standard allows).
    public static let quietZone = 10
}

public enum Code128Error: Error, Equatable, Sendable {
    case empty
    /// A character set B cannot carry (only ASCII 32–126 are allowed): its offset in the text and its scalar value.
    ///
    /// The offset counts Characters (grapheme clusters), as a user sees the text; the scalar is the first one of that
    /// Character outside ASCII 32–126.
    case unsupportedCharacter(offset: Int, scalar: UInt32)
}

extension Code128 {
    enum Symbol {
        static let codeC = 99
        static let codeB = 100
        static let startB = 104
        static let startC = 105
        static let stop = 106
    }

    /// Bar and space widths in modules, one decimal digit each, starting with a bar, indexed by symbol value.
    ///
    /// Source: ISO/IEC 15417:2007, Table 1 (Code 128 character set). 103–105 are START A/B/C; 106 is STOP with its
    /// final 2-module termination bar appended, so it has 7 elements and 13 modules. A full table matters: check values
    /// 100–102 (and 103 as a value) occur even though the encoder never emits set A.
    static let patterns: [Int] = [
        212222, 222122, 222221, 121223, 121322, 131222, 122213, 122312, 132212, 221213,  // 0–9
        221312, 231212, 112232, 122132, 122231, 113222, 123122, 123221, 223211, 221132,  // 10–19
        221231, 213212, 223112, 312131, 311222, 321122, 321221, 312212, 322112, 322211,  // 20–29
        212123, 212321, 232121, 111323, 131123, 131321, 112313, 132113, 132311, 211313,  // 30–39
        231113, 231311, 112133, 112331, 132131, 113123, 113321, 133121, 313121, 211331,  // 40–49
        231131, 213113, 213311, 213131, 311123, 311321, 331121, 312113, 312311, 332111,  // 50–59
        314111, 221411, 431111, 111224, 111422, 121124, 121421, 141122, 141221, 112214,  // 60–69
        112412, 122114, 122411, 142112, 142211, 241211, 221114, 413111, 241112, 134111,  // 70–79
        111242, 121142, 121241, 114212, 124112, 124211, 411212, 421112, 421211, 212141,  // 80–89
        214121, 412121, 111143, 111341, 131141, 114113, 114311, 411113, 411311, 113141,  // 90–99
        114131, 311141, 411131, 211412, 211214, 211232, 2_331_112,  // 100–106
    ]

    /// The decimal digits of `pattern`, most significant first.
    static func widths(of pattern: Int) -> [Int] {
        var digits: [Int] = []
        var rest = pattern
        while rest > 0 {
            digits.append(rest % 10)
            rest /= 10
        }
        return digits.reversed()
    }

    /// The ASCII codes of `text`, or the first Character set B cannot carry.
    static func asciiCodes(of text: String) throws(Code128Error) -> [UInt8] {
        guard !text.isEmpty else { throw .empty }
        var codes: [UInt8] = []
        for (offset, character) in text.enumerated() {
            let scalars = character.unicodeScalars
            // A Character of several scalars (e.g. "\r\n", "e\u{301}") is rejected through its first unusable scalar.
            if scalars.count == 1, let scalar = scalars.first, (32...126).contains(scalar.value) {
                codes.append(UInt8(scalar.value))
            } else {
                let culprit = scalars.first { !(32...126).contains($0.value) } ?? scalars.first
                throw .unsupportedCharacter(offset: offset, scalar: culprit?.value ?? 0)
            }
        }
        return codes
    }

    /// Start symbol and data symbols (with set switches) of a shortest encoding of `codes` (all ASCII 32–126).
    static func startAndDataSymbols(for codes: [UInt8]) -> [Int] {
        let count = codes.count
        let isDigit = codes.map { (48...57).contains($0) }
        func hasDigitPair(at index: Int) -> Bool { index + 1 < count && isDigit[index] && isDigit[index + 1] }

        // remainingInB[i] / remainingInC[i]: fewest data symbols for codes[i...] when set B / C is active at i.
        // Every move consumes input, so a backward sweep is enough. Switching costs one symbol and is always followed
        // by a character of the new set, which keeps the programme free of cycles.
        let unreachable = Int.max / 2
        var remainingInB = [Int](repeating: 0, count: count + 1)
        var remainingInC = [Int](repeating: 0, count: count + 1)
        var switchesFromB = [Bool](repeating: false, count: count)
        var switchesFromC = [Bool](repeating: false, count: count)
        for index in stride(from: count - 1, through: 0, by: -1) {
            let pair = hasDigitPair(at: index)

            let stayInB = 1 + remainingInB[index + 1]
            let toC = pair ? 2 + remainingInC[index + 2] : unreachable
            switchesFromB[index] = toC < stayInB
            remainingInB[index] = min(stayInB, toC)

            let stayInC = pair ? 1 + remainingInC[index + 2] : unreachable
            let toB = 2 + remainingInB[index + 1]
            switchesFromC[index] = toB < stayInC
            remainingInC[index] = min(stayInC, toB)
        }

        var inSetC = hasDigitPair(at: 0) && remainingInC[0] < remainingInB[0]
        var symbols = [inSetC ? Symbol.startC : Symbol.startB]
        var index = 0
        while index < count {
            let nextInSetC = inSetC ? !switchesFromC[index] : switchesFromB[index]
            if nextInSetC {
                // One symbol for two digits (hasDigitPair held when the programme chose set C here).
                if !inSetC { symbols.append(Symbol.codeC) }
                inSetC = true
                symbols.append(Int(codes[index] - 48) * 10 + Int(codes[index + 1] - 48))
                index += 2
            } else {
                if inSetC { symbols.append(Symbol.codeB) }
                inSetC = false
                symbols.append(Int(codes[index]) - 32)
                index += 1
            }
        }
        return symbols
    }
}
