// A test helper for the crash test: appends to an existing store in a loop and acknowledges each append on
// standard output ("ack INDEX BASE64-BYTES") only after the store has returned, that is, after the commit is
// durable. Every `--checkpoint-every` appends it also signs a checkpoint. It runs until it is killed.
//
// usage: ledger-append-loop STORE RUN [--checkpoint-every N]

import Foundation
import PropertyLedger

let arguments = CommandLine.arguments
guard arguments.count >= 3, let run = Int(arguments[2]) else {
    FileHandle.standardError.write(Data("usage: ledger-append-loop STORE RUN [--checkpoint-every N]\n".utf8))
    exit(64)
}
let checkpointEvery = arguments.count >= 5 && arguments[3] == "--checkpoint-every" ? Int(arguments[4]) ?? 0 : 0

/// Entries of varied length, with CJK text, different in every run.
func entry(run: Int, sequence: Int) -> Data {
    Data("{\"run\":\(run),\"sequence\":\(sequence),\"payload\":\"\(String(repeating: "证", count: sequence % 50))\"}".utf8)
}

do {
    let store = try await LedgerStore.open(StorePaths(database: arguments[1]))
    var sequence = 0
    while true {
        // Alternate single appends and small batches, so kills land in both kinds of transaction.
        let count = sequence % 3 == 0 ? 5 : 1
        let entries = (0..<count).map { entry(run: run, sequence: sequence + $0) }
        let range = try await store.append(contentsOf: entries)
        var acks = ""
        for (offset, index) in range.enumerated() { acks += "ack \(index) \(entries[offset].base64EncodedString())\n" }
        FileHandle.standardOutput.write(Data(acks.utf8))
        sequence += count
        if checkpointEvery > 0 && sequence % checkpointEvery < count {
            _ = try await store.checkpoint()
        }
    }
} catch {
    FileHandle.standardError.write(Data("ledger-append-loop: \(error)\n".utf8))
    exit(1)
}
