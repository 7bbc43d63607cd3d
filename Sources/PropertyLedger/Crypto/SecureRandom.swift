internal import COpenSSL
public import Foundation

/// Random bytes from libcrypto's generator (nonces, salts).
public enum SecureRandom {
    public static func bytes(_ count: Int) throws -> Data {
        var bytes = [UInt8](repeating: 0, count: count)
        guard RAND_bytes(&bytes, Int32(count)) == 1 else { throw CryptoError.openSSL("random-bytes") }
        return Data(bytes)
    }
}
