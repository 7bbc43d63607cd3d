internal import COpenSSL

/// A failure inside libcrypto, or a key or signature that cannot be used.
public struct CryptoError: Error, CustomStringConvertible, Sendable {
    /// What was being done, e.g. "generating an SM2 key".
    public let message: String
    /// The first entry of OpenSSL's error queue, when there was one.
    public let detail: String?

    public var description: String {
        detail.map { "\(message): \($0)" } ?? message
    }

    init(_ message: String, detail: String? = nil) {
        self.message = message
        self.detail = detail
    }

    /// Builds an error from OpenSSL's thread-local error queue, and clears the queue.
    static func openSSL(_ message: String) -> CryptoError {
        let code = ERR_get_error()
        ERR_clear_error()
        guard code != 0 else { return CryptoError(message) }
        var buffer = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(code, &buffer, buffer.count)
        let detail = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return CryptoError(message, detail: detail)
    }
}
