import Foundation
import PropertyLedger

/// A goal a measurement is held to.
enum Target: Sendable, Encodable, CustomStringConvertible {
    /// The ledger's figure divided by the baseline's must be at least this (throughputs).
    case ratioAtLeast(Double)
    /// The ledger's figure divided by the baseline's must be at most this (memory at two sizes).
    case ratioAtMost(Double)
    /// The ledger's figure must be below this, in the figure's unit (latencies).
    case valueBelow(Double)
    /// The ledger's figure (a median latency) must be below the first limit and its p99 detail below the
    /// second (the same limit when none is given).
    case medianAndP99Below(Double, p99: Double? = nil)

    func isMet(_ figure: Figure, ratio: Double?) -> Bool {
        switch self {
        case .ratioAtLeast(let minimum): ratio.map { $0 >= minimum } ?? false
        case .ratioAtMost(let maximum): ratio.map { $0 <= maximum } ?? false
        case .valueBelow(let limit): figure.value < limit
        case .medianAndP99Below(let limit, let p99Limit):
            figure.value < limit && figure.details["p99"].map { $0 < (p99Limit ?? limit) } ?? false
        }
    }

    var description: String {
        switch self {
        case .ratioAtLeast(let minimum): "≥ " + Format.ratio(minimum)
        case .ratioAtMost(let maximum): "≤ " + Format.ratio(maximum)
        case .valueBelow(let limit): "< " + String(format: "%g", limit)
        case .medianAndP99Below(let limit, nil): "p50, p99 < " + String(format: "%g", limit)
        case .medianAndP99Below(let limit, let p99Limit?):
            "p50 < " + String(format: "%g", limit) + ", p99 < " + String(format: "%g", p99Limit)
        }
    }

    private enum CodingKeys: String, CodingKey { case kind, value, p99 }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .ratioAtLeast(let value):
            try container.encode("ratioAtLeast", forKey: .kind)
            try container.encode(value, forKey: .value)
        case .ratioAtMost(let value):
            try container.encode("ratioAtMost", forKey: .kind)
            try container.encode(value, forKey: .value)
        case .valueBelow(let value):
            try container.encode("valueBelow", forKey: .kind)
            try container.encode(value, forKey: .value)
        case .medianAndP99Below(let value, let p99Limit):
            try container.encode("medianAndP99Below", forKey: .kind)
            try container.encode(value, forKey: .value)
            try container.encodeIfPresent(p99Limit, forKey: .p99)
        }
    }
}

/// One figure: what was measured, its value and unit, and how to show it in the table.
struct Figure: Sendable, Encodable {
    var name: String
    var value: Double
    var unit: String
    /// Further figures of the same measurement, such as a p99 beside a median.
    var details: [String: Double] = [:]
    /// The table cell; not encoded, since JSON readers want the numbers.
    var display: String

    private enum CodingKeys: String, CodingKey { case name, value, unit, details }
}

/// One row of the report: the ledger's figure, the baseline it is held against, and the verdict.
struct Comparison: Sendable, Encodable {
    var key: String
    var title: String
    var ledger: Figure
    var baseline: Figure?
    var target: Target

    var ratio: Double? { baseline.map { ledger.value / $0.value } }
    var passed: Bool { target.isMet(ledger, ratio: ratio) }

    private enum CodingKeys: String, CodingKey { case key, title, ledger, baseline, ratio, target, passed }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key, forKey: .key)
        try container.encode(title, forKey: .title)
        try container.encode(ledger, forKey: .ledger)
        try container.encodeIfPresent(baseline, forKey: .baseline)
        try container.encodeIfPresent(ratio, forKey: .ratio)
        try container.encode(target, forKey: .target)
        try container.encode(passed, forKey: .passed)
    }
}

/// Everything one run found, printable as a table or as one JSON object with the same figures.
struct BenchReport: Sendable, Encodable {
    struct Configuration: Sendable, Encodable {
        var profile: String
        var hashAlgorithm: String
        var largeLogEntries: Int64
        var smallLogEntries: Int64
        var singleAppends: Int
        var batchSize: Int
        var batches: Int
        var buildBatchSize: Int
        var proofSamples: Int
        var averageEntryBytes: Double
        /// The parts that ran: `log` ((a)–(e)), `custody` ((f)–(i)), … `signatures` ((r) and (s)).
        var parts: [BenchPart]
        var custodyLogEntries: Int64
        var custodyItems: Int
        var cabinets: Int
        var objectsPerCabinet: Int
        var custodyBatchSize: Int
        var custodyLookups: Int
        var listRuns: Int
        var signatureAlgorithm: String
        /// (r)'s durable single appends on each side.
        var signedAppends: Int
        /// (s)'s signed entries built and audited, and the signatures of them verified bare.
        var signedEntries: Int64
        var signatureSamples: Int
    }

    var machine: MachineInfo
    var configuration: Configuration
    var results: [Comparison]
    /// Supporting figures that have no target but explain the results (build rate, per-call latencies, …).
    var details: [Figure]
    /// How the figures were taken, in words.
    var notes: [String]

    var allPassed: Bool { results.allSatisfy(\.passed) }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    func table() -> String {
        var lines: [String] = []
        let config = configuration
        if config.parts.contains(.log) {
            lines.append(
                "PropertyLedger benchmark: profile \(config.profile) (\(config.hashAlgorithm)), "
                    + "large log \(Format.count(config.largeLogEntries)) entries, small log \(Format.count(config.smallLogEntries)), "
                    + "entries of \(Format.decimal(config.averageEntryBytes)) bytes on average")
        }
        if config.parts.contains(.custody) {
            lines.append(
                (config.parts.contains(.log)
                    ? "custody log: "
                    : "PropertyLedger benchmark: profile \(config.profile) "
                        + "(\(config.hashAlgorithm)), custody log ") + "\(Format.count(config.custodyLogEntries)) entries, "
                    + "\(Format.count(config.custodyItems)) items in \(Format.count(config.cabinets)) cabinets of "
                    + "\(Format.count(config.objectsPerCabinet)), built \(Format.count(config.custodyBatchSize)) commands/txn")
        }
        if config.parts.contains(.signatures) {
            lines.append(
                (config.parts.contains(.log) || config.parts.contains(.custody)
                    ? "signatures: "
                    : "PropertyLedger benchmark: profile \(config.profile) (\(config.hashAlgorithm), "
                        + "\(config.signatureAlgorithm)), signatures: ")
                    + "\(Format.count(config.signedAppends)) single appends on each side, "
                    + "\(Format.count(config.signedEntries)) signed entries audited, "
                    + "\(Format.count(config.signatureSamples)) of their signatures verified bare")
        }
        lines.append(
            "machine: \(machine.processors) CPUs (\(machine.cpuModel)), \(Format.decimal(machine.memoryGiB)) GiB, "
                + "\(machine.system), Linux \(machine.kernel)")
        lines.append("libraries: SQLite \(machine.sqliteVersion), \(machine.openSSLVersion)")
        lines.append("disk: \(machine.directory)")
        lines.append("")
        lines.append(contentsOf: resultTable())
        lines.append("")
        lines.append("supporting figures:")
        let width = details.map(\.name.count).max() ?? 0
        lines.append(contentsOf: details.map { "  " + $0.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.display })
        lines.append("")
        lines.append("notes:")
        lines.append(contentsOf: notes.map { "  - " + $0 })
        lines.append("")
        lines.append(allPassed ? "all targets met" : "targets missed: " + results.filter { !$0.passed }.map(\.key).joined(separator: ", "))
        return lines.joined(separator: "\n")
    }

    private func resultTable() -> [String] {
        let header = ["measurement", "ledger", "baseline", "ratio", "target", "result"]
        let rows = results.map { result in
            [
                result.title,
                result.ledger.display,
                result.baseline.map { "\($0.name): \($0.display)" } ?? "-",
                result.ratio.map(Format.ratio) ?? "-",
                result.target.description + (result.ratio == nil ? " " + result.ledger.unit : ""),
                result.passed ? "PASS" : "MISS",
            ]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            let padded = zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
            return String(padded.reversed().drop { $0 == " " }.reversed())
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return [line(header), rule] + rows.map(line)
    }
}

/// Number formatting for the table: grouped integers, and decimals with as many digits as they deserve.
enum Format {
    static func count(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    static func count(_ value: Int) -> String { count(Int64(value)) }

    /// Three significant digits for small values, whole grouped numbers for large ones.
    static func decimal(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        if value.magnitude >= 1000 { return count(Int64(value.rounded())) }
        if value.magnitude >= 100 { return String(format: "%.0f", value) }
        if value.magnitude >= 10 { return String(format: "%.1f", value) }
        if value.magnitude >= 1 { return String(format: "%.2f", value) }
        return String(format: "%.3g", value)
    }

    static func ratio(_ value: Double) -> String { String(format: "%.2f×", value) }

    static func rate(_ perSecond: Double) -> String { decimal(perSecond) + " /s" }

    static func milliseconds(_ value: Double) -> String { decimal(value) + " ms" }

    static func mebibytes(kibibytes: Int) -> String { String(format: "%.1f MiB", Double(kibibytes) / 1024) }
}
