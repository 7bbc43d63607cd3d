#!/usr/bin/python3
"""Checks a witness's cosignature on a checkpoint with nothing but the C2SP specifications and standard tools.

An independent verifier, written from c2sp.org/signed-note and c2sp.org/tlog-cosignature (and, for the gm
profile, the documented SM2 extension in docs/transfers.md); it shares no code with the ledger. Ed25519 is
checked with Python's `cryptography`, SM2 with the `openssl` command (SM3, ID 1234567812345678).

    verify-cosignature.py WITNESS.vkey NOTE     prints "OK: NAME cosigned ORIGIN at size N, time T" and exits 0,
                                                or "FAIL: WHY" and exits 1.
"""
import base64
import hashlib
import os
import subprocess
import sys
import tempfile

SM2_TAG = b"sm2cosig_sm3"


def parse_vkey(text):
    name, key_id, encoded = text.strip().split("+", 2)
    raw = base64.b64decode(encoded, validate=True)
    if hashlib.sha256(name.encode() + b"\n" + raw).digest()[:4].hex() != key_id:
        raise ValueError("the key ID does not match the key")
    if raw[0] == 0x04 and len(raw) == 33:
        return name, bytes.fromhex(key_id), "ed25519", raw[1:]
    if raw[0] == 0xFF and raw[1:].startswith(SM2_TAG):
        return name, bytes.fromhex(key_id), "sm2", raw[1 + len(SM2_TAG):]
    raise ValueError("not a cosignature key")


def verify(algorithm, key, signature, message):
    if algorithm == "ed25519":
        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
        try:
            Ed25519PublicKey.from_public_bytes(key).verify(signature, message)
            return True
        except InvalidSignature:
            return False
    with tempfile.TemporaryDirectory() as directory:
        paths = {name: os.path.join(directory, name) for name in ("key.der", "message", "signature")}
        for name, data in (("key.der", key), ("message", message), ("signature", signature)):
            with open(paths[name], "wb") as file:
                file.write(data)
        result = subprocess.run(
            ["openssl", "pkeyutl", "-verify", "-pubin", "-keyform", "DER", "-inkey", paths["key.der"], "-rawin",
             "-digest", "sm3", "-pkeyopt", "distid:1234567812345678", "-in", paths["message"], "-sigfile", paths["signature"]],
            capture_output=True)
        return result.returncode == 0


def main(vkey_path, note_path):
    name, key_id, algorithm, key = parse_vkey(open(vkey_path).read())
    note = open(note_path, "rb").read().decode("utf-8")
    text, _, signatures = note.partition("\n\n")
    text += "\n"
    for line in signatures.rstrip("\n").split("\n"):
        dash, line_name, blob = line.split(" ")
        blob = base64.b64decode(blob, validate=True)
        if dash != "\u2014" or line_name != name or blob[:4] != key_id:
            continue
        time = int.from_bytes(blob[4:12], "big")
        header = "pl-sm2-cosignature/v1" if algorithm == "sm2" else "cosignature/v1"
        message = f"{header}\ntime {time}\n".encode() + text.encode()
        if not verify(algorithm, key, blob[12:], message):
            print(f"FAIL: the cosignature of {name} does not verify")
            return 1
        origin, size = text.split("\n")[:2]
        print(f"OK: {name} cosigned {origin} at size {size}, time {time}")
        return 0
    print(f"FAIL: no cosignature of {name}")
    return 1


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1], sys.argv[2]))
    except (ValueError, IndexError, UnicodeDecodeError) as error:
        print(f"FAIL: {error}")
        sys.exit(1)
