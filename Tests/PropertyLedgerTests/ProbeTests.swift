import Foundation
import Testing

@testable import PropertyLedger

/// Every probe in the mutation corpus (inclusion, consistency, subtree inclusion, subtree consistency) gets
/// the verdict it expects from the storage-free verifier.
struct ProbeTests {
    /// The probes that carry 12-byte placeholder roots ("don't care") yet expect success. A strict verifier
    /// rejects any hash that is not 32 bytes, so it fails these on purpose (the vectors' README names the
    /// first); each is checked to fail for exactly that reason. The last two are empty subtrees, whose tree
    /// root plays no part in the verdict, given as a 12-byte placeholder.
    static let placeholderRootExceptions: Set<String> = [
        "consistency/additional/sizes-are-equal-one-and-proof-is-empty.json",
        "subtreeconsistency/additional/sizes-are-equal-one-and-proof-is-empty.json",
        "subtreeconsistency/additional/subtree-is-empty-sizes-are-equal-one-subtree-root-valid-tree-root-random-proof-is-empty.json",
        "subtreeconsistency/additional/subtree-is-empty-sizes-are-equal-zero-subtree-root-valid-tree-root-random-proof-is-empty.json",
    ]

    struct Probe: Decodable {
        let leafIdx: UInt64?
        let treeSize: UInt64?
        let start: UInt64?
        let end: UInt64?
        let size: UInt64?
        let size1: UInt64?
        let size2: UInt64?
        let root: String?
        let root1: String?
        let root2: String?
        let leafHash: String?
        let proof: [String]?
        let desc: String
        let wantErr: Bool
    }

    static func probes(_ kind: String) throws -> [(String, Probe)] {
        let base = vectorsDirectory.appendingPathComponent("merkle/probes")
        let enumerator = FileManager.default.enumerator(at: base.appendingPathComponent(kind), includingPropertiesForKeys: nil)
        var result: [(String, Probe)] = []
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "json" else { continue }
            let name = String(url.path.dropFirst(base.path.count + 1))
            result.append((name, try JSONDecoder().decode(Probe.self, from: Data(contentsOf: url))))
        }
        return result.sorted { $0.0 < $1.0 }
    }

    private static func bytes(_ base64: String?) -> Data { base64.flatMap { Data(base64Encoded: $0) } ?? Data() }

    private static func verdict(_ kind: String, _ probe: Probe, _ verifier: ProofVerifier) -> (any Error)? {
        let proof = (probe.proof ?? []).map { bytes($0) }
        do {
            switch kind {
            case "inclusion":
                try verifier.verifyInclusion(
                    leafHash: bytes(probe.leafHash), index: probe.leafIdx!, size: probe.treeSize!, proof: proof,
                    root: bytes(probe.root))
            case "consistency":
                try verifier.verifyConsistency(
                    size1: probe.size1!, size2: probe.size2!, proof: proof, root1: bytes(probe.root1), root2: bytes(probe.root2))
            case "subtreeinclusion":
                try verifier.verifySubtreeInclusion(
                    leafHash: bytes(probe.leafHash), index: probe.leafIdx!, start: probe.start!, end: probe.end!, proof: proof,
                    subtreeHash: bytes(probe.root))
            default:
                try verifier.verifySubtreeConsistency(
                    start: probe.start!, end: probe.end!, size: probe.size!, proof: proof, subtreeHash: bytes(probe.root1),
                    root: bytes(probe.root2))
            }
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: ["inclusion", "consistency", "subtreeinclusion", "subtreeconsistency"])
    func everyProbeGetsItsVerdict(kind: String) throws {
        let verifier = try ProofVerifier(.sha256)
        let probes = try Self.probes(kind)
        #expect(probes.count > 30)
        for (name, probe) in probes {
            let error = Self.verdict(kind, probe, verifier)
            if Self.placeholderRootExceptions.contains(name) {
                #expect(!probe.wantErr)
                let reason = (error as? VerificationError)?.reason
                #expect(
                    reason?.id == "hash-wrong-size" && reason?.arguments["expected"] == "32",
                    "\(name): expected a rejection for the 12-byte placeholder roots")
                continue
            }
            #expect((error != nil) == probe.wantErr, "\(name) (\(probe.desc)): \(error.map { "\($0)" } ?? "accepted")")
        }
    }

    @Test func corpusIsComplete() throws {
        let total = try ["inclusion", "consistency", "subtreeinclusion", "subtreeconsistency"].map { try Self.probes($0).count }
        #expect(total.reduce(0, +) == 518)
    }
}
