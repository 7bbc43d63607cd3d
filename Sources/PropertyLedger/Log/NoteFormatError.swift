/// Why a signed note, key text, checkpoint or receipt could not be read.
public struct NoteFormatError: Error, CustomStringConvertible, Sendable, Equatable {
    public let message: String
    public var description: String { message }
    init(_ message: String) { self.message = message }
}
