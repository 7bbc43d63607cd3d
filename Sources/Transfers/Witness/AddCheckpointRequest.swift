public import Foundation
import PropertyLedger

/// The body of a C2SP tlog-witness `add-checkpoint` request, which is also what `ledger prove --consistency`
/// prints and what `ledger witness add-checkpoint FILE` reads:
///
///     old 41
///     <base64 hash>            (the consistency proof from size 41 to the checkpoint's size, one per line)
///     …
///
///     <signed checkpoint>
///
/// Read strictly: `old` a decimal with no leading zeros, at most 63 proof lines each one hash of 32 bytes, then
/// an empty line and the note; the whole at most 16 KiB. Anything else is `add-checkpoint-malformed`.
public struct AddCheckpointRequest: Sendable, Equatable {
    public var oldSize: Int64
    public var proof: [Data]
    /// The signed checkpoint, exactly as given (verified later, against the peer's key).
    public var checkpoint: String

    static let maximumSize = 16 * 1024
    static let maximumProofLines = 63

    public init(oldSize: Int64, proof: [Data], checkpoint: String) {
        self.oldSize = oldSize
        self.proof = proof
        self.checkpoint = checkpoint
    }

    public var text: String {
        (["old \(oldSize)"] + proof.map { $0.base64EncodedString() }).joined(separator: "\n") + "\n\n" + checkpoint
    }

    /// - Throws: ``LedgerError`` (`invalidInput`, `add-checkpoint-malformed` with the line it stopped at).
    public init(parsing data: Data) throws {
        func malformed(_ line: Int) -> LedgerError { LedgerError(.invalidInput, .addCheckpointMalformed(line: line)) }
        // UTF-8 as it is: Foundation's String(data:encoding:) drops a leading byte-order mark, which would pass for `old`.
        guard data.count <= Self.maximumSize, let text = String(validating: data, as: UTF8.self) else { throw malformed(0) }
        guard let blank = text.range(of: "\n\n") else { throw malformed(0) }
        let head = text[..<blank.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = head.first, first.hasPrefix("old ") else { throw malformed(1) }
        let digits = first.dropFirst(4)
        guard !digits.isEmpty, digits.allSatisfy({ ("0"..."9").contains($0) }), digits == "0" || digits.first != "0",
            digits.count <= 18, let old = Int64(digits)
        else { throw malformed(1) }
        guard head.count - 1 <= Self.maximumProofLines else { throw malformed(Self.maximumProofLines + 2) }
        var proof: [Data] = []
        for (offset, line) in head.dropFirst().enumerated() {
            guard let hash = Data(canonicalBase64: line), hash.count == 32 else {
                throw malformed(offset + 2)
            }
            proof.append(hash)
        }
        self.init(oldSize: old, proof: proof, checkpoint: String(text[blank.upperBound...]))
    }
}
