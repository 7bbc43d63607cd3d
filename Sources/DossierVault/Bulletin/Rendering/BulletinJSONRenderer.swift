import Foundation
import LedgerPresentation
import PropertyLedger

/// The bulletin for machines: stable keys (every key in every bulletin, `null` when empty), codes rather
/// than words (section ids, rule ids, grades, actions, stocktake findings, corrected fields), times in
/// ISO 8601 with the agency's offset, durations in seconds, and the log size and checkpoint it was
/// computed from. The shape is in docs/bulletin.md.
struct BulletinJSONRenderer {
    let bulletin: Bulletin

    private var zone: TimeZone { bulletin.agency.timeZone }

    func rendered() -> String {
        let source = bulletin.source
        let agency = bulletin.agency
        let document: [String: JSONValue] = [
            "agency": .object([
                "code": .string(agency.code), "name": .string(agency.name), "kind": .string(agency.kind.rawValue),
                "zone": .string(zone.identifier),
            ]),
            "date": .string(bulletin.day.description),
            "unit": .optional(bulletin.unit),
            "computedAt": time(bulletin.computedAt),
            "asOf": time(bulletin.asOf),
            "log": .object([
                "size": .integer(source.logSize),
                "checkpoint": .object([
                    "origin": .string(source.checkpointOrigin), "size": .integer(source.checkpointSize),
                    "rootHash": .string(source.checkpointRootBase64), "rootHashHex": .string(source.checkpointRootHex),
                ]),
                "checkpointAtLogSize": .bool(source.isCheckpointAtLogSize),
            ]),
            "sections": .array(bulletin.sections.map { .string($0.id) }),
            "counts": counts(bulletin.counts),
            "units": .array(bulletin.units.map(unit)),
        ]
        return JSONValue.object(document).rendered() + "\n"
    }

    private func time(_ date: Date) -> JSONValue { .string(TimeFormat.iso8601(date, zone: zone)) }

    private func counts(_ counts: BulletinCounts) -> JSONValue {
        .object([
            "rows": .int(counts.rows),
            "red": .int(counts.deadlines.red),
            "orange": .int(counts.deadlines.orange),
            "sections": .object(counts.rowsBySection.mapValues(JSONValue.int)),
            "rules": .object(
                Dictionary(
                    uniqueKeysWithValues: counts.deadlinesByRule.map { rule, grades in
                        (rule.rawValue, JSONValue.object(["red": .int(grades.red), "orange": .int(grades.orange)]))
                    })),
        ])
    }

    private func unit(_ unit: BulletinUnit) -> JSONValue {
        .object([
            "unit": .optional(unit.unit),
            "counts": counts(unit.counts),
            "sections": .array(
                unit.parts.map { part in
                    .object(["id": .string(part.sectionID), "count": .int(part.rows.count), "rows": .array(part.rows.map(row))])
                }),
        ])
    }

    private func row(_ row: BulletinRow) -> JSONValue {
        .object([
            "grade": .optional(row.grade?.rawValue),
            "object": .optional(row.object?.id),
            "objectKind": .optional(row.object?.kind?.rawValue),
            "objectName": .optional(row.object?.name),
            "volume": row.object?.volume.map(JSONValue.int) ?? .null,
            "volumes": row.object?.volumes.map(JSONValue.int) ?? .null,
            "subject": .optional(row.subject),
            "case": .optional(row.caseNumber),
            "unit": .optional(row.unit),
            "rule": .optional(row.rule?.rawValue),
            "action": .string(row.action.code),
            "details": .object(Dictionary(row.facts.map { ($0.key, value($0.value)) }, uniquingKeysWith: { first, _ in first })),
        ])
    }

    private func value(_ value: BulletinValue) -> JSONValue {
        switch value {
        case .text(let text): .string(text)
        case .term(let code, _): .string(code)
        case .time(let date): time(date)
        case .duration(let seconds): .integer(Int64(max(0, seconds).rounded(.down)))
        case .person(let badge, let name): .object(["badge": .string(badge), "name": .optional(name)])
        case .place(let code, let name): .object(["code": .string(code), "name": .optional(name)])
        case .entry(let index): .integer(index)
        case .change(let old, let new): .object(["old": .string(old), "new": .string(new)])
        }
    }
}
