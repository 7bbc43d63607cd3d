import Foundation
import PropertyLedger

extension Benchmark {
    /// Officers whose keys sign (s)'s log, in turn: entry `i` of the built range is `signingOfficers[i % 4]`'s.
    static let signingOfficers = ["O1", "O2", "O3", "O4"]

    /// (r) and (s), each on a log of its own.
    mutating func measureSignatures() async throws -> [Comparison] {
        let appends = try await measureSignedAppends(at: workspace.path("signed-appends.ledger"))
        let audit = try await measureSignedAudit(at: workspace.path("signed.ledger"))
        return [appends, audit]
    }

    // MARK: (r) Durable single appends, signed and unsigned

    /// (r) One progress note per transaction, each durable before the next starts, by two officers of the same
    /// role in the same store: O1, whose key is enrolled and who must sign (`signer:`), and O2, who has none.
    ///
    /// The sides take turns in blocks, in rotating order, as in (a). Both record the same command through the
    /// rules, with notes of the same length, at a clock that advances a second per call. The log is audited
    /// afterwards and must hold exactly the signatures the signed side made.
    private mutating func measureSignedAppends(at path: String) async throws -> Comparison {
        let count = options.signedAppends
        let algorithm = options.profile.signatureAlgorithm.rawValue.uppercased()
        var scene = try await SignatureScene(store: try await createStore(at: path), keyed: ["O1"], unkeyed: ["O2"])
        let store = scene.store
        guard let key = scene.keys["O1"] else { throw BenchError("the scene enrolled no key for O1") }
        Progress.log("(r) \(Format.count(count)) durable single progress notes on each side, signed (\(algorithm)) and unsigned")

        // A few untimed calls on each side first, so neither pays for the first statement preparations.
        let warmUp = Int64(10)
        var number = Int64(0)
        for _ in 0..<warmUp {
            for side in [SignedAppendSide.signed, .unsigned] {
                _ = try await record(side, note: number, in: store, key: key, at: scene.tick())
            }
            number += 1
        }

        let blockSize = max(1, min(100, count / 10))
        var signedLatencies: [Duration] = []
        var unsignedLatencies: [Duration] = []
        var signedIndices: [Int64] = []
        for (turn, start) in stride(from: 0, to: count, by: blockSize).enumerated() {
            let notes = number..<number + Int64(min(blockSize, count - start))
            for side in rotated([SignedAppendSide.signed, .unsigned], by: turn) {
                for note in notes {
                    let date = scene.tick()
                    let stopwatch = Stopwatch()
                    let recorded = try await record(side, note: note, in: store, key: key, at: date)
                    let elapsed = stopwatch.elapsed
                    switch side {
                    case .signed:
                        signedLatencies.append(elapsed)
                        signedIndices.append(recorded.index)
                    case .unsigned:
                        unsignedLatencies.append(elapsed)
                    }
                }
            }
            number = notes.upperBound
        }
        scene.count(signed: warmUp + Int64(count), unsigned: warmUp + Int64(count))
        try await checkAudit(of: scene, "the log of (r)")

        recordLatencies("(r) record(_:) signed by O1, latency", signedLatencies)
        recordLatencies("(r) record(_:) unsigned by O2, latency", unsignedLatencies)
        try await recordBareSigning(of: signedIndices, in: store, key: key)
        let signedRate = Double(count) / signedLatencies.reduce(.zero, +).seconds
        let unsignedRate = Double(count) / unsignedLatencies.reduce(.zero, +).seconds
        return Comparison(
            key: "signedAppends", title: "(r) durable single appends, signed (\(algorithm))",
            ledger: Figure(
                name: "record(_:signer:), signed", value: signedRate, unit: "entries/s", display: Format.rate(signedRate)),
            baseline: Figure(name: "record(_:), unsigned", value: unsignedRate, unit: "entries/s", display: Format.rate(unsignedRate)),
            target: .ratioAtLeast(0.8))
    }

    /// Records progress note `note` on the case as one side of (r): signed by O1, or unsigned by O2.
    private func record(
        _ side: SignedAppendSide, note: Int64, in store: LedgerStore, key: UnlockedKey, at date: Date
    ) async throws -> RecordedEntry {
        let command = CustodyCommand.recordProgress(caseNumber: SignatureScene.caseNumber, note: SignatureScene.note(note))
        switch side {
        case .signed: return try await store.record(command, actor: "O1", at: date, signer: key)
        case .unsigned: return try await store.record(command, actor: "O2", at: date)
        }
    }

    /// What signing costs the write beyond an unsigned one, less its two key look-ups in the tables, timed in
    /// memory on this thread for the messages of up to 500 entries (r) stored: decoding the enrolled public key
    /// from its SubjectPublicKeyInfo, signing the message and verifying the signature, each step as the write
    /// does it.
    private mutating func recordBareSigning(of indices: [Int64], in store: LedgerStore, key: UnlockedKey) async throws {
        guard let enrolled = try await store.signingKey(key.keyID) else { throw BenchError("O1's key is not enrolled") }
        let origin = store.identity.origin
        var messages: [Data] = []
        for index in indices.suffix(500) {
            let (body, signature) = try EntrySignature.split(try await store.entry(at: index))
            guard signature?.keyID == key.keyID else { throw BenchError("entry \(index) of (r) is not signed by O1's key") }
            messages.append(EntrySignature.message(body: body, index: index, origin: origin))
        }
        var decoding: [Duration] = []
        var signing: [Duration] = []
        var verifying: [Duration] = []
        for message in messages {
            let decode = Stopwatch()
            let verifier = try VerificationKey(algorithm: enrolled.algorithm, subjectPublicKeyInfo: enrolled.publicKey)
            decoding.append(decode.elapsed)
            let sign = Stopwatch()
            let signature = try key.sign(message)
            signing.append(sign.elapsed)
            let verify = Stopwatch()
            let isValid = try verifier.isValidSignature(signature, for: message)
            verifying.append(verify.elapsed)
            guard isValid else { throw BenchError("a signature O1's key just made does not verify") }
        }
        let steps = [("decode", decoding), ("sign", signing), ("verify", verifying)].map { name, latencies in
            (name, LatencySample(latencies).median.milliseconds)
        }
        let total = LatencySample(zip(decoding, zip(signing, verifying)).map { $0 + $1.0 + $1.1 })
        details.append(
            Figure(
                name: "(r) signing steps alone, in memory, p50", value: total.median.milliseconds, unit: "ms",
                details: Dictionary(uniqueKeysWithValues: steps),
                display: "\(Format.milliseconds(total.median.milliseconds)) in all (p99 "
                    + "\(Format.milliseconds(total.percentile(0.99).milliseconds))): "
                    + steps.map { "\($0.0) \(Format.milliseconds($0.1))" }.joined(separator: ", ")
                    + " (public key from its SPKI, sign, verify; \(messages.count) entries; a write with a key held in this "
                    + "process signs only, a login agent's signature is also decoded and verified)"))
    }

    // MARK: (s) The audit of signed entries

    /// (s) `audit()`, as `ledger verify` runs it, over a log of `signedEntries` signed progress notes, against
    /// the bare rate of verifying the same signatures with the same keys.
    ///
    /// Four officers' keys are enrolled through the rules and each records one note through them; the rest of
    /// the log is built without the rules, in batches of `buildBatchSize` (see ``buildSignedEntries(in:scene:)``).
    /// The baseline verifies a random sample of the stored signatures, half before the audit and half after
    /// it, on one thread, as the audit does.
    private mutating func measureSignedAudit(at path: String) async throws -> Comparison {
        let algorithm = options.profile.signatureAlgorithm.rawValue.uppercased()
        var scene = try await SignatureScene(store: try await createStore(at: path), keyed: Self.signingOfficers, unkeyed: [])
        let store = scene.store
        let built = try await buildSignedEntries(in: store, scene: &scene)

        let samples = try await signatureSamples(in: store, range: built)
        let half = samples.count / 2
        Progress.log("(s) verifying \(Format.count(half)) of its signatures bare, before the audit")
        let (before, beforeCPU) = try Self.timeVerifications(samples[..<half])

        Progress.log("(s) auditing the log of \(Format.count(built.count)) signed entries")
        let cpu = ProcessCPUTime()
        let stopwatch = Stopwatch()
        let report = try await checkAudit(of: scene, "the log of (s)")
        let auditTime = stopwatch.elapsed
        let auditCPU = cpu.elapsed

        Progress.log("(s) verifying \(Format.count(samples.count - half)) of its signatures bare, after the audit")
        let (after, afterCPU) = try Self.timeVerifications(samples[half...])

        let auditRate = Double(report.size) / auditTime.seconds
        let verifyRate = Double(samples.count) / (before + after).seconds
        details.append(
            Figure(
                name: "(s) audit of \(Format.count(report.size)) entries", value: auditTime.seconds, unit: "s",
                details: ["signaturesChecked": Double(report.signaturesChecked), "unsignedEntries": Double(report.unsignedEntries)],
                display: "\(Format.decimal(auditTime.seconds)) s (\(Format.decimal(auditTime.seconds / Double(report.size) * 1e6)) µs "
                    + "per entry), \(Format.count(report.signaturesChecked)) signatures checked, "
                    + "\(Format.count(report.unsignedEntries)) unsigned, intact"))
        details.append(
            Figure(
                name: "(s) bare \(algorithm) verifications, \(Format.count(samples.count)) signatures", value: verifyRate,
                unit: "verifications/s",
                details: ["beforeAudit": Double(half) / before.seconds, "afterAudit": Double(samples.count - half) / after.seconds],
                display: "\(Format.decimal(1e6 / verifyRate)) µs each; "
                    + "\(Format.rate(Double(half) / before.seconds)) before the audit, "
                    + "\(Format.rate(Double(samples.count - half) / after.seconds)) after it"))
        let auditCPUPerEntry = auditCPU.seconds / Double(report.size)
        let verifyCPUEach = (beforeCPU + afterCPU).seconds / Double(samples.count)
        details.append(
            Figure(
                name: "(s) CPU time (user + system), per entry", value: auditCPUPerEntry * 1e6, unit: "µs",
                details: ["bareVerification": verifyCPUEach * 1e6, "ratio": verifyCPUEach / auditCPUPerEntry],
                display: "audit \(Format.decimal(auditCPUPerEntry * 1e6)) µs, bare verification "
                    + "\(Format.decimal(verifyCPUEach * 1e6)) µs: \(Format.ratio(verifyCPUEach / auditCPUPerEntry)) "
                    + "by CPU time"))
        return Comparison(
            key: "signedAudit", title: "(s) audit of \(Format.count(built.count)) signed entries (\(algorithm))",
            ledger: Figure(name: "LedgerStore.audit()", value: auditRate, unit: "entries/s", display: Format.rate(auditRate)),
            baseline: Figure(
                name: "bare \(algorithm) verification", value: verifyRate, unit: "verifications/s", display: Format.rate(verifyRate)),
            target: .ratioAtLeast(0.5))
    }

    /// Appends `signedEntries` progress notes on the case, officer `signingOfficers[i % 4]`'s at index `i`, each
    /// signed with his key over its message at the exact index it takes; returns the range they took.
    ///
    /// Each entry is the one the rules make of `recordProgress` (a note that rules recorded for O1 is the
    /// template, its actor, time and note replaced), encoded with `encoded()`, signed over
    /// `EntrySignature.message(body:index:origin:)` and sealed with `EntrySignature.sealing(_:)`, as the write
    /// path does; the first of every batch is checked against what `evaluate` (the rules, writing nothing) says
    /// recording that note would write at that index. The entries are signed on every processor, then appended
    /// with `append(contentsOf:)`, which bypasses the rules; the audit judges signatures, holders and key
    /// validity from the log alone. Batch `b`'s entries all have the scene's clock at that batch.
    private mutating func buildSignedEntries(in store: LedgerStore, scene: inout SignatureScene) async throws -> Range<Int64> {
        let count = options.signedEntries
        let threads = max(1, ProcessInfo.processInfo.activeProcessorCount)
        var officers: [(badge: String, key: UnlockedKey)] = []
        var recorded: [RecordedEntry] = []
        for badge in Self.signingOfficers {
            guard let key = scene.keys[badge] else { throw BenchError("the scene enrolled no key for \(badge)") }
            officers.append((badge, key))
            recorded += try await scene.record(
                [.recordProgress(caseNumber: SignatureScene.caseNumber, note: SignatureScene.note(0))], actor: badge)
        }
        let first = try await store.size
        guard let template = recorded.last?.entry, case .caseProgressed = template.event else {
            throw BenchError("the progress note recorded through the rules is not one")
        }

        Progress.log(
            "(s) building \(Format.count(count)) signed entries in batches of \(Format.count(options.buildBatchSize)), "
                + "signed on \(threads) threads")
        let stopwatch = Stopwatch()
        var signingTime = Duration.zero
        var nextReport = count / 10
        var end = first
        while end < first + count {
            let batch = end..<min(end + Int64(options.buildBatchSize), first + count)
            let date = scene.tick()
            let signing = Stopwatch()
            let entries = try await Self.signedEntries(
                batch, template: template, officers: officers, at: Timestamp.string(date), origin: store.identity.origin,
                threads: threads)
            signingTime += signing.elapsed
            let badge = officers[Int(batch.lowerBound % Int64(officers.count))].badge
            let expected = try await store.evaluate(
                .recordProgress(caseNumber: SignatureScene.caseNumber, note: SignatureScene.note(batch.lowerBound)), actor: badge,
                at: date)
            guard expected.index == batch.lowerBound, try expected.entry.encoded() == EntrySignature.split(entries[0]).body else {
                throw BenchError("entry \(batch.lowerBound) as built differs from what the rules would record there")
            }
            guard try await store.append(contentsOf: entries) == batch else {
                throw BenchError("the batch \(batch) was not appended at those indices")
            }
            end = batch.upperBound
            if end - first >= nextReport && end < first + count {
                Progress.log("  \(Format.count(end - first)) signed entries, \(Format.decimal(stopwatch.elapsed.seconds)) s")
                nextReport += count / 10
            }
        }
        _ = try await store.checkpoint()
        scene.count(signed: count, unsigned: 0)
        let seconds = stopwatch.elapsed.seconds
        let fileBytes = Self.fileSize(store.paths.database) + Self.fileSize(store.paths.database + "-wal")
        details.append(
            Figure(
                name: "(s) building \(Format.count(count)) signed entries (not timed in (s))", value: seconds, unit: "s",
                details: ["signingSeconds": signingTime.seconds, "threads": Double(threads), "fileBytes": Double(fileBytes)],
                display: "\(Format.decimal(seconds)) s, of which \(Format.decimal(signingTime.seconds)) s encoding and signing "
                    + "on \(threads) threads; \(Format.mebibytes(kibibytes: Int(fileBytes / 1024))) on disk, "
                    + "\(Format.decimal(Double(fileBytes) / Double(first + count))) bytes per entry"))
        return first..<first + count
    }

    /// The sealed entries `range`, encoded and signed on `threads` tasks, each a contiguous share of the range.
    private static func signedEntries(
        _ range: Range<Int64>, template: CustodyEntry, officers: [(badge: String, key: UnlockedKey)], at: String, origin: String,
        threads: Int
    ) async throws -> [Data] {
        let share = Int64((range.count + threads - 1) / threads)
        return try await withThrowingTaskGroup(of: (Int, [Data]).self) { group in
            for part in 0..<threads {
                let lower = range.lowerBound + Int64(part) * share
                let upper = min(lower + share, range.upperBound)
                guard lower < upper else { break }
                group.addTask {
                    let entries = try (lower..<upper).map { index in
                        let officer = officers[Int(index % Int64(officers.count))]
                        return try signedEntry(index, template: template, badge: officer.badge, key: officer.key, at: at, origin: origin)
                    }
                    return (part, entries)
                }
            }
            var parts = [[Data]](repeating: [], count: threads)
            for try await (part, entries) in group { parts[part] = entries }
            return parts.flatMap { $0 }
        }
    }

    /// Progress note `index` by `badge` at `at`, signed by `key` for index `index` of the log `origin`.
    private static func signedEntry(
        _ index: Int64, template: CustodyEntry, badge: String, key: UnlockedKey, at: String, origin: String
    ) throws -> Data {
        guard case .caseProgressed(var progressed) = template.event else { throw BenchError("the template is not a progress note") }
        progressed.note = SignatureScene.note(index)
        var entry = template
        entry.at = at
        entry.actor = badge
        entry.event = .caseProgressed(progressed)
        let body = try entry.encoded()
        let signature = try key.sign(EntrySignature.message(body: body, index: index, origin: origin))
        return EntrySignature(keyID: key.keyID, value: signature).sealing(body)
    }

    /// Up to `signatureSamples` random entries of `range` (a different one each, in index order), read back from
    /// the store: each one's signed message, its signature and the public key the log enrolled for it.
    private func signatureSamples(in store: LedgerStore, range: Range<Int64>) async throws -> [SignatureSample] {
        let count = min(options.signatureSamples, range.count)
        var random = SplitMix64(seed: 0x5_16_4A7)
        var indices = Set<Int64>()
        while indices.count < count { indices.insert(range.lowerBound + random.next(below: Int64(range.count))) }
        var keys: [String: VerificationKey] = [:]
        var samples: [SignatureSample] = []
        samples.reserveCapacity(count)
        for index in indices.sorted() {
            let (body, signature) = try EntrySignature.split(try await store.entry(at: index))
            guard let signature else { throw BenchError("entry \(index) of (s) carries no signature") }
            if keys[signature.keyID] == nil {
                guard let enrolled = try await store.signingKey(signature.keyID) else {
                    throw BenchError("entry \(index) of (s) is signed by \(signature.keyID), which the log did not enrol")
                }
                keys[signature.keyID] = try VerificationKey(algorithm: enrolled.algorithm, subjectPublicKeyInfo: enrolled.publicKey)
            }
            guard let key = keys[signature.keyID] else { continue }
            samples.append(
                SignatureSample(
                    message: EntrySignature.message(body: body, index: index, origin: store.identity.origin),
                    signature: signature.value, key: key))
        }
        return samples
    }

    /// The wall-clock and CPU time to verify `samples` one after another on this thread; throws unless every one
    /// is valid.
    private static func timeVerifications(_ samples: ArraySlice<SignatureSample>) throws -> (wall: Duration, cpu: Duration) {
        var valid = 0
        let cpu = ProcessCPUTime()
        let stopwatch = Stopwatch()
        for sample in samples where try sample.key.isValidSignature(sample.signature, for: sample.message) {
            valid += 1
        }
        let elapsed = (stopwatch.elapsed, cpu.elapsed)
        guard valid == samples.count else {
            throw BenchError("\(samples.count - valid) of \(samples.count) stored signatures did not verify bare")
        }
        return elapsed
    }

    /// Audits the scene's log and throws unless it is intact and checked exactly the signatures the scene made
    /// and found exactly the unsigned entries it made.
    @discardableResult
    private func checkAudit(of scene: SignatureScene, _ name: String) async throws -> AuditReport {
        let report = try await scene.store.audit()
        guard report.isIntact else {
            let findings = report.findings.prefix(3).map(\.description).joined(separator: "; ")
            throw BenchError("the audit found \(name) damaged (\(report.findingCount) findings): \(findings)")
        }
        guard report.signaturesChecked == scene.signedEntries, report.unsignedEntries == scene.unsignedEntries,
            report.size == 1 + scene.signedEntries + scene.unsignedEntries
        else {
            throw BenchError(
                "the audit of \(name) checked \(report.signaturesChecked) signatures and found \(report.unsignedEntries) "
                    + "unsigned entries in \(report.size); expected \(scene.signedEntries) and \(scene.unsignedEntries) "
                    + "in \(1 + scene.signedEntries + scene.unsignedEntries)")
        }
        return report
    }

    var signatureNotes: [String] {
        let algorithm = options.profile.signatureAlgorithm.rawValue.uppercased()
        return [
            "(r) and (s) each use a fresh store whose people are recorded through the rules: S1 (a supervisor, no actor) "
                + "enrols his own \(algorithm) key, the entry signed by it; S1 adds the officers, enrols their keys and opens "
                + "a case, every entry his and signed with his key",
            "(r) O1 (a key enrolled) and O2 (none), both officers, each record \(Format.count(options.signedAppends)) progress "
                + "notes on the case, one record(_:) per durable transaction, O1 passing signer: his key (the write signs "
                + "the entry and verifies the signature before committing); the sides take turns in blocks in rotating order "
                + "after 10 untimed calls each; a rate is the notes divided by the summed time of that side's awaited calls; "
                + "the log is then audited and must hold exactly the signatures made",
            "(s) O1–O4 get keys and record a note each through the rules; then \(Format.count(options.signedEntries)) progress "
                + "notes (O1–O4 in turn) are built outside the rules, not timed: each is the rules' entry (the first of every "
                + "batch checked against evaluate(_:), which runs the rules and writes nothing), signed by its officer's key "
                + "over its message at the exact index it takes, sealed, and appended with append(contentsOf:) "
                + "\(Format.count(options.buildBatchSize)) at a time; the audit judges every signature, holder and key "
                + "validity from the log alone, as it would for entries the rules wrote",
            "(s) the audit (one thread, which also hashes and checks every leaf, node and checkpoint, and parses every entry) "
                + "must find the log intact with every signature checked; its rate is the log's entries over its time; the "
                + "baseline is VerificationKey.isValidSignature on one thread over \(Format.count(min(Int64(options.signatureSamples), options.signedEntries))) "
                + "random stored (message, signature, enrolled key) triples, half timed before the audit and half after it; "
                + "the log was just written, so its pages are likely in the page cache",
        ]
    }
}

/// The sides of the signed-append comparison (r).
private enum SignedAppendSide {
    /// O1, who has a key and signs.
    case signed
    /// O2, who has none.
    case unsigned
}

/// A stored signature and what verifies it: the message it signs and the key the log enrolled.
private struct SignatureSample {
    let message: Data
    let signature: Data
    let key: VerificationKey
}
