import Foundation
public import PropertyLedger

/// A parameter of a rule that a supervisor may change (``PolicySet``), by its permanent name `RULE.PARAMETER`,
/// with the form its values take and its defaults by agency kind (docs/domain.md, docs/policy.md).
public enum PolicyParameter: String, Sendable, Hashable, Codable, CaseIterable {
    /// Calendar months without substantive progress after which a dossier is in central storage (洪泽: one).
    case centralStorageMonths = "central-storage.months"
    /// The time from seizure within which an item is checked in: 24 hours at the police (MPS 2015), 3 days at a
    /// procuratorate (SPP 2015).
    case intakeLimit = "intake.limit"
    /// The time from marking property unrelated to the case within which it is returned (MPS 2015: 3 days).
    case releaseUnrelatedLimit = "release-unrelated.limit"
    /// Time left at or below which a deadline is yellow (青羊: 7 days).
    case gradesYellow = "grades.yellow"
    /// Time left at or below which a deadline is orange (青羊: 1 day).
    case gradesOrange = "grades.orange"
    /// How long an approval to take an object from a cabinet (`checkout --at-cabinet`) may wait to be used.
    case cabinetApprovalValid = "cabinet.approval-valid"
    /// Whether a cabinet opens for a take or a return only when a clerk's credential is presented beside the
    /// officer's (滨州: both parties confirm the handover).
    case cabinetTwoPerson = "cabinet.two-person"
    /// How many consecutive complete inventory rounds must agree before a change is believed (cabinets.md).
    case cabinetAgreeingRounds = "cabinet.agreeing-rounds"
    /// How long a door session may stay unreconciled before it is closed as such, with a finding.
    case cabinetSessionTimeout = "cabinet.session-timeout"

    /// The values a parameter takes.
    public enum Form: Sendable, Hashable {
        /// A whole number of calendar months in `range`.
        case months(ClosedRange<Int>)
        /// A duration written `90m`, `24h` or `3d`, within `range` minutes.
        case duration(minutes: ClosedRange<Int>)
        /// A whole number in `range`.
        case count(ClosedRange<Int>)
        /// `on` or `off`.
        case flag
    }

    public var rule: RuleID {
        switch self {
        case .centralStorageMonths: .centralStorage
        case .intakeLimit: .intake
        case .releaseUnrelatedLimit: .releaseUnrelated
        case .gradesYellow, .gradesOrange: .grades
        case .cabinetApprovalValid, .cabinetTwoPerson, .cabinetAgreeingRounds, .cabinetSessionTimeout: .cabinet
        }
    }

    /// The parameter's name within its rule (`months`, `limit`, `yellow`, `orange`).
    public var name: String { String(rawValue.drop { $0 != "." }.dropFirst()) }

    public var form: Form {
        switch self {
        case .centralStorageMonths: .months(1...12)
        case .intakeLimit, .releaseUnrelatedLimit: .duration(minutes: 60...(30 * Self.day))
        case .gradesYellow: .duration(minutes: 60...(90 * Self.day))
        case .gradesOrange: .duration(minutes: 1...(30 * Self.day))
        case .cabinetApprovalValid: .duration(minutes: 10...(7 * Self.day))
        case .cabinetTwoPerson: .flag
        case .cabinetAgreeingRounds: .count(2...10)
        case .cabinetSessionTimeout: .duration(minutes: 5...Self.day)
        }
    }

    /// The value in force until a supervisor changes it, at an agency of `kind`. A court's intake limit is the
    /// police's: no source gives courts one of their own.
    public func defaultValue(for kind: Agency.Kind) -> PolicyValue {
        switch self {
        case .centralStorageMonths: .months(1)
        case .intakeLimit: .duration(minutes: kind == .procuratorate ? 3 * Self.day : 24 * 60)
        case .releaseUnrelatedLimit: .duration(minutes: 3 * Self.day)
        case .gradesYellow: .duration(minutes: 7 * Self.day)
        case .gradesOrange: .duration(minutes: Self.day)
        case .cabinetApprovalValid: .duration(minutes: Self.day)
        case .cabinetTwoPerson: .flag(false)
        case .cabinetAgreeingRounds: .count(2)
        case .cabinetSessionTimeout: .duration(minutes: 30)
        }
    }

    /// The parameter `rule` and `name` make, or nil.
    public init?(rule: String, name: String) {
        self.init(rawValue: "\(rule).\(name)")
    }

    /// The parameter a person typed as `RULE.PARAMETER` (`intake.limit`; NFKC, trimmed, case-insensitive).
    ///
    /// - Throws: ``LedgerError`` (`invalidInput`): `policy-name-malformed` without a dot, `policy-rule-unknown`,
    ///   `policy-parameter-unknown`.
    public static func named(_ text: String) throws -> PolicyParameter {
        let typed = text.precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespaces).lowercased()
        guard let dot = typed.firstIndex(of: "."), dot != typed.startIndex, typed.index(after: dot) != typed.endIndex else {
            throw LedgerError(.invalidInput, .policyNameMalformed(text))
        }
        return try named(rule: String(typed[..<dot]), parameter: String(typed[typed.index(after: dot)...]))
    }

    /// The parameter `parameter` of `rule`, as an entry or a person names them.
    ///
    /// - Throws: ``LedgerError`` (`invalidInput`): `policy-rule-unknown`, `policy-parameter-unknown`.
    public static func named(rule: String, parameter: String) throws -> PolicyParameter {
        guard let ruleID = RuleID(rawValue: rule) else { throw LedgerError(.invalidInput, .policyRuleUnknown(rule)) }
        guard let found = PolicyParameter(rule: rule, name: parameter) else {
            throw LedgerError(.invalidInput, .policyParameterUnknown(ruleID, parameter))
        }
        return found
    }

    /// Minutes in a day.
    static let day = 24 * 60
}

extension RuleID {
    /// The parameters of the rule, in the order they are listed.
    public var parameters: [PolicyParameter] { PolicyParameter.allCases.filter { $0.rule == self } }
}
