import DossierVault
import Foundation
import PropertyLedger

/// What people type on the command line (`--due`, `--date`, `policy set`) and approvals they carry in a file.
enum InputTargets {
    /// The agency's zone decides what a local time means: China's, one with daylight saving time, one with a
    /// half-hour offset, and UTC.
    static let zones = ["Asia/Shanghai", "America/New_York", "Asia/Kolkata", "UTC"].compactMap(TimeZone.init(identifier:))

    static let time = FuzzTarget(
        "time", "Timestamp.parse(_:zone:): times within 1990–2100, the same instant in every zone when an offset is typed"
    ) { data throws(FuzzFinding) in
        guard let text = FuzzInput.text(data), let typed = try Refusal.value({ try TypedTime(text) }) else { return }
        // ±14 hours of offset around the accepted years.
        let earliest = Date(timeIntervalSince1970: 631_152_000 - 14 * 3600)
        let latest = Date(timeIntervalSince1970: 4_133_980_800 + 14 * 3600)
        for zone in zones {
            guard let date = try Refusal.value({ try Timestamp.parse(text, zone: zone) }) else {
                throw FuzzFinding("checked as a time, but refused in \(zone.identifier)")
            }
            try FuzzFinding.require(earliest <= date && date <= latest, "read as \(date), outside the years accepted")
            try FuzzFinding.require(
                typed.offset == nil || date == typed.date(in: .gmt), "typed with an offset, yet \(date) in \(zone.identifier)")
            // What an entry stores of it reads back within the second.
            let stored = Timestamp.storedDate(Timestamp.string(date))
            try FuzzFinding.require(stored.map { abs($0.timeIntervalSince(date)) < 1 } ?? false, "stored as \(Timestamp.string(date))")
        }
    }

    static let bulletinDay = FuzzTarget(
        "bulletin-day", "BulletinDay(parsing:in:): the day's own text reads back as the same day"
    ) { data throws(FuzzFinding) in
        guard let text = FuzzInput.text(data) else { return }
        for zone in zones {
            guard let day = try Refusal.value({ try BulletinDay(parsing: text, in: zone) }) else { continue }
            let again = try Refusal.value { try BulletinDay(parsing: day.description, in: zone) }
            try FuzzFinding.require(again == day, "\(day) reads back as \(String(describing: again)) in \(zone.identifier)")
            try FuzzFinding.require(day.interval(in: zone).duration > 0, "\(day) is empty in \(zone.identifier)")
        }
    }

    static let policyValue = FuzzTarget(
        "policy-value", "PolicyValue(parsing:for:) for every parameter: the canonical text reads back as the same value"
    ) { data throws(FuzzFinding) in
        guard let text = FuzzInput.text(data) else { return }
        for parameter in PolicyParameter.allCases {
            guard let value = try Refusal.value({ try PolicyValue(parsing: text, for: parameter) }) else { continue }
            let again = try Refusal.value { try PolicyValue(parsing: value.text, for: parameter) }
            try FuzzFinding.require(again == value, "\(parameter.rawValue) \(value) reads back as \(String(describing: again))")
        }
    }

    static let approval = FuzzTarget(
        "approval-statement", "ApprovalStatement(parsing:): text gives back the same bytes"
    ) { data throws(FuzzFinding) in
        guard let text = FuzzInput.text(data), let statement = try Refusal.value({ try ApprovalStatement(parsing: text) }) else { return }
        try FuzzFinding.require(
            FuzzInput.sameBytes(statement.text, text), "text differs from the statement read: \(statement.text.debugDescription)")
    }

    static let backupManifest = FuzzTarget(
        "backup-manifest", "BackupManifest(parsing:path:): a manifest accepted encodes and reads back as the same manifest"
    ) { data throws(FuzzFinding) in
        guard let manifest = try Refusal.value({ try BackupManifest(parsing: data, path: "backup.json") }) else { return }
        let encoded: Data
        do {
            encoded = try manifest.encoded()
        } catch {
            throw FuzzFinding("an accepted manifest does not encode: \(error)")
        }
        let again = try Refusal.value { try BackupManifest(parsing: encoded, path: "backup.json") }
        try FuzzFinding.require(again == manifest, "\(manifest) reads back as \(String(describing: again))")
    }
}
