import CabinetSimulator
import Foundation
import Testing

/// Real processes for the simulator's tests to talk to: small python3 programs and system tools. None of them is
/// the ledger; tests against the real `ledger cabinet hook` and `serve` belong with the ledger's own.
enum Peers {
    static let python = FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") ? "/usr/bin/python3" : "python3"

    /// Starts `python3 -u -c script arguments…` with a channel on its standard input and output.
    static func python(
        _ script: String, _ arguments: [String] = [], responseTimeout: Duration = .seconds(10)
    ) async throws -> ProcessCabinetChannel {
        let executable = python.hasPrefix("/") ? python : "/usr/bin/env"
        let prefix = python.hasPrefix("/") ? [] : ["python3"]
        return try await ProcessCabinetChannel.spawn(
            executable: executable, arguments: prefix + ["-u", "-c", script] + arguments,
            responseTimeout: responseTimeout)
    }

    /// A scripted protocol peer: answers each request line with `{"v":1,"id":ID,"ok":true,"echo":REQUEST}`
    /// plus the members argv[1] gives for the request's type (a JSON object of type → members, merged last, so
    /// it can also spoil `id`). An `inventory` answer says `more` until argv[2] complete rounds of its session have
    /// come, then `reconciled` with one finding per uid of the last round. A line that is not JSON gets an error
    /// with `id` null. Bytes that are not UTF-8 are read as U+FFFD.
    static let scriptedProtocolPeer = #"""
        import json, sys
        extra = json.loads(sys.argv[1]) if len(sys.argv) > 1 else {}
        needed = int(sys.argv[2]) if len(sys.argv) > 2 else 2
        complete = {}
        for raw in sys.stdin.buffer:
            line = raw.rstrip(b"\n").decode("utf-8", "replace")
            try:
                request = json.loads(line)
            except ValueError:
                print(json.dumps({"v": 1, "id": None, "ok": False,
                                  "error": {"reason": "peer-not-json", "message": line}}, ensure_ascii=False))
                continue
            response = {"v": 1, "id": request.get("id"), "ok": True, "echo": request}
            if request.get("type") == "inventory":
                key = json.dumps(request.get("session"))
                complete[key] = complete.get(key, 0) + (1 if request.get("complete") else 0)
                if complete[key] < needed:
                    response.update({"reconciled": None, "more": True, "reason": "peer-needs-rounds"})
                else:
                    uids = sorted({tag["uid"] for tag in request.get("tags", [])})
                    response["reconciled"] = {
                        "session": request.get("session"), "taken": ["O-1"], "returned": [], "checkedIn": [],
                        "findings": [{"id": "F-%d" % n, "kind": "peer-saw", "uid": uid} for n, uid in enumerate(uids)]}
            response.update(extra.get(request.get("type"), {}))
            print(json.dumps(response, ensure_ascii=False))
        """#

    /// A Unix socket server at argv[1]: prints `listening` on standard output once it is, then for each
    /// connection (each on a thread) acts by argv[2] — `echo`: writes back every line; `silent`: reads and
    /// answers nothing; `refuse`: writes one error line and closes — and prints `closed` when the peer's end
    /// of file arrives.
    static let socketServer = #"""
        import os, socket, sys, threading
        path, mode = sys.argv[1], sys.argv[2]
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        server.bind(path)
        server.listen(16)
        print("listening")
        def serve(connection):
            if mode == "refuse":
                connection.sendall(b'{"v":1,"id":null,"ok":false,"error":{"reason":"cabinet-peer-refused"}}\n')
                connection.close()
                return
            for line in connection.makefile("rb"):
                if mode == "echo":
                    connection.sendall(line)
            print("closed")
            connection.close()
        while True:
            connection, _ = server.accept()
            threading.Thread(target=serve, args=(connection,), daemon=True).start()
        """#

    /// A socket server from ``socketServer`` in a fresh directory; `body` gets the socket's path.
    static func withSocketServer(
        mode: String, _ body: (_ path: String, _ control: ProcessCabinetChannel) async throws -> Void
    ) async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("c.sock").path
            let control = try await python(socketServer, [path, mode])
            defer { control.kill() }
            #expect(try await control.receiveLine() == "listening")
            try await body(path, control)
            control.kill()
            await control.close()
        }
    }
}

/// A fresh directory under /tmp (short, for socket paths), removed afterwards.
func withTemporaryDirectory(_ body: (URL) async throws -> Void) async throws {
    let directory = URL(fileURLWithPath: "/tmp").appendingPathComponent("cabsim-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try await body(directory)
}

/// The directory holding the built products (`ledger-cabinet-sim`).
func productsDirectory() throws -> URL {
    let candidates = [
        Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
    ]
    for candidate in candidates
    where FileManager.default.isExecutableFile(atPath: candidate.appendingPathComponent("ledger-cabinet-sim").path) {
        return candidate
    }
    struct ProductsMissing: Error {}
    throw ProductsMissing()
}
