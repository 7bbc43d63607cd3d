/// Where tag events come from: PC/SC readers (``ReaderMonitor``) or a keyboard-wedge reader
/// (``KeyboardWedgeSource``). Workflows take any source, so the same scanning loop runs with both.
public protocol TagEventSource: Sendable {
    /// A new stream of events; ending the stream (or cancelling the task iterating it) stops the source.
    func events() -> AsyncStream<ReaderEvent>
}
