/// The store's schema and its migrations.
///
/// `PRAGMA user_version` holds the number of migrations applied; `PRAGMA application_id` marks the file as
/// a PropertyLedger store so that another application's SQLite file is refused by name.
enum Schema {
    /// 'PLDG'.
    static let applicationID: Int64 = 0x504C_4447

    /// Migrations in order; migration `i` brings the schema from version `i` to `i + 1`. Never edit one that
    /// has shipped: add a new one.
    static let migrations: [String] = [
        version1, version2, version3, version4, version5, version6, version7, version8, version9, version10, version11,
    ]

    static var currentVersion: Int { migrations.count }

    /// The custody log: entries, the stored Merkle subtrees, signed checkpoints and the log's identity.
    ///
    /// Triggers refuse every UPDATE and DELETE, and inserts that would leave a gap. They are guard rails
    /// against mistakes, not security: whoever administers the file can drop them. Security comes from the
    /// hash tree, the signatures, and checkpoints held outside the database.
    private static let version1 = """
        CREATE TABLE log_meta (
            key TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL
        ) STRICT, WITHOUT ROWID;

        -- The exact bytes that were hashed, at a dense 0-based index. Never re-serialised.
        CREATE TABLE log_entries (
            idx INTEGER PRIMARY KEY NOT NULL CHECK (idx >= 0),
            bytes BLOB NOT NULL
        ) STRICT;

        -- Hashes of the complete (perfect, aligned) subtrees: level 0 holds the leaf hashes; node (level, idx)
        -- covers entries [idx << level, (idx + 1) << level).
        CREATE TABLE log_nodes (
            level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 62),
            idx INTEGER NOT NULL CHECK (idx >= 0),
            hash BLOB NOT NULL CHECK (length(hash) = 32),
            PRIMARY KEY (level, idx)
        ) STRICT, WITHOUT ROWID;

        -- Every checkpoint ever signed, as the exact signed note. One per size, sizes strictly increasing.
        CREATE TABLE log_checkpoints (
            size INTEGER PRIMARY KEY NOT NULL CHECK (size >= 0),
            root BLOB NOT NULL CHECK (length(root) = 32),
            note TEXT NOT NULL
        ) STRICT;

        CREATE TRIGGER log_meta_no_update BEFORE UPDATE ON log_meta
        BEGIN SELECT RAISE(ABORT, 'the custody log is append-only: log_meta cannot be updated'); END;
        CREATE TRIGGER log_meta_no_delete BEFORE DELETE ON log_meta
        BEGIN SELECT RAISE(ABORT, 'the custody log is append-only: log_meta cannot be deleted from'); END;

        CREATE TRIGGER log_entries_no_update BEFORE UPDATE ON log_entries
        BEGIN SELECT RAISE(ABORT, 'the custody log is append-only: log_entries cannot be updated'); END;
        CREATE TRIGGER log_entries_no_delete BEFORE DELETE ON log_entries
        BEGIN SELECT RAISE(ABORT, 'the custody log is append-only: log_entries cannot be deleted from'); END;
        CREATE TRIGGER log_entries_dense BEFORE INSERT ON log_entries
        WHEN NEW.idx IS NOT (SELECT coalesce(max(idx) + 1, 0) FROM log_entries)
        BEGIN SELECT RAISE(ABORT, 'the custody log is dense: an entry must take the next index'); END;

        CREATE TRIGGER log_nodes_no_update BEFORE UPDATE ON log_nodes
        BEGIN SELECT RAISE(ABORT, 'the custody log is append-only: log_nodes cannot be updated'); END;
        CREATE TRIGGER log_nodes_no_delete BEFORE DELETE ON log_nodes
        BEGIN SELECT RAISE(ABORT, 'the custody log is append-only: log_nodes cannot be deleted from'); END;
        CREATE TRIGGER log_nodes_dense BEFORE INSERT ON log_nodes
        WHEN NEW.idx IS NOT (SELECT coalesce(max(idx) + 1, 0) FROM log_nodes WHERE level = NEW.level)
        BEGIN SELECT RAISE(ABORT, 'the custody log is dense: a tree node must take the next index of its level'); END;

        CREATE TRIGGER log_checkpoints_no_update BEFORE UPDATE ON log_checkpoints
        BEGIN SELECT RAISE(ABORT, 'the custody log is append-only: log_checkpoints cannot be updated'); END;
        CREATE TRIGGER log_checkpoints_no_delete BEFORE DELETE ON log_checkpoints
        BEGIN SELECT RAISE(ABORT, 'the custody log is append-only: log_checkpoints cannot be deleted from'); END;
        CREATE TRIGGER log_checkpoints_increasing BEFORE INSERT ON log_checkpoints
        WHEN NEW.size <= (SELECT coalesce(max(size), -1) FROM log_checkpoints)
            OR NEW.size > (SELECT coalesce(max(idx) + 1, 0) FROM log_entries)
        BEGIN SELECT RAISE(ABORT, 'a checkpoint must be for a larger size than the last, within the log'); END;
        """

    /// The custody projections: the current state derived from the log, updated in the same transaction as
    /// each entry and rebuilt from the log by `ledger rebuild --check`. Ordinary tables, not append-only.
    private static let version2 = projectionTables(schema: "main")

    /// Which migrations of each module (``LedgerModule``) have been applied, by name, in order.
    private static let version3 = """
        CREATE TABLE module_migrations (
            module TEXT NOT NULL,
            position INTEGER NOT NULL CHECK (position >= 0),
            name TEXT NOT NULL,
            PRIMARY KEY (module, position)
        ) STRICT, WITHOUT ROWID;
        """

    /// Cases by status and last substantive progress: what the one-month rule asks every day.
    private static let version4 = """
        CREATE INDEX cases_by_status ON cases (status, last_progress_at);
        """

    /// Dossiers' projected names: the title, or nothing. Earlier versions wrote `卷 n/m` (interface words) as
    /// the name of a dossier registered without a title; the name is taken again from the registration as
    /// projected (`details`, corrections applied), as replaying the log now gives it.
    private static let version5 = """
        UPDATE objects SET name = coalesce(json_extract(details, '$.title'), '') WHERE kind = 'dossier';
        """

    /// The handling unit of a case (what the daily bulletin groups by) and where a checked-out object was taken
    /// from (what the one-month rule asks of a dossier out of central storage), filled in from the log for the
    /// rows already there: the unit the opening entry names, else the opening officer's; the `from` of the
    /// object's last check-out.
    private static let version6 =
        projectionColumnsAddedInVersion6(schema: "main") + """
            UPDATE cases SET unit = coalesce(
                (SELECT json_extract(CAST(bytes AS TEXT), '$.unit') FROM log_entries WHERE idx = cases.entry),
                (SELECT unit FROM officers WHERE badge =
                    (SELECT json_extract(CAST(bytes AS TEXT), '$.actor') FROM log_entries WHERE idx = cases.entry)));
            UPDATE objects SET checked_out_from = (
                SELECT json_extract(CAST(e.bytes AS TEXT), '$.from') FROM object_entries oe JOIN log_entries e ON e.idx = oe.idx
                WHERE oe.object = objects.id AND json_extract(CAST(e.bytes AS TEXT), '$.type') = 'custody.checked-out'
                ORDER BY oe.idx DESC LIMIT 1)
            WHERE status = 'checked-out';
            CREATE INDEX cases_by_unit ON cases (unit);
            """

    /// Objects of a kind by case: a case's dossiers without reading its items (the one-month rule asks for the
    /// dossiers of every unsolved case, and one case can hold a hundred thousand items). `IF NOT EXISTS`: a test
    /// that rewinds a store's version meets it again.
    private static let version7 = """
        CREATE INDEX IF NOT EXISTS objects_by_case_kind ON objects (case_number, kind);
        """

    /// Officers' and devices' signing keys, enrolled in the log (`key.enrolled`); no store before this version
    /// enrolled any, so the table starts empty. `IF NOT EXISTS`: a test that rewinds a store's version meets it
    /// again.
    private static let version8 = signingKeysTable(schema: "main")

    /// The approvals' nonces: each signed approval is used once (no store before this version carried one).
    private static let version9 = approvalNoncesTable(schema: "main")

    /// Settings of the log itself that entries make (`log.signatures-required`).
    private static let version10 = logSettingsTable(schema: "main")

    /// The density triggers of version 1, rewritten: "the row before this one exists and this one does not" instead
    /// of "this is one past the largest". They admit exactly the same inserts (by induction: only `max + 1` has a
    /// predecessor and no row of its own; the second test also keeps `INSERT OR REPLACE` from rewriting a row, which
    /// the primary key alone would let through). The messages are unchanged. It was made for speed on a faulty
    /// measurement: the benchmark's floor "with point lookups" had no triggers at all. Measured with them (README,
    /// Performance (b)), this form is a little slower than version 1's, 0.17× raw SQLite against 0.18–0.19×; a
    /// migration back was not worth it.
    private static let version11 = """
        DROP TRIGGER log_entries_dense;
        CREATE TRIGGER log_entries_dense BEFORE INSERT ON log_entries
        WHEN (NEW.idx > 0 AND NOT EXISTS (SELECT 1 FROM log_entries WHERE idx = NEW.idx - 1))
            OR EXISTS (SELECT 1 FROM log_entries WHERE idx = NEW.idx)
        BEGIN SELECT RAISE(ABORT, 'the custody log is dense: an entry must take the next index'); END;
        DROP TRIGGER log_nodes_dense;
        CREATE TRIGGER log_nodes_dense BEFORE INSERT ON log_nodes
        WHEN (NEW.idx > 0 AND NOT EXISTS (SELECT 1 FROM log_nodes WHERE level = NEW.level AND idx = NEW.idx - 1))
            OR EXISTS (SELECT 1 FROM log_nodes WHERE level = NEW.level AND idx = NEW.idx)
        BEGIN SELECT RAISE(ABORT, 'the custody log is dense: a tree node must take the next index of its level'); END;
        """

    private static func logSettingsTable(schema: String) -> String {
        """
        CREATE TABLE IF NOT EXISTS \(schema).log_settings (
            name TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL,
            entry INTEGER NOT NULL
        ) STRICT, WITHOUT ROWID;

        """
    }

    private static func approvalNoncesTable(schema: String) -> String {
        """
        CREATE TABLE IF NOT EXISTS \(schema).approval_nonces (
            nonce TEXT PRIMARY KEY NOT NULL,
            entry INTEGER NOT NULL
        ) STRICT, WITHOUT ROWID;

        """
    }

    /// The enrolled keys: each signs the entries of its holder from `enrolled` up to and including `revoked`.
    private static func signingKeysTable(schema: String) -> String {
        """
        CREATE TABLE IF NOT EXISTS \(schema).signing_keys (
            key TEXT PRIMARY KEY NOT NULL,
            holder TEXT NOT NULL,
            algorithm TEXT NOT NULL,
            public_key BLOB NOT NULL,
            enrolled INTEGER NOT NULL,
            revoked INTEGER
        ) STRICT;
        CREATE INDEX IF NOT EXISTS \(schema).signing_keys_by_holder ON signing_keys (holder, revoked);

        """
    }

    private static func projectionColumnsAddedInVersion6(schema: String) -> String {
        """
        ALTER TABLE \(schema).cases ADD COLUMN unit TEXT;
        ALTER TABLE \(schema).objects ADD COLUMN checked_out_from TEXT;

        """
    }

    /// The projection tables as they are now, in `schema` (`temp` for a rebuild check): as version 2 created
    /// them, with every column added since.
    static func currentProjectionTables(schema: String) -> String {
        projectionTables(schema: schema) + projectionColumnsAddedInVersion6(schema: schema) + signingKeysTable(schema: schema)
            + approvalNoncesTable(schema: schema) + logSettingsTable(schema: schema)
    }

    /// The projection tables as version 2 created them, in `schema`. Never edit: later versions alter them.
    private static func projectionTables(schema: String) -> String {
        """
        CREATE TABLE \(schema).officers (
            badge TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL,
            unit TEXT,
            role TEXT NOT NULL,
            retired INTEGER NOT NULL DEFAULT 0,
            entry INTEGER NOT NULL
        ) STRICT;

        CREATE TABLE \(schema).locations (
            code TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            parent TEXT,
            central INTEGER NOT NULL,
            entry INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX \(schema).locations_by_parent ON locations (parent);

        CREATE TABLE \(schema).cases (
            number TEXT PRIMARY KEY NOT NULL,
            title TEXT NOT NULL,
            kind TEXT NOT NULL,
            property_crime INTEGER NOT NULL,
            status TEXT NOT NULL,
            opened_at TEXT NOT NULL,
            last_progress_at TEXT NOT NULL,
            entry INTEGER NOT NULL
        ) STRICT;

        -- Items and dossiers. `details` is the registration as JSON (with corrections applied).
        CREATE TABLE \(schema).objects (
            id TEXT PRIMARY KEY NOT NULL,
            kind TEXT NOT NULL,
            case_number TEXT NOT NULL,
            name TEXT NOT NULL,
            status TEXT NOT NULL,
            location TEXT,
            holder TEXT,
            due TEXT,
            chip TEXT,
            details TEXT NOT NULL,
            registered INTEGER NOT NULL,
            updated INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX \(schema).objects_by_location ON objects (location);
        CREATE INDEX \(schema).objects_by_case ON objects (case_number);
        CREATE INDEX \(schema).objects_by_holder ON objects (holder);
        CREATE INDEX \(schema).objects_by_status ON objects (status, due);

        -- Live chip bindings: one object per UID.
        CREATE TABLE \(schema).chips (
            uid TEXT PRIMARY KEY NOT NULL,
            object TEXT NOT NULL
        ) STRICT, WITHOUT ROWID;

        -- The log indices of every entry about an object: its chain of custody.
        CREATE TABLE \(schema).object_entries (
            object TEXT NOT NULL,
            idx INTEGER NOT NULL,
            PRIMARY KEY (object, idx)
        ) STRICT, WITHOUT ROWID;
        """
    }

    /// The projection tables, for comparing a rebuild with the live state.
    static let projectionTableNames = [
        "officers", "locations", "cases", "objects", "chips", "object_entries", "signing_keys", "approval_nonces", "log_settings",
    ]
}
