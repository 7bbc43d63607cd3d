import Foundation
import PropertyLedger

/// Runs one parsed ``Invocation`` against the libraries.
struct CommandRunner {
    let invocation: Invocation
    var output: Output { Output(json: invocation.json) }
    var paths: StorePaths { StoreLocation.paths(store: invocation.store, privateKey: invocation.privateKey) }

    func run() async throws {
        switch invocation.command {
        case .help(let command):
            Output.write(Help.text(for: command) + "\n")
        case .version:
            Output.write(Help.version + "\n")
        case .initialize(let code, let name, let kind, let profile):
            try await initialize(agency: try Agency(code: code, name: name, kind: kind), profile: profile)
        case .verify:
            try await verify()
        case .checkpoint:
            try await checkpoint()
        case .checkCheckpoint(let file, let keyFile):
            try checkCheckpoint(file: file, verifierKeyFile: keyFile)
        case .key:
            try await key()
        case .prove(let index, let size):
            try await prove(index: index, size: size)
        case .checkReceipt(let receiptFile, let entryFile, let keyFile):
            try checkReceipt(receiptFile: receiptFile, entryFile: entryFile, verifierKeyFile: keyFile)
        case .entry(let index):
            try await entry(index: index)
        case .custody(let command):
            try await record(command)
        case .officerList:
            try await officerList()
        case .locationList:
            try await locationList()
        case .caseShow(let number):
            try await caseShow(number)
        case .show(let object):
            try await show(object)
        case .history(let object, let withProofs):
            try await history(object, withProofs: withProofs)
        case .whereIs(let uid):
            try await whereIs(uid)
        case .list(let filter):
            try await list(filter)
        case .export(let entries, let format, let byteOrderMark):
            try await export(entries: entries, format: format, byteOrderMark: byteOrderMark)
        case .rebuildCheck:
            try await rebuildCheck()
        case .readers:
            try await readers()
        case .scan(let options):
            try await scan(options)
        case .bindChipByScan(let object, let reader, let timeout):
            try await bindChipByScan(object: object, reader: reader, timeoutSeconds: timeout)
        case .audit(let location, let reader, let seconds, let format):
            try await audit(location: location, reader: reader, seconds: seconds, wedgeFormat: format)
        }
    }

    func openStore() async throws -> LedgerStore {
        try await LedgerStore.open(paths)
    }

    /// Reads a whole input file; a missing file is "not found", an oversized one "invalid input".
    static func readFile(_ path: String, limit: Int = 1 << 20) throws -> Data {
        guard FileManager.default.fileExists(atPath: path) else { throw LedgerError(.notFound, "no such file: \(path)") }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw LedgerError(.invalidInput, "cannot read \(path)") }
        defer { try? handle.close() }
        let data = try handle.read(upToCount: limit + 1) ?? Data()
        guard data.count <= limit else { throw LedgerError(.invalidInput, "\(path) is larger than \(limit) bytes") }
        return data
    }

    static func readText(_ path: String) throws -> String {
        guard let text = String(data: try readFile(path), encoding: .utf8) else {
            throw LedgerError(.invalidInput, "\(path) is not UTF-8 text")
        }
        return text
    }

    static func readVerifier(_ path: String) throws -> NoteVerifier {
        do {
            return try NoteVerifier(text: try readText(path))
        } catch let error as NoteFormatError {
            throw LedgerError(.invalidInput, "\(path) is not a verifier key: \(error.message)")
        } catch let error as CryptoError {
            throw LedgerError(.invalidInput, "\(path) is not a verifier key: \(error)")
        }
    }
}
