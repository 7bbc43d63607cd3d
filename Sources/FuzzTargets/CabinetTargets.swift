import CabinetLink
import DossierVault
import Foundation
import PropertyLedger

/// The cabinet protocol from a vendor's adapter (docs/cabinet-protocol.md): the byte stream framed into lines,
/// each line a request.
enum CabinetTargets {
    static let request = FuzzTarget(
        "cabinet-request", "CabinetRequest(line:): a worded rejection, or codes of 1–64 characters and at most 4,096 tags"
    ) { data throws(FuzzFinding) in
        let request: CabinetRequest
        do {
            request = try CabinetRequest(line: data)
        } catch {
            try Refusal.require(worded: error)
            return
        }
        try FuzzFinding.require(isCode(request.cabinet), "accepted the cabinet \(request.cabinet.debugDescription)")
        switch request.body {
        case .door(let session, _): try FuzzFinding.require(isCode(session), "accepted the session \(session.debugDescription)")
        case .inventory(_, let round):
            try FuzzFinding.require(round.tags.count <= 4_096, "accepted \(round.tags.count) tags in a round")
        case .hello, .authorize, .alarm: break
        }
    }

    /// What the request's codes are: trimmed, 1 to 64 characters, no control characters.
    private static func isCode(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 64 && text.unicodeScalars.allSatisfy { !CharacterSet.controlCharacters.contains($0) }
            && text == text.trimmingCharacters(in: .whitespaces)
    }

    /// The first byte sets the line limit (1–64, so that overlong lines are common), the second seeds the chunk
    /// sizes; the rest is the stream, fed in chunks of 1 to 16 bytes as a socket delivers them.
    static let framer = FuzzTarget(
        "line-framer", "LineFramer: in chunks of any size, the events its documentation gives for the whole stream"
    ) { data throws(FuzzFinding) in
        guard data.count >= 2 else { return }
        let bytes = [UInt8](data)
        let limit = Int(bytes[0] % 64) + 1
        let stream = bytes[2...]
        var framer = LineFramer(limit: limit)
        var events: [LineFramer.Event] = []
        var state = UInt32(bytes[1]) | 0x100
        var rest = stream[...]
        while !rest.isEmpty {
            state = state &* 1_103_515_245 &+ 12_345
            let size = Int(state >> 16) % 16 + 1
            events += framer.append(rest.prefix(size))
            rest = rest.dropFirst(size)
        }
        events += framer.finish()
        let expected = specified(stream, limit: limit)
        try FuzzFinding.require(events == expected, "framed as \(events), not \(expected)")
    }

    /// The framing as LineFramer's documentation states it, on the whole stream at once: lines end at LF (the last
    /// one at the end of input), one CR before the LF is stripped, a line over the limit is one `overlong`, blank
    /// lines (spaces and tabs only) are nothing.
    private static func specified(_ stream: ArraySlice<UInt8>, limit: Int) -> [LineFramer.Event] {
        var lines = stream.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines.compactMap { raw in
            let line = raw.last == UInt8(ascii: "\r") ? raw.dropLast() : raw
            if line.count > limit { return .overlong }
            if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { return nil }
            return .line(Array(line))
        }
    }
}
