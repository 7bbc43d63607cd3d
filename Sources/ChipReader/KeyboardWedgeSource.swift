public import Foundation

/// A keyboard-wedge reader: it types each tag's UID followed by Enter. Lines read from a file handle
/// (standard input) become tag arrivals, so the scanning workflows run with such readers and from scripts.
///
/// Each non-empty line is one arrival on the reader named `stdin`, immediately followed by its departure
/// (a wedge cannot tell when the tag is lifted). End of input ends the stream.
public struct KeyboardWedgeSource: TagEventSource {
    public enum Format: String, Sendable, CaseIterable {
        /// The UID as hex (the common setting).
        case hex
        /// The UID as a decimal number, big-endian (some readers' other setting).
        case decimal
    }

    public static let readerName = "stdin"
    public let input: FileHandle
    public let format: Format

    public init(input: FileHandle = .standardInput, format: Format = .hex) {
        self.input = input
        self.format = format
    }

    public func events() -> AsyncStream<ReaderEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: ReaderEvent.self, bufferingPolicy: .unbounded)
        let input = self.input
        let format = self.format
        // Reading blocks: a thread of its own, not the cooperative pool.
        let thread = Thread {
            continuation.yield(.snapshot([ReaderStatus(reader: Self.readerName, hasTag: false)]))
            var buffer = Data()
            while true {
                let chunk = input.availableData
                if chunk.isEmpty { break }
                buffer.append(chunk)
                while let newline = buffer.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) {
                    let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                    buffer = Data(buffer[buffer.index(after: newline)...])
                    Self.emit(line, format: format, to: continuation)
                }
            }
            if !buffer.isEmpty { Self.emit(String(decoding: buffer, as: UTF8.self), format: format, to: continuation) }
            continuation.finish()
        }
        thread.name = "ChipReader.KeyboardWedgeSource"
        thread.start()
        return stream
    }

    private static func emit(_ line: String, format: Format, to continuation: AsyncStream<ReaderEvent>.Continuation) {
        let text = line.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return }
        let result: Result<TagUID, ReaderError> =
            parse(text, format: format).map { .success($0) }
            ?? .failure(ReaderError(.malformedResponse, reason: "wedge-uid-invalid", ["text": text, "format": format.rawValue]))
        continuation.yield(.tagArrived(TagArrival(reader: readerName, atr: [], result: result)))
        continuation.yield(.tagLeft(reader: readerName))
    }

    static func parse(_ text: String, format: Format) -> TagUID? {
        switch format {
        case .hex:
            return TagUID(hex: text)
        case .decimal:
            guard let value = UInt64(text) else { return nil }
            var bytes = withUnsafeBytes(of: value.bigEndian, Array.init)
            while bytes.count > 4 && bytes.first == 0 { bytes.removeFirst() }
            return TagUID(bytes)
        }
    }
}
