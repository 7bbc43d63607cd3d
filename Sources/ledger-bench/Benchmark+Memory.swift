import Foundation

extension Benchmark {
    /// (e) The audit's peak memory at the small and the large size, each in a child process, so the figure is
    /// the audit's and not this process's. A streaming audit should need about the same at both.
    mutating func measureAuditMemory(smallLog: String, largeLog: String) throws -> Comparison {
        Progress.log("(e) auditing the small log in a child process")
        let small = try AuditChild.audit(databasePath: smallLog)
        Progress.log("(e) auditing the large log in a child process")
        let large = try AuditChild.audit(databasePath: largeLog)
        for child in [small, large] { recordChild(child) }
        return Comparison(
            key: "auditMemory", title: "(e) audit peak RSS (child process)",
            ledger: Figure(
                name: "\(Format.count(large.size)) entries", value: Double(large.peakKiB), unit: "KiB",
                display: "\(Format.count(large.size)) entries: \(Format.mebibytes(kibibytes: large.peakKiB))"),
            baseline: Figure(
                name: "\(Format.count(small.size)) entries", value: Double(small.peakKiB), unit: "KiB",
                display: Format.mebibytes(kibibytes: small.peakKiB)),
            target: .ratioAtMost(1.25))
    }

    private mutating func recordChild(_ child: AuditChild.Result) {
        var display =
            "\(Format.decimal(child.seconds)) s, peak \(Format.mebibytes(kibibytes: child.peakKiB)) "
            + "(\(Format.mebibytes(kibibytes: child.peakBeforeAuditKiB)) before the audit)"
        var figures = ["peakBeforeAuditKiB": Double(child.peakBeforeAuditKiB), "seconds": child.seconds]
        if let maxRSS = child.maxRSSFromWait4KiB {
            display += ", wait4 ru_maxrss \(Format.mebibytes(kibibytes: maxRSS))"
            figures["maxRSSFromWait4KiB"] = Double(maxRSS)
        }
        details.append(
            Figure(
                name: "(e) audit child at \(Format.count(child.size)) entries", value: Double(child.peakKiB), unit: "KiB",
                details: figures, display: display))
    }
}
