public import LedgerPresentation

extension FindingKind {
    /// The kind as people name it.
    public var wording: Wording {
        let words = Catalogue.cabinets
        return switch self {
        case .unauthorisedRemoval: words.unauthorisedRemoval
        case .unexpectedDeposit: words.unexpectedDeposit
        case .unknownTag: words.unknownTag
        case .wrongSlot: words.wrongSlot
        case .missingAfterSession: words.missingAfterSession
        case .alarm: words.alarm
        case .sessionUnreconciled: words.sessionUnreconciled
        }
    }
}

extension CabinetSession.State {
    /// The state as people name it.
    public var wording: Wording {
        let words = Catalogue.cabinets
        return switch self {
        case .authorized: words.authorized
        case .open: words.doorOpen
        case .closed: words.doorClosed
        case .reconciled: words.reconciled
        case .unreconciled: words.unreconciled
        }
    }
}
