import Foundation

/// The agency that runs a ledger: its code prefixes every id it issues, so ids stay unique after a transfer.
public struct Agency: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// 公安
        case police
        /// 检察院
        case procuratorate
        /// 法院
        case court
    }

    public var code: String
    public var name: String
    public var kind: Kind

    public init(code: String, name: String, kind: Kind) throws {
        // The code becomes part of ids and of the log's origin: keep it to letters, digits and '-'.
        guard !code.isEmpty, code.count <= 32,
            code.unicodeScalars.allSatisfy({ ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "-" })
        else {
            throw LedgerError(.invalidInput, .agencyCodeInvalid(code))
        }
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 200, !trimmed.unicodeScalars.contains(where: { $0.value < 0x20 }) else {
            throw LedgerError(.invalidInput, .agencyNameInvalid)
        }
        self.code = code
        self.name = trimmed
        self.kind = kind
    }
}
