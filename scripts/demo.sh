#!/usr/bin/env bash
# A walk-through of the custody log on a fresh store in a temporary directory: each step is printed as a
# user would type it. Run it with `make demo`.
set -euo pipefail

LEDGER_BIN=${LEDGER_BIN:-.build/debug/ledger}
work=$(mktemp -d "${TMPDIR:-/tmp}/ledger-demo.XXXXXX")
trap 'rm -rf "$work"' EXIT
export LEDGER_STORE="$work/ledger.db"
cd "$work"

ledger() { "$LEDGER_BIN" "$@"; }
say() { printf '\n\033[1m# %s\033[0m\n' "$*"; }
run() { printf '$ %s\n' "$*"; "$@"; }

say "A county police bureau creates its ledger (SM3 + SM2 by default). Entry 0 records who runs it."
run ledger init --agency-code 370305 --agency-name 淄博市公安局临淄分局 --kind police

say "The public verifier key, handed to the procuratorate and the court once."
printf '$ ledger key > agency.vkey\n'; ledger key > agency.vkey; cat agency.vkey

say "The latest signed checkpoint (C2SP tlog-checkpoint): the log's size and root, signed."
run ledger checkpoint

say "A receipt for entry 0, and the entry's exact bytes: what another agency receives."
printf '$ ledger prove 0 > entry0.tlog-proof\n'; ledger prove 0 > entry0.tlog-proof; cat entry0.tlog-proof
printf '$ ledger entry 0 > entry0\n'; ledger entry 0 > entry0; cat entry0; echo

say "The receiving agency checks it offline, with no access to our database."
(unset LEDGER_STORE; run ledger prove --check entry0.tlog-proof --entry entry0 --key agency.vkey)

say "The full audit: every entry, tree node, checkpoint and signature recomputed."
run ledger verify

say "Someone edits the database file directly (here, a copy of it), bypassing the append-only triggers."
cp ledger.db tampered.db; cp ledger.db.key tampered.db.key; cp ledger.db.checkpoint tampered.db.checkpoint
python3 - <<'PY'
import sqlite3
db = sqlite3.connect("tampered.db")
db.execute("DROP TRIGGER log_entries_no_update")
db.execute("UPDATE log_entries SET bytes = CAST(replace(CAST(bytes AS TEXT), '临淄', '张店') AS BLOB) WHERE idx = 0")
db.commit()
PY
printf '$ ledger verify --store tampered.db\n'
status=0; ledger verify --store tampered.db || status=$?
echo "(exit status $status: verification failed, and it names the entry)"
[ "$status" -eq 1 ]

say "Done: the ledger verified, a receipt was checked offline, and tampering was detected."
