/// Why a signed note, key text, checkpoint or receipt could not be read (``Reason/logReasons``).
public struct NoteFormatError: Error, CustomStringConvertible, Sendable, Equatable {
    public let reason: Reason
    /// The reason as the program's installed ``ReasonWording`` words it, else its debug form.
    public var message: String { ReasonWording.words(for: reason) }
    public var description: String { message }
    init(_ reason: Reason) { self.reason = reason }
}
