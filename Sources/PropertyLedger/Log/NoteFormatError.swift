/// Why a signed note, key text, checkpoint or receipt could not be read (``Reason/logReasons``).
public struct NoteFormatError: Error, CustomStringConvertible, Sendable, Equatable {
    public let reason: Reason
    /// The reason's debug form; people read ``reason`` worded by the presentation layer.
    public var message: String { reason.description }
    public var description: String { message }
    init(_ reason: Reason) { self.reason = reason }
}
