import Foundation

/// The custody projections in one schema of a connection: reads for the rules and for queries, and
/// ``apply(_:at:)``, which folds one entry into the tables.
///
/// `apply` trusts the entry: the rules were checked when it was written. Replaying the whole log through
/// `apply` into an empty schema must give exactly the live tables (``LedgerStore/rebuildCheck()``).
struct Projections {
    let database: Database
    /// `main`, or the attached schema a rebuild check replays into.
    let schema: String

    init(_ database: Database, schema: String = "main") {
        self.database = database
        self.schema = schema
    }

    // MARK: Reads

    func officer(_ badge: String) throws -> Officer? {
        try database.firstRow("SELECT badge, name, unit, role, retired FROM \(schema).officers WHERE badge = ?", badge) {
            Officer(
                badge: $0.text(0), name: $0.text(1), unit: $0.isNull(2) ? nil : $0.text(2),
                role: Role(rawValue: $0.text(3)) ?? .officer, isRetired: $0.int(4) != 0)
        }
    }

    func officers() throws -> [Officer] {
        try database.rows("SELECT badge, name, unit, role, retired FROM \(schema).officers ORDER BY badge") {
            Officer(
                badge: $0.text(0), name: $0.text(1), unit: $0.isNull(2) ? nil : $0.text(2),
                role: Role(rawValue: $0.text(3)) ?? .officer, isRetired: $0.int(4) != 0)
        }
    }

    func officerCount() throws -> Int64 {
        try database.queryInt("SELECT count(*) FROM \(schema).officers") ?? 0
    }

    /// Supervisors not retired: at least one must remain, or nobody can add officers or approve anything.
    func activeSupervisorCount() throws -> Int64 {
        try database.queryInt("SELECT count(*) FROM \(schema).officers WHERE role = 'supervisor' AND retired = 0") ?? 0
    }

    /// The objects checked out to `badge`, by id.
    func objectIDs(heldBy badge: String) throws -> [String] {
        try database.rows("SELECT id FROM \(schema).objects WHERE status = 'checked-out' AND holder = ? ORDER BY id", badge) {
            $0.text(0)
        }
    }

    func location(_ code: String) throws -> Location? {
        try database.firstRow("SELECT code, name, kind, parent, central FROM \(schema).locations WHERE code = ?", code, row: Self.location)
    }

    func locations() throws -> [Location] {
        try database.rows("SELECT code, name, kind, parent, central FROM \(schema).locations ORDER BY code", row: Self.location)
    }

    private static func location(_ row: Statement) -> Location {
        Location(
            code: row.text(0), name: row.text(1), kind: LocationKind(rawValue: row.text(2)) ?? .site,
            parent: row.isNull(3) ? nil : row.text(3), isCentral: row.int(4) != 0)
    }

    func caseRecord(_ number: String) throws -> CaseRecord? {
        try database.firstRow("SELECT \(Self.caseColumns) FROM \(schema).cases WHERE number = ?", number, row: Self.caseRecord)
    }

    static let caseColumns = "number, title, kind, property_crime, status, opened_at, last_progress_at, unit"

    static func caseRecord(_ row: Statement) -> CaseRecord {
        CaseRecord(
            number: row.text(0), title: row.text(1), kind: CaseKind(rawValue: row.text(2)) ?? .criminal,
            isPropertyCrime: row.int(3) != 0, status: CaseStatus(rawValue: row.text(4)) ?? .unsolved,
            openedAt: row.text(5), lastProgressAt: row.text(6), unit: row.isNull(7) ? nil : row.text(7))
    }

    static let objectColumns =
        "id, kind, case_number, name, status, location, holder, due, chip, details, registered, updated, checked_out_from, "
        + "CASE kind WHEN 'dossier' THEN json_extract(details, '$.volume') END, "
        + "CASE kind WHEN 'dossier' THEN json_extract(details, '$.volumes') END"

    /// ``objectColumns`` with an empty text for `details` (a dossier's volume number is still read, in SQL).
    static let objectColumnsWithoutRegistration = objectColumns.replacingOccurrences(of: "chip, details,", with: "chip, '',")

    func object(_ id: String) throws -> CustodyObject? {
        try database.firstRow("SELECT \(Self.objectColumns) FROM \(schema).objects WHERE id = ?", id, row: Self.object)
    }

    /// One field of an object's registration as projected (with corrections), as text.
    func detail(of id: String, field: String) throws -> String? {
        try database.firstRow("SELECT json_extract(details, ?) FROM \(schema).objects WHERE id = ?", "$.\(field)", id) {
            $0.isNull(0) ? nil : $0.text(0)
        } ?? nil
    }

    /// The objects in storage at `location` or any location below it.
    func objectIDs(storedUnder location: String) throws -> Set<String> {
        Set(
            try database.rows(
                """
                WITH RECURSIVE under(code) AS (
                    SELECT ? UNION SELECT l.code FROM \(schema).locations l JOIN under ON l.parent = under.code)
                SELECT id FROM \(schema).objects WHERE status = 'in-storage' AND location IN (SELECT code FROM under)
                """, location
            ) { $0.text(0) })
    }

    /// The live object a chip is bound to.
    func objectID(chip uid: String) throws -> String? {
        try database.firstRow("SELECT object FROM \(schema).chips WHERE uid = ?", uid) { $0.text(0) }
    }

    static func object(_ row: Statement) throws -> CustodyObject {
        try object(row, includesRegistration: true)
    }

    /// The object in `row` (``objectColumns``), its registration decoded only if `includesRegistration`.
    static func object(_ row: Statement, includesRegistration: Bool) throws -> CustodyObject {
        let kind = ObjectKind(rawValue: row.text(1)) ?? .item
        let details = includesRegistration ? Data(row.text(9).utf8) : Data()
        return CustodyObject(
            id: row.text(0), kind: kind, caseNumber: row.text(2), name: row.text(3),
            status: ObjectStatus(rawValue: row.text(4)) ?? .registered,
            location: row.isNull(5) ? nil : row.text(5), holder: row.isNull(6) ? nil : row.text(6),
            due: row.isNull(7) ? nil : row.text(7), chip: row.isNull(8) ? nil : row.text(8),
            item: includesRegistration && kind == .item ? try JSONDecoder().decode(ItemRegistered.self, from: details) : nil,
            dossier: includesRegistration && kind == .dossier ? try JSONDecoder().decode(DossierRegistered.self, from: details) : nil,
            registeredAt: row.int64(10), updatedAt: row.int64(11), checkedOutFrom: row.isNull(12) ? nil : row.text(12),
            volume: kind == .dossier && !row.isNull(13) && !row.isNull(14)
                ? DossierVolume(volume: Int(row.int64(13)), volumes: Int(row.int64(14))) : nil)
    }

    /// The objects with these ids, without their registrations (where each is, who holds it, its name and a
    /// dossier's volume), in no particular order; ids of no object are left out.
    func objectsWithoutRegistration(_ ids: some Collection<String>) throws -> [CustodyObject] {
        var found: [CustodyObject] = []
        found.reserveCapacity(ids.count)
        let all = Array(ids)
        // SQLite binds at most 32,766 parameters to a statement; far fewer keep each statement small.
        for start in stride(from: 0, to: all.count, by: 500) {
            let part = all[start..<min(start + 500, all.count)]
            let marks = Array(repeating: "?", count: part.count).joined(separator: ", ")
            found += try database.rows(
                "SELECT \(Self.objectColumnsWithoutRegistration) FROM \(schema).objects WHERE id IN (\(marks))",
                part.map { $0 as any SQLiteBindable }
            ) { try Self.object($0, includesRegistration: false) }
        }
        return found
    }

    /// The next id for `prefix` (`P-370321-2026-`): one more than the largest issued, six digits.
    func nextObjectID(prefix: String) throws -> String {
        let last =
            try database.firstRow(
                "SELECT max(id) FROM \(schema).objects WHERE id >= ? AND id < ?", prefix, prefix + "~"
            ) { $0.isNull(0) ? nil : $0.text(0) } ?? nil
        let number = last.flatMap { Int($0.dropFirst(prefix.count)) } ?? 0
        let digits = String(number + 1)
        return prefix + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    /// The objects matching `filter`, by id (identifiers in it normalized first).
    func objects(matching filter: ObjectFilter, now: Date) throws -> [CustodyObject] {
        var conditions: [String] = []
        var arguments: [any SQLiteBindable] = []
        var prefix = ""
        if let location = filter.location.map(FieldRules.normalized) {
            prefix = """
                WITH RECURSIVE under(code) AS (
                    SELECT ? UNION SELECT l.code FROM \(schema).locations l JOIN under ON l.parent = under.code)
                """
            arguments.append(location)
            conditions.append("location IN (SELECT code FROM under)")
        }
        if let caseNumber = filter.caseNumber.map(FieldRules.normalized) {
            conditions.append("case_number = ?")
            arguments.append(caseNumber)
        }
        if let status = filter.status {
            // With a location given, its index is the one to use (a cabinet's few hundred rows), not the status
            // index (every object in storage): `+` keeps SQLite's planner off the latter.
            conditions.append(filter.location == nil ? "status = ?" : "+status = ?")
            arguments.append(status.rawValue)
        }
        if let holder = filter.holder.map(FieldRules.normalized) {
            conditions.append("holder = ?")
            arguments.append(holder)
        }
        if let kind = filter.kind {
            conditions.append("kind = ?")
            arguments.append(kind.rawValue)
        }
        // Overdue is "due before now"; with both given, the earlier time decides.
        let dueTimes = [filter.isOverdue ? now : nil, filter.dueBefore].compactMap { $0 }
        if let dueBefore = dueTimes.min() {
            conditions.append("status = 'checked-out' AND due < ?")
            arguments.append(Timestamp.string(dueBefore))
        }
        if let central = filter.inCentralStorage {
            conditions.append("status = 'in-storage' AND (SELECT central FROM \(schema).locations WHERE code = location) = ?")
            arguments.append(central ? 1 : 0)
        }
        if let central = filter.inCentralCustody {
            // Where the object belongs while it is in custody: its place in storage, or where it was taken from.
            let centralCodes = "SELECT code FROM \(schema).locations WHERE central = 1"
            let held = """
                ((status = 'in-storage' AND location IN (\(centralCodes)))
                    OR (status = 'checked-out' AND checked_out_from IN (\(centralCodes))))
                """
            conditions.append(central ? held : "NOT " + held)
        }
        if let cases = filter.cases {
            let (caseConditions, caseArguments) = Self.conditions(of: cases)
            let caseWhere = caseConditions.isEmpty ? "" : "WHERE " + caseConditions.joined(separator: " AND ")
            conditions.append("case_number IN (SELECT number FROM \(schema).cases \(caseWhere))")
            arguments += caseArguments
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        arguments.append(filter.limit)
        // Without the registration the wide `details` column is not even read.
        let columns = filter.includesRegistration ? Self.objectColumns : Self.objectColumnsWithoutRegistration
        let sql = "\(prefix) SELECT \(columns) FROM \(schema).objects \(whereClause) ORDER BY id LIMIT ?"
        return try database.rows(sql, arguments) { try Self.object($0, includesRegistration: filter.includesRegistration) }
    }

    /// The cases matching `filter`, by number.
    func cases(matching filter: CaseFilter) throws -> [CaseRecord] {
        let (conditions, filterArguments) = Self.conditions(of: filter)
        var arguments = filterArguments
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        arguments.append(filter.limit)
        return try database.rows(
            "SELECT \(Self.caseColumns) FROM \(schema).cases \(whereClause) ORDER BY number LIMIT ?", arguments, row: Self.caseRecord)
    }

    /// The SQL conditions on the `cases` table that `filter` asks for (all must hold), with their arguments.
    private static func conditions(of filter: CaseFilter) -> (conditions: [String], arguments: [any SQLiteBindable]) {
        var conditions: [String] = []
        var arguments: [any SQLiteBindable] = []
        if let status = filter.status {
            conditions.append("status = ?")
            arguments.append(status.rawValue)
        }
        if let kind = filter.kind {
            conditions.append("kind = ?")
            arguments.append(kind.rawValue)
        }
        if let propertyCrime = filter.isPropertyCrime {
            conditions.append("property_crime = ?")
            arguments.append(propertyCrime ? 1 : 0)
        }
        if let unit = filter.unit {
            conditions.append("unit = ?")
            arguments.append(unit)
        }
        if let before = filter.lastProgressBefore {
            conditions.append("last_progress_at < ?")
            arguments.append(Timestamp.string(before))
        }
        return (conditions, arguments)
    }

    /// The object id for a reference: an item or dossier id, or `chip:UID` for the object a chip is bound to;
    /// normalized (NFKC, trimmed) first.
    func resolve(_ reference: String) throws -> String {
        let reference = try FieldRules.reference(reference, "object")
        guard reference.lowercased().hasPrefix("chip:") else { return reference }
        let uid = try ChipUID.normalize(String(reference.dropFirst(5)))
        guard let id = try objectID(chip: uid) else {
            throw LedgerError(.notFound, .chipNotBound(uid))
        }
        return id
    }

    /// The exact bytes of log entry `index` (for corrections, which read the entry they correct).
    func entryBytes(_ index: Int64) throws -> Data? {
        try database.firstRow("SELECT bytes FROM main.log_entries WHERE idx = ?", index) { $0.data(0) }
    }

    // MARK: Applying entries

    /// Folds entry `index` into the tables.
    func apply(_ entry: CustodyEntry, at index: Int64) throws {
        let s = schema
        switch entry.event {
        case .officerAdded(let e):
            try requireSignaturesAfterFirstOfficer(at: index)
            try database.execute(
                "INSERT INTO \(s).officers (badge, name, unit, role, retired, entry) VALUES (?, ?, ?, ?, 0, ?)",
                e.badge, e.name, e.unit, e.role.rawValue, index)
        case .officerRetired(let e):
            try database.execute("UPDATE \(s).officers SET retired = 1 WHERE badge = ?", e.badge)
            try revokeKeys(of: .officer(e.badge), at: index)
        case .locationAdded(let e):
            try database.execute(
                "INSERT INTO \(s).locations (code, name, kind, parent, central, entry) VALUES (?, ?, ?, ?, ?, ?)",
                e.code, e.name, e.kind.rawValue, e.parent, e.central ? 1 : 0, index)
        case .caseOpened(let e):
            // Entries written before the unit was recorded: the opening officer's (officers' units never change).
            let unit = try e.unit ?? entry.actor.flatMap { try officer($0)?.unit }
            try database.execute(
                """
                INSERT INTO \(s).cases (number, title, kind, property_crime, status, opened_at, last_progress_at, entry, unit)
                VALUES (?, ?, ?, ?, 'unsolved', ?, ?, ?, ?)
                """, e.case, e.title, e.kind.rawValue, e.propertyCrime ? 1 : 0, entry.at, entry.at, index, unit)
        case .caseProgressed(let e):
            try database.execute("UPDATE \(s).cases SET last_progress_at = ? WHERE number = ?", entry.at, e.case)
        case .caseSolved(let e):
            try database.execute("UPDATE \(s).cases SET status = 'solved' WHERE number = ?", e.case)
        case .caseClosed(let e):
            try database.execute("UPDATE \(s).cases SET status = 'closed' WHERE number = ?", e.case)
        case .itemRegistered(let e):
            try insertObject(id: e.id, kind: .item, caseNumber: e.case, name: e.name, details: try encode(e), index: index)
        case .dossierRegistered(let e):
            // The title or nothing: a dossier without one is named by its volume where it is shown, in the reader's
            // language, never in the store (``Schema`` migration 5 clears the names earlier versions wrote).
            try insertObject(id: e.id, kind: .dossier, caseNumber: e.case, name: e.title ?? "", details: try encode(e), index: index)
        case .chipBound(let e):
            try database.execute("INSERT INTO \(s).chips (uid, object) VALUES (?, ?)", e.uid, e.object)
            try database.execute("UPDATE \(s).objects SET chip = ? WHERE id = ?", e.uid, e.object)
        case .chipReplaced(let e):
            try database.execute("DELETE FROM \(s).chips WHERE uid = ?", e.previousUID)
            try database.execute("INSERT INTO \(s).chips (uid, object) VALUES (?, ?)", e.uid, e.object)
            try database.execute("UPDATE \(s).objects SET chip = ? WHERE id = ?", e.uid, e.object)
        case .checkedIn(let e):
            try setCustody(e.object, status: .inStorage, location: e.location, holder: nil, due: nil)
        case .checkedOut(let e):
            try setCustody(e.object, status: .checkedOut, location: nil, holder: e.to, due: e.due, checkedOutFrom: e.from)
            try recordApproval(e.approval, at: index)
        case .checkoutExtended(let e):
            try database.execute("UPDATE \(s).objects SET due = ? WHERE id = ?", e.due, e.object)
            try recordApproval(e.approval, at: index)
        case .returned(let e):
            try setCustody(e.object, status: .inStorage, location: e.location, holder: nil, due: nil)
        case .moved(let e):
            try setCustody(e.object, status: .inStorage, location: e.location, holder: nil, due: nil)
        case .disposed(let e):
            try setCustody(e.object, status: .disposed, location: nil, holder: nil, due: nil)
            try recordApproval(e.approval, at: index)
            // A disposed object is no longer live: its chip may be bound again.
            try database.execute("DELETE FROM \(s).chips WHERE object = ?", e.object)
        case .transferredOut(let e):
            // Nor is one handed to another agency: its chip goes with it.
            try setCustody(e.object, status: .transferred, location: nil, holder: nil, due: nil)
            try database.execute("DELETE FROM \(s).chips WHERE object = ?", e.object)
        case .objectReceived(let e):
            try applyReceived(e, at: index)
        case .corrected(let e):
            try applyCorrection(e)
        case .stocktakeRecorded:
            break  // a finding to review, never a silent change of where things are
        case .keyEnrolled(let e):
            try applyKeyEnrolled(e, at: index)
        case .keyRevoked(let e):
            try applyKeyRevoked(e, at: index)
        case .signaturesRequired:
            try applySignaturesRequired(at: index)
        }
        if let object = entry.event.object {
            try database.execute("INSERT INTO \(s).object_entries (object, idx) VALUES (?, ?)", object, index)
            try database.execute("UPDATE \(s).objects SET updated = ? WHERE id = ?", index, object)
        }
    }

    private func insertObject(id: String, kind: ObjectKind, caseNumber: String, name: String, details: String, index: Int64) throws {
        try database.execute(
            """
            INSERT INTO \(schema).objects (id, kind, case_number, name, status, details, registered, updated)
            VALUES (?, ?, ?, ?, 'registered', ?, ?, ?)
            """, id, kind.rawValue, caseNumber, name, details, index, index)
    }

    /// An object received from another agency: registered here under its id, with the sender's record (or
    /// registered again, when it comes back after this agency handed it on), and its chip bound if free.
    private func applyReceived(_ e: ObjectReceived, at index: Int64) throws {
        let name = e.item?.name ?? e.dossier?.title ?? ""
        let details = try e.item.map(encode) ?? e.dossier.map(encode) ?? "{}"
        if try object(e.object) != nil {
            try database.execute(
                """
                UPDATE \(schema).objects SET case_number = ?, name = ?, status = 'registered', location = NULL, holder = NULL, due = NULL,
                checked_out_from = NULL, details = ?, registered = ? WHERE id = ?
                """, e.case, name, details, index, e.object)
        } else {
            try insertObject(id: e.object, kind: e.kind, caseNumber: e.case, name: name, details: details, index: index)
        }
        if let chip = e.chip, try objectID(chip: chip) == nil {
            try database.execute("INSERT INTO \(schema).chips (uid, object) VALUES (?, ?)", chip, e.object)
            try database.execute("UPDATE \(schema).objects SET chip = ? WHERE id = ?", chip, e.object)
        }
    }

    private func setCustody(
        _ object: String, status: ObjectStatus, location: String?, holder: String?, due: String?, checkedOutFrom: String? = nil
    ) throws {
        try database.execute(
            "UPDATE \(schema).objects SET status = ?, location = ?, holder = ?, due = ?, checked_out_from = ? WHERE id = ?",
            status.rawValue, location, holder, due, checkedOutFrom, object)
    }

    /// Applies a correction to the projected value it changes, if any (see ``Correctable``).
    private func applyCorrection(_ e: Corrected) throws {
        guard let target = Correctable.target(of: e) else { return }
        let s = schema
        switch target {
        case .officerName(let badge):
            try database.execute("UPDATE \(s).officers SET name = ? WHERE badge = ?", e.new, badge)
        case .officerUnit(let badge):
            try database.execute("UPDATE \(s).officers SET unit = ? WHERE badge = ?", e.new, badge)
        case .locationName(let code):
            try database.execute("UPDATE \(s).locations SET name = ? WHERE code = ?", e.new, code)
        case .caseTitle(let number):
            try database.execute("UPDATE \(s).cases SET title = ? WHERE number = ?", e.new, number)
        case .objectDetail(let id, let field, let isNumber, let isName):
            if isNumber {
                try database.execute(
                    "UPDATE \(s).objects SET details = json_set(details, ?, CAST(? AS INTEGER)) WHERE id = ?", "$.\(field)", e.new, id)
            } else {
                try database.execute("UPDATE \(s).objects SET details = json_set(details, ?, ?) WHERE id = ?", "$.\(field)", e.new, id)
            }
            if isName { try database.execute("UPDATE \(s).objects SET name = ? WHERE id = ?", e.new, id) }
        case .historyOnly:
            break
        }
    }

    private func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

@available(*, unavailable)
extension Projections: Sendable {}
