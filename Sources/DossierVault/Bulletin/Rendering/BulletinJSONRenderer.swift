import Foundation
import LedgerPresentation
import PropertyLedger

/// The bulletin for machines, in the conventions of `ledger --json` (docs/json-output.md): one object, keys
/// sorted, fields without a value left out, people by badge (their names beside, in `…Name`), codes rather
/// than words (section ids, rule ids, grades, actions, stocktake findings, corrected fields), times in
/// ISO 8601 with the agency's offset; durations in seconds; and the log size and checkpoint it was computed
/// from. The shape is in docs/bulletin.md.
struct BulletinJSONRenderer {
    let bulletin: Bulletin
    /// Indented, for people (and golden files); one line otherwise.
    var pretty = false

    private var zone: TimeZone { bulletin.agency.timeZone }

    func rendered() -> String {
        let source = bulletin.source
        let agency = bulletin.agency
        let document: [String: JSONValue?] = [
            "agency": .object([
                "code": .string(agency.code), "name": .string(agency.name), "kind": .string(agency.kind.rawValue),
                "zone": .string(zone.identifier),
            ]),
            "date": .string(bulletin.day.description),
            "unit": bulletin.unit.map(JSONValue.string),
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
        return JSONValue.members(document).rendered(pretty: pretty) + "\n"
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
        .members([
            // Absent for the objects of cases without a unit.
            "unit": unit.unit.map(JSONValue.string),
            "counts": counts(unit.counts),
            "sections": .array(
                unit.parts.map { part in
                    .object(["id": .string(part.sectionID), "count": .int(part.rows.count), "rows": .array(part.rows.map(row))])
                }),
        ])
    }

    private func row(_ row: BulletinRow) -> JSONValue {
        var details: [String: JSONValue] = [:]
        for fact in row.facts where details[fact.key] == nil {
            for (key, value) in members(fact.key, fact.value) { details[key] = value }
        }
        return .members([
            "grade": row.grade.map { .string($0.rawValue) },
            "object": row.object.map { .string($0.id) },
            "objectKind": row.object?.kind.map { .string($0.rawValue) },
            "objectName": row.object?.name.map(JSONValue.string),
            "volume": row.object?.volume.map(JSONValue.int),
            "volumes": row.object?.volumes.map(JSONValue.int),
            "subject": row.subject.map(JSONValue.string),
            "case": row.caseNumber.map(JSONValue.string),
            "unit": row.unit.map(JSONValue.string),
            "rule": row.rule.map { .string($0.rawValue) },
            "action": .string(row.action.code),
            "details": .object(details),
        ])
    }

    /// A fact as JSON members: most are one; an officer is the badge, with the name beside (`holderName`),
    /// and a location the code, with its name (`locationName`), as `ledger --json` gives people by badge.
    private func members(_ key: String, _ value: BulletinValue) -> [(String, JSONValue)] {
        switch value {
        case .text(let text): [(key, .string(text))]
        case .term(let code, _): [(key, .string(code))]
        case .time(let date): [(key, time(date))]
        case .duration(let seconds): [(key, .integer(Int64(max(0, seconds).rounded(.down))))]
        case .person(let badge, let name): [(key, .string(badge))] + (name.map { [(key + "Name", .string($0))] } ?? [])
        case .place(let code, let name): [(key, .string(code))] + (name.map { [(key + "Name", .string($0))] } ?? [])
        case .entry(let index): [(key, .integer(index))]
        case .change(let old, let new): [(key, .object(["old": .string(old), "new": .string(new)]))]
        }
    }
}
