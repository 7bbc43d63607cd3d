public import Foundation
public import PropertyLedger

/// The rules' parameters in force at one instant: the defaults for the agency's kind, overridden by every
/// ``PolicySet`` entry recorded at or before that instant, in log order (``DossierVault/policy(in:at:)``).
public struct Policy: Sendable, Hashable {
    /// The value of every parameter.
    public private(set) var values: [PolicyParameter: PolicyValue]

    /// The defaults at an agency of `kind` (docs/policy.md).
    public static func defaults(for kind: Agency.Kind) -> Policy {
        Policy(values: Dictionary(uniqueKeysWithValues: PolicyParameter.allCases.map { ($0, $0.defaultValue(for: kind)) }))
    }

    /// The value of `parameter`.
    public subscript(parameter: PolicyParameter) -> PolicyValue {
        get { values[parameter] ?? parameter.defaultValue(for: .police) }
        set { values[parameter] = newValue }
    }

    /// Calendar months without progress before a dossier must be in central storage.
    public var centralStorageMonths: Int { self[.centralStorageMonths].months ?? 1 }
    /// From seizure to check-in.
    public var intakeLimit: TimeInterval { self[.intakeLimit].seconds ?? 86_400 }
    /// From marking unrelated to return to the owner.
    public var releaseUnrelatedLimit: TimeInterval { self[.releaseUnrelatedLimit].seconds ?? 3 * 86_400 }
    /// Time left at or below which a deadline is yellow.
    public var yellowWithin: TimeInterval { self[.gradesYellow].seconds ?? 7 * 86_400 }
    /// Time left at or below which a deadline is orange.
    public var orangeWithin: TimeInterval { self[.gradesOrange].seconds ?? 86_400 }

    /// How long an approval to take from a cabinet may wait to be used.
    public var cabinetApprovalValid: TimeInterval { self[.cabinetApprovalValid].seconds ?? 86_400 }
    /// Whether a cabinet needs a clerk's credential beside the officer's for a take or a return.
    public var cabinetTwoPerson: Bool { self[.cabinetTwoPerson].isOn ?? false }
    /// Consecutive complete inventory rounds that must agree before a change is believed.
    public var cabinetAgreeingRounds: Int { self[.cabinetAgreeingRounds].count ?? 2 }
    /// How long a door session may stay unreconciled.
    public var cabinetSessionTimeout: TimeInterval { self[.cabinetSessionTimeout].seconds ?? 1_800 }

    /// The grade of a deadline at `due`, seen at `now`, under these thresholds.
    public func grade(due: Date, at now: Date) -> Grade {
        Grade(due: due, now: now, yellowWithin: yellowWithin, orangeWithin: orangeWithin)
    }
}
