import Foundation

/// How a target reads its bytes.
enum FuzzInput {
    /// The bytes as the command line reads a text file (`InputFile.text`): valid UTF-8, or not text at all
    /// (refused before any parser sees it).
    static func text(_ data: Data) -> String? {
        String(data: data, encoding: .utf8)
    }

    /// Whether two texts are the same bytes: `==` on `String` is canonical equivalence, and a serialisation that
    /// changed `é` into `e` + U+0301 would pass it.
    static func sameBytes(_ first: String, _ second: String) -> Bool {
        first.utf8.elementsEqual(second.utf8)
    }
}
