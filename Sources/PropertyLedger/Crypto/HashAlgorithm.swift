internal import COpenSSL
public import Foundation

/// A hash function of the custody log's Merkle tree, provided by libcrypto.
public enum HashAlgorithm: String, Sendable, CaseIterable {
    /// SM3 (GB/T 32905-2016).
    case sm3
    /// SHA-256 (FIPS 180-4).
    case sha256

    /// Every supported algorithm produces 32-byte digests.
    public static let digestSize = 32

    var openSSLName: String {
        switch self {
        case .sm3: "SM3"
        case .sha256: "SHA256"
        }
    }

    /// The digest of `data`, computed in one call.
    public func hash(_ data: Data) throws -> Data {
        let digester = try Digester(self)
        return digester.hash(data)
    }
}

/// A reusable libcrypto digest context: fetching the algorithm and allocating the context happen once.
///
/// Not thread-safe; each thread or actor keeps its own.
final class Digester {
    let algorithm: HashAlgorithm
    private let messageDigest: OpaquePointer
    private let context: OpaquePointer

    init(_ algorithm: HashAlgorithm) throws {
        // EVP_MD_fetch returns nil when the provider lacks the algorithm (OpenSSL built with no-sm3, or a
        // FIPS-only configuration). Say so rather than fail obscurely later.
        guard let messageDigest = EVP_MD_fetch(nil, algorithm.openSSLName, nil) else {
            throw CryptoError.unavailable(algorithm.openSSLName, isSM: algorithm == .sm3)
        }
        guard let context = EVP_MD_CTX_new() else {
            EVP_MD_free(messageDigest)
            throw CryptoError.openSSL("allocate-digest-context")
        }
        self.algorithm = algorithm
        self.messageDigest = messageDigest
        self.context = context
    }

    deinit {
        EVP_MD_CTX_free(context)
        EVP_MD_free(messageDigest)
    }

    /// The digest of the concatenation of up to two parts, with an optional one-byte prefix (the RFC 6962
    /// domain tag).
    func hash(prefix: UInt8? = nil, _ first: UnsafeRawBufferPointer, _ second: UnsafeRawBufferPointer? = nil) -> Data {
        var digest = Data(count: HashAlgorithm.digestSize)
        digest.withUnsafeMutableBytes { self.digest(prefix: prefix, first, second, into: $0) }
        return digest
    }

    /// Hashes `prefix ‖ first ‖ second` into `output` (32 bytes). Fixed arity, so the audit's inner loop
    /// allocates nothing.
    func digest(
        prefix: UInt8?, _ first: UnsafeRawBufferPointer, _ second: UnsafeRawBufferPointer?,
        into output: UnsafeMutableRawBufferPointer
    ) {
        // Failures here mean memory exhaustion or a broken provider: nothing a caller could handle.
        precondition(output.count == HashAlgorithm.digestSize)
        precondition(EVP_DigestInit_ex2(context, messageDigest, nil) == 1, "EVP_DigestInit_ex2 failed")
        if var prefix {
            precondition(EVP_DigestUpdate(context, &prefix, 1) == 1, "EVP_DigestUpdate failed")
        }
        if first.count > 0 {
            precondition(EVP_DigestUpdate(context, first.baseAddress, first.count) == 1, "EVP_DigestUpdate failed")
        }
        if let second, second.count > 0 {
            precondition(EVP_DigestUpdate(context, second.baseAddress, second.count) == 1, "EVP_DigestUpdate failed")
        }
        var length: UInt32 = 0
        precondition(
            EVP_DigestFinal_ex(context, output.baseAddress?.assumingMemoryBound(to: UInt8.self), &length) == 1,
            "EVP_DigestFinal_ex failed")
        precondition(Int(length) == HashAlgorithm.digestSize)
    }

    func hash(_ data: Data) -> Data {
        data.withUnsafeBytes { hash($0) }
    }
}

@available(*, unavailable)
extension Digester: Sendable {}
