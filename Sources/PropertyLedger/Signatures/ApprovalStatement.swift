public import Foundation

/// What an approver signs: exactly what is approved, for one log, until a time, once.
///
/// Its text is lines of `name value`, in an order fixed per action, after a header and the log's origin:
///
///     PropertyLedger/approval/v1
///     370321.propertyledger/gm/d5f9ff89
///     checkout
///     object P-370321-2026-000001
///     to 000002
///     reason appraisal
///     due 2026-12-20T04:00:00Z
///     approver 000001
///     expires 2026-12-03T05:00:00Z
///     nonce 9f86d081884c7d659a2feaa0c55ad015
///
/// The approver's key signs the text's bytes (``SignedApproval``). See docs/entry-format.md.
public struct ApprovalStatement: Sendable, Equatable {
    /// What is approved, and the terms that must equal the command's.
    public enum Action: String, Sendable, CaseIterable {
        case checkout
        case extension_ = "checkout-extension"
        case disposal

        /// The names of the action's terms, in the order they are written.
        public var termNames: [String] {
            switch self {
            case .checkout: ["object", "to", "reason", "due"]
            case .extension_: ["object", "due", "reason"]
            case .disposal: ["object", "method"]
            }
        }
    }

    public var origin: String
    public var action: Action
    /// The action's terms, by name (``Action/termNames``).
    public var terms: [String: String]
    /// The approving supervisor's badge.
    public var approver: String
    /// Until when the approval may be used (ISO 8601 UTC).
    public var expires: String
    /// 32 random hex digits: each approval is used once.
    public var nonce: String

    static let header = "PropertyLedger/approval/v1"
    /// A statement is a few lines; a larger text is refused before parsing.
    static let maximumSize = 4096

    public init(origin: String, action: Action, terms: [String: String], approver: String, expires: Date, nonce: String? = nil) throws {
        self.origin = origin
        self.action = action
        self.terms = terms
        self.approver = approver
        self.expires = Timestamp.string(expires)
        self.nonce = try nonce ?? Self.freshNonce()
    }

    /// The text signed and carried.
    public var text: String {
        var lines = [Self.header, origin, action.rawValue]
        for name in action.termNames { lines.append("\(name) \(terms[name] ?? "")") }
        lines += ["approver \(approver)", "expires \(expires)", "nonce \(nonce)"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads a statement as ``text`` writes it, strictly: every line in its place, nothing more.
    ///
    /// - Throws: ``LedgerError`` (`invalidInput`, `approval-malformed`).
    public init(parsing text: String) throws {
        guard text.utf8.count <= Self.maximumSize, text.hasSuffix("\n") else { throw LedgerError(.invalidInput, .approvalMalformed) }
        let lines = text.dropLast().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 6, lines[0] == Self.header, let action = Action(rawValue: lines[2]),
            lines.count == 3 + action.termNames.count + 3
        else { throw LedgerError(.invalidInput, .approvalMalformed) }
        func value(_ line: String, _ name: String) throws -> String {
            guard line.hasPrefix(name + " "), !line.dropFirst(name.count + 1).isEmpty,
                line.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F })
            else { throw LedgerError(.invalidInput, .approvalMalformed) }
            return String(line.dropFirst(name.count + 1))
        }
        origin = lines[1]
        self.action = action
        var terms: [String: String] = [:]
        for (offset, name) in action.termNames.enumerated() { terms[name] = try value(lines[3 + offset], name) }
        self.terms = terms
        let tail = 3 + action.termNames.count
        approver = try value(lines[tail], "approver")
        expires = try value(lines[tail + 1], "expires")
        nonce = try value(lines[tail + 2], "nonce")
        guard Timestamp.storedDate(expires).map(Timestamp.string) == expires, nonce.utf8.count == 32,
            nonce.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
        else { throw LedgerError(.invalidInput, .approvalMalformed) }
    }

    static func freshNonce() throws -> String {
        try SecureRandom.bytes(16).map { String(format: "%02x", $0) }.joined()
    }
}

/// An approval as it travels and as entries carry it (field `approval`): the statement's text, the approver's key
/// id and signature (base64). An approval file (`ledger approve … --out FILE`) holds this object.
public struct SignedApproval: Codable, Sendable, Hashable {
    public var statement: String
    public var key: String
    public var signature: String

    public init(statement: String, key: String, signature: String) {
        self.statement = statement
        self.key = key
        self.signature = signature
    }

    /// `statement` signed by `signer` (the approver's key).
    public static func signing(_ statement: ApprovalStatement, with signer: any EntrySigner) throws -> SignedApproval {
        let text = statement.text
        return SignedApproval(statement: text, key: signer.keyID, signature: try signer.sign(Data(text.utf8)).base64EncodedString())
    }
}
