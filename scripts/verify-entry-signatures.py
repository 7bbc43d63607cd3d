#!/usr/bin/python3
"""Checks every entry signature of a PropertyLedger store with nothing but the log and standard tools.

An independent verifier, as a procuratorate or a court would write one from docs/entry-format.md: it reads the
entries from the SQLite file, takes the officers' public keys from the log's own key.enrolled entries, and checks
each signature with Python's `cryptography` (Ed25519, the intl profile) or the `openssl` command (SM2 with SM3
and the ID 1234567812345678, the gm profile). It shares no code with the ledger.

    verify-entry-signatures.py STORE.db     prints "OK: N signatures, M unsigned" and exits 0,
                                            or "FAIL: entry I: WHY" and exits 1.
"""
import base64
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import tempfile

MARKER = b',"sig":{'


def split(stored):
    """The unsigned entry and (key id, signature), or (stored, None)."""
    at = stored.rfind(MARKER)
    if at < 0:
        return stored, None
    member = json.loads(stored[at + len(MARKER) - 1:-1])
    if set(member) != {"key", "value"}:
        raise ValueError("malformed signature member")
    return stored[:at] + b"}", (member["key"], base64.b64decode(member["value"], validate=True))


def key_id(spki, profile):
    if profile == "intl":
        digest = hashlib.sha256(spki).digest()
    else:
        digest = subprocess.run(["openssl", "dgst", "-sm3", "-binary"], input=spki, capture_output=True, check=True).stdout
    return digest[:8].hex()


def verify(profile, spki, signature, message):
    if profile == "intl":
        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives.serialization import load_der_public_key
        try:
            load_der_public_key(spki).verify(signature, message)
            return True
        except InvalidSignature:
            return False
    with tempfile.TemporaryDirectory() as directory:
        paths = {name: os.path.join(directory, name) for name in ("key.der", "message", "signature")}
        for name, data in (("key.der", spki), ("message", message), ("signature", signature)):
            with open(paths[name], "wb") as file:
                file.write(data)
        result = subprocess.run(
            ["openssl", "pkeyutl", "-verify", "-pubin", "-keyform", "DER", "-inkey", paths["key.der"], "-rawin",
             "-digest", "sm3", "-pkeyopt", "distid:1234567812345678", "-in", paths["message"], "-sigfile", paths["signature"]],
            capture_output=True)
        return result.returncode == 0


def main(path):
    database = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    rows = database.execute("SELECT idx, bytes FROM log_entries ORDER BY idx")
    keys, active, supervisors = {}, {}, set()
    signed = unsigned = approvals = 0
    required_since = None
    origin = profile = None
    # A log whose entry 0 says "signatures": "required" requires them after its first officer's entry.
    required_after_first_officer = False
    has_officers = False
    for index, stored in rows:
        stored = bytes(stored)
        if index == 0:
            log = json.loads(stored)["log"]
            origin, profile = log["origin"], log["profile"]
            required_after_first_officer = log.get("signatures") == "required"
            continue
        def fail(why):
            print(f"FAIL: entry {index}: {why}")
            sys.exit(1)
        try:
            body, signature = split(stored)
        except ValueError as error:
            fail(error)
        entry = json.loads(body)
        device = entry.get("device")
        holder = f"{device['kind']}:{device['id']}" if device else (f"officer:{entry['actor']}" if "actor" in entry else None)
        kind = entry["type"]
        new = None
        if kind == "key.enrolled":
            spki = base64.b64decode(entry["publicKey"])
            if key_id(spki, profile) != entry["key"]:
                fail("the enrolled key's id is not its hash")
            proof = f"PropertyLedger/key-possession/v1\n{origin}\n{entry['key']}\n{entry['holder']}\n".encode()
            if not verify(profile, spki, base64.b64decode(entry["possession"]), proof):
                fail("the proof of possession does not verify")
            new = {"holder": entry["holder"], "spki": spki, "enrolled": index, "revoked": None}
        if signature:
            kid, value = signature
            key = keys.get(kid)
            if key is None and new and kid == entry["key"] and "replaces" not in entry:
                # A key signs its own enrolment only as the first active supervisor's, enrolled by himself.
                if holder != new["holder"] or holder not in supervisors or any(h in supervisors for h in active):
                    fail("a self-signed enrolment that is not the first supervisor's")
                key = new
            if key is None:
                fail(f"signed by key {kid}, not enrolled before it")
            if index < key["enrolled"] or (key["revoked"] is not None and index > key["revoked"]):
                fail(f"signed by key {kid} outside its validity")
            if key["holder"] != holder:
                fail(f"signed by {key['holder']}'s key, not {holder}'s")
            if "replaces" in entry and kid != entry["replaces"]:
                fail("a key replacement not signed by the key it replaces")
            message = f"PropertyLedger/entry/v1\n{origin}\n{index}\n".encode() + body
            if not verify(profile, key["spki"], value, message):
                fail("the signature does not verify")
            signed += 1
        else:
            if required_since is not None:
                fail(f"unsigned, though every entry must be signed since entry {required_since}")
            if holder in active:
                fail(f"unsigned, while {holder} had an active key")
            unsigned += 1
        approval = entry.get("approval")
        if approval:
            # The approver's own signature over the statement's text, by his key valid at this entry.
            lines = approval["statement"].split("\n")
            if lines[0] != "PropertyLedger/approval/v1" or lines[1] != origin or f"approver {entry['approvedBy']}" not in lines:
                fail("the approval is not the approver's, for this log")
            key = keys.get(approval["key"])
            if key is None or key["holder"] != f"officer:{entry['approvedBy']}" or index < key["enrolled"] or (
                    key["revoked"] is not None and index > key["revoked"]):
                fail("the approval is not signed by the approver's key")
            if not verify(profile, key["spki"], base64.b64decode(approval["signature"]), approval["statement"].encode()):
                fail("the approval's signature does not verify")
            approvals += 1
        # What the entry changes, after its own signature was judged.
        if kind == "officer.added":
            if required_after_first_officer and not has_officers and required_since is None:
                required_since = index + 1
            has_officers = True
            if entry.get("role") == "supervisor":
                supervisors.add(f"officer:{entry['badge']}")
        elif kind == "officer.retired":
            retired = f"officer:{entry['badge']}"
            supervisors.discard(retired)
            if retired in active:
                keys[active.pop(retired)]["revoked"] = index
        elif kind == "log.signatures-required" and required_since is None:
            required_since = index
        elif kind == "key.revoked" and entry["key"] in keys and keys[entry["key"]]["revoked"] is None:
            keys[entry["key"]]["revoked"] = index
            active.pop(keys[entry["key"]]["holder"], None)
        elif new:
            if entry.get("replaces") in keys:
                keys[entry["replaces"]]["revoked"] = index
            keys[entry["key"]] = new
            active[new["holder"]] = entry["key"]
    print(f"OK: {signed} signatures, {unsigned} unsigned, {approvals} approvals")


if __name__ == "__main__":
    main(sys.argv[1])
