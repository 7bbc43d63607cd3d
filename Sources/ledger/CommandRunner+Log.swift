import Foundation
import PropertyLedger

/// The log commands: init, verify, checkpoint, key, prove, entry.
extension CommandRunner {
    func initialize(agency: Agency, profile: CryptoProfile) async throws {
        let paths = self.paths
        let directory = (paths.database as NSString).deletingLastPathComponent
        if !directory.isEmpty && !FileManager.default.fileExists(atPath: directory) {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        let store = try await LedgerStore.create(paths, agency: agency, profile: profile)
        let identity = store.identity
        struct Result: Encodable {
            let store, privateKey, checkpoint, origin, profile, verifierKey: String
        }
        try output.emit(
            Result(
                store: paths.database, privateKey: paths.privateKey, checkpoint: paths.checkpoint, origin: identity.origin,
                profile: identity.profile.rawValue, verifierKey: identity.verifierKey),
            text: """
                Created ledger \(identity.origin) (\(identity.profile.rawValue)) for \(agency.name)
                  store        \(paths.database)
                  private key  \(paths.privateKey) (mode 0600: keep it off backups others can read)
                  checkpoint   \(paths.checkpoint)
                  verifier key \(identity.verifierKey)
                """)
    }

    func verify() async throws {
        let store = try await openStore()
        let report = try await store.audit()
        struct Result: Encodable {
            struct Finding: Encodable {
                let index: Int64?
                let place, problem: String
            }
            let ok: Bool
            let size, nodesChecked: Int64
            let checkpointsChecked: Int
            let latestCheckpointSize: Int64?
            let firstBadIndex: Int64?
            let findingCount: Int
            let findings: [Finding]
            let warnings: [Finding]
        }
        let result = Result(
            ok: report.isIntact, size: report.size, nodesChecked: report.nodesChecked,
            checkpointsChecked: report.checkpointsChecked, latestCheckpointSize: report.latestCheckpointSize,
            firstBadIndex: report.firstBadIndex, findingCount: report.findingCount,
            findings: report.findings.map { .init(index: $0.index, place: $0.place, problem: $0.problem) },
            warnings: report.warnings.map { .init(index: nil, place: $0.place, problem: $0.problem) })
        let checkpoints =
            report.latestCheckpointSize.map {
                "\(counted(report.checkpointsChecked, "checkpoint")) (latest at size \($0))"
            } ?? "no checkpoints"
        let warnings = report.warnings.map { "WARNING: \($0)" }
        if report.isIntact {
            let summary =
                "OK: \(counted(report.size, "entry", "entries")), \(counted(report.nodesChecked, "tree node")) and \(checkpoints) verified"
            try output.emit(result, text: ([summary] + warnings).joined(separator: "\n"))
            if let first = report.warnings.first {
                throw CommandFailure(
                    status: .verifiedWithWarnings, message: "the log verifies, but \(first)" + more(report.warnings.count - 1, "warning"),
                    resultPrinted: true)
            }
            return
        }
        let first = report.findings.first.map(\.description) ?? "unknown"
        try output.emit(
            result,
            text: ([
                "FAILED: \(counted(report.findingCount, "problem")); first bad index \(report.firstBadIndex.map(String.init) ?? "none")"
            ]
                + report.findings.map { "  \($0)" } + warnings).joined(separator: "\n"))
        let index = report.firstBadIndex.map { "at index \($0)" } ?? "outside the entries"
        throw CommandFailure(status: .verificationFailed, message: "verification failed \(index): \(first)", resultPrinted: true)
    }

    /// " (and 2 more warnings)", or nothing.
    private func more(_ count: Int, _ noun: String) -> String {
        count > 0 ? " (and \(counted(count, "more " + noun)))" : ""
    }

    func checkpoint() async throws {
        let store = try await openStore()
        let signed = try await store.checkpoint()
        struct Result: Encodable {
            let origin: String
            let size: UInt64
            let root, note: String
        }
        let checkpoint = signed.checkpoint
        try output.emit(
            Result(
                origin: checkpoint.origin, size: checkpoint.size, root: checkpoint.rootHash.base64EncodedString(),
                note: signed.note.formatted),
            text: String(signed.note.formatted.dropLast()))
    }

    func checkCheckpoint(file: String, verifierKeyFile: String) throws {
        let verifier = try Self.readVerifier(verifierKeyFile)
        let signed = try SignedCheckpoint(parsing: try Self.readText(file), verifier: verifier)
        struct Result: Encodable {
            let ok: Bool
            let origin: String
            let size: UInt64
            let root: String
        }
        let checkpoint = signed.checkpoint
        try output.emit(
            Result(ok: true, origin: checkpoint.origin, size: checkpoint.size, root: checkpoint.rootHash.base64EncodedString()),
            text:
                "OK: checkpoint of \(checkpoint.origin) at size \(checkpoint.size), root \(checkpoint.rootHash.base64EncodedString()), signed by \(verifier.name)"
        )
    }

    func key() async throws {
        let store = try await openStore()
        struct Result: Encodable {
            let verifierKey, origin, profile, algorithm: String
        }
        let identity = store.identity
        try output.emit(
            Result(
                verifierKey: identity.verifierKey, origin: identity.origin, profile: identity.profile.rawValue,
                algorithm: identity.profile.signatureAlgorithm.rawValue),
            text: identity.verifierKey)
    }

    func prove(index: Int64, size: Int64?) async throws {
        let store = try await openStore()
        let receipt = try await store.receipt(index: index, size: size)
        struct Result: Encodable {
            let index: UInt64
            let proof: [String]
            let receipt: String
        }
        try output.emit(
            Result(index: receipt.index, proof: receipt.proof.map { $0.base64EncodedString() }, receipt: receipt.text),
            text: String(receipt.text.dropLast()))
    }

    func checkReceipt(receiptFile: String, entryFile: String, verifierKeyFile: String) throws {
        let verifier = try Self.readVerifier(verifierKeyFile)
        let receipt = try Receipt(parsing: try Self.readText(receiptFile))
        let entry = try Self.readFile(entryFile, limit: LedgerStore.maximumEntrySize)
        let checkpoint = try receipt.verify(entry: entry, verifier: verifier)
        struct Result: Encodable {
            let ok: Bool
            let index, size: UInt64
            let origin, root: String
        }
        try output.emit(
            Result(
                ok: true, index: receipt.index, size: checkpoint.size, origin: checkpoint.origin,
                root: checkpoint.rootHash.base64EncodedString()),
            text:
                "OK: entry \(receipt.index) is in \(checkpoint.origin) at size \(checkpoint.size) (signature and inclusion proof verified)")
    }

    func entry(index: Int64) async throws {
        let store = try await openStore()
        let bytes = try await store.entry(at: index)
        if invocation.json {
            struct Result: Encodable {
                let index: Int64
                let base64: String
                let text: String?
            }
            try Output.writeJSON(Result(index: index, base64: bytes.base64EncodedString(), text: String(data: bytes, encoding: .utf8)))
        } else {
            // Exactly the stored bytes: no newline added, so `ledger entry N > file` reproduces them.
            FileHandle.standardOutput.write(bytes)
        }
    }
}

/// "1 entry", "2 entries".
func counted<N: BinaryInteger>(_ count: N, _ singular: String, _ plural: String? = nil) -> String {
    "\(count) " + (count == 1 ? singular : plural ?? singular + "s")
}
