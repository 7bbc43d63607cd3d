internal import COpenSSL

/// A failure inside libcrypto, or a key or signature that cannot be used (``Reason/cryptoReasons``).
public struct CryptoError: Error, CustomStringConvertible, Sendable {
    public let reason: Reason

    /// The reason's debug form; people read ``reason`` worded by the presentation layer.
    public var message: String { reason.description }
    public var description: String { message }

    init(_ reason: Reason) {
        self.reason = reason
    }

    /// The error for a libcrypto call that failed during `step` (``Reason/cryptoReasons`` lists the steps),
    /// with the first entry of OpenSSL's thread-local error queue when there is one; clears the queue.
    static func openSSL(_ step: String) -> CryptoError {
        let code = ERR_get_error()
        ERR_clear_error()
        guard code != 0 else { return CryptoError(Reason("openssl-failed", ["step": step])) }
        var buffer = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(code, &buffer, buffer.count)
        let detail = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return CryptoError(Reason("openssl-failed-detail", ["step": step, "detail": detail]))
    }

    /// This system's libcrypto lacks `algorithm` (an SM one when OpenSSL was built without them).
    static func unavailable(_ algorithm: String, isSM: Bool) -> CryptoError {
        ERR_clear_error()
        return CryptoError(Reason(isSM ? "sm-crypto-unavailable" : "crypto-unavailable", ["algorithm": algorithm]))
    }
}
