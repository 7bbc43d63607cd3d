internal import COpenSSL
public import Foundation

extension HashAlgorithm {
    /// The digest of the file at `path`, read in 1 MiB chunks: a backup's database may be far larger than memory
    /// should hold at once.
    public func hash(contentsOf path: String) throws -> Data {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw LedgerError(.notFound, .fileUnreadable(path)) }
        defer { try? handle.close() }
        guard let messageDigest = EVP_MD_fetch(nil, openSSLName, nil) else {
            throw CryptoError.unavailable(openSSLName, isSM: self == .sm3)
        }
        defer { EVP_MD_free(messageDigest) }
        guard let context = EVP_MD_CTX_new() else { throw CryptoError.openSSL("allocate-digest-context") }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestInit_ex2(context, messageDigest, nil) == 1 else { throw CryptoError.openSSL("digest-init") }
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            let updated = chunk.withUnsafeBytes { EVP_DigestUpdate(context, $0.baseAddress, $0.count) }
            guard updated == 1 else { throw CryptoError.openSSL("digest-update") }
        }
        var digest = Data(count: HashAlgorithm.digestSize)
        var length: UInt32 = 0
        let finished = digest.withUnsafeMutableBytes {
            EVP_DigestFinal_ex(context, $0.baseAddress?.assumingMemoryBound(to: UInt8.self), &length)
        }
        guard finished == 1, Int(length) == HashAlgorithm.digestSize else { throw CryptoError.openSSL("digest-final") }
        return digest
    }
}
