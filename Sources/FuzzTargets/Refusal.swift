import DossierVault
import Foundation
import LabelRenderer
import LedgerPresentation
import PropertyLedger

/// What a parser may answer besides a value: an error whose reason the catalogue words, in both languages.
///
/// An error without a reason, or with one the catalogue lacks, reaches people as a debug id; so it is a finding,
/// like a trap. The reason is also rendered, since its arguments come from the input (the time typed, the line).
enum Refusal {
    /// `parse()`'s value, or nil when it refused with a worded reason.
    static func value<Value>(_ parse: () throws -> Value) throws(FuzzFinding) -> Value? {
        do {
            return try parse()
        } catch {
            try require(worded: error)
            return nil
        }
    }

    /// As ``value(_:)``, for a parser whose callers put its error into a reason of their own (a cosignature's reasons
    /// are the detail of `transfer-receipt-cosignature`, a witness key's become `peer-witness-key-malformed`): any
    /// reason will do.
    static func wrapped<Value>(_ parse: () throws -> Value) throws(FuzzFinding) -> Value? {
        do {
            return try parse()
        } catch {
            _ = try reason(of: error)
            return nil
        }
    }

    static func require(worded error: any Error) throws(FuzzFinding) {
        let reason = try reason(of: error)
        try FuzzFinding.require(Catalogue.reasons[reason.id] != nil, "refused with \(reason), which the catalogue does not word")
        for language in Language.allCases { _ = render(reason, in: language) }
    }

    private static func reason(of error: any Error) throws(FuzzFinding) -> Reason {
        guard let reason = knownReason(of: error) else {
            throw FuzzFinding("refused with \(type(of: error)), which carries no reason: \(error)")
        }
        return reason
    }

    private static func knownReason(of error: any Error) -> Reason? {
        switch error {
        case let error as NoteFormatError: error.reason
        case let error as VerificationError: error.reason
        case let error as LedgerError: error.reason
        case let error as CryptoError: error.reason
        case let error as CabinetRequest.Rejection: error.reason
        case let error as LabelTemplateError: Reason(error.reason, error.arguments)
        default: nil
        }
    }
}
