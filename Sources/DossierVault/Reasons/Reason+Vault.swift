import PropertyLedger

/// The reasons DossierVault gives, declared (with their wording) in LedgerPresentation's `Reason.vaultReasons`
/// and `Catalogue.vault`. Arguments: `parameter` is `RULE.PARAMETER`; values are canonical (``PolicyValue``).
extension Reason {
    // MARK: Policy

    static let policyNeedsActor = Reason("policy-needs-actor")
    static func policyNeedsSupervisor(badge: String, role: Role) -> Reason {
        Reason("policy-needs-supervisor", ["badge": badge, "role": role.rawValue])
    }
    static func policyNameMalformed(_ text: String) -> Reason { Reason("policy-name-malformed", ["text": text]) }
    static func policyRuleUnknown(_ rule: String) -> Reason {
        Reason(
            "policy-rule-unknown",
            ["rule": rule, "allowed": RuleID.allCases.filter { !$0.parameters.isEmpty }.map(\.rawValue).joined(separator: ",")])
    }
    static func policyParameterUnknown(_ rule: RuleID, _ parameter: String) -> Reason {
        Reason(
            "policy-parameter-unknown",
            ["rule": rule.rawValue, "parameter": parameter, "allowed": rule.parameters.map(\.name).joined(separator: ",")])
    }
    static func policyMonthsInvalid(_ parameter: PolicyParameter, _ text: String, range: ClosedRange<Int>) -> Reason {
        Reason(
            "policy-months-invalid",
            ["parameter": parameter.rawValue, "value": text, "least": String(range.lowerBound), "most": String(range.upperBound)])
    }
    static func policyCountInvalid(_ parameter: PolicyParameter, _ text: String, range: ClosedRange<Int>) -> Reason {
        Reason(
            "policy-count-invalid",
            ["parameter": parameter.rawValue, "value": text, "least": String(range.lowerBound), "most": String(range.upperBound)])
    }
    static func policyFlagInvalid(_ parameter: PolicyParameter, _ text: String) -> Reason {
        Reason("policy-flag-invalid", ["parameter": parameter.rawValue, "value": text])
    }
    static func policyDurationInvalid(_ parameter: PolicyParameter, _ text: String) -> Reason {
        Reason("policy-duration-invalid", ["parameter": parameter.rawValue, "value": text])
    }
    static func policyDurationOutOfRange(_ parameter: PolicyParameter, _ text: String, least: PolicyValue, most: PolicyValue) -> Reason {
        Reason("policy-duration-out-of-range", ["parameter": parameter.rawValue, "value": text, "least": least.text, "most": most.text])
    }
    static func policyValueUnchanged(_ parameter: PolicyParameter, _ value: PolicyValue) -> Reason {
        Reason("policy-value-unchanged", ["parameter": parameter.rawValue, "value": value.text])
    }
    static func policyGradesOutOfOrder(yellow: PolicyValue, orange: PolicyValue) -> Reason {
        Reason("policy-grades-out-of-order", ["yellow": yellow.text, "orange": orange.text])
    }

    // MARK: Unrelated property

    static let unrelatedNeedsActor = Reason("unrelated-needs-actor")
    static func unrelatedNeedsClerkOrSupervisor(badge: String, role: Role) -> Reason {
        Reason("unrelated-needs-clerk-or-supervisor", ["badge": badge, "role": role.rawValue])
    }
    static func unrelatedObjectIsDossier(_ object: String) -> Reason { Reason("unrelated-object-is-dossier", ["object": object]) }
    static func unrelatedAlreadyMarked(_ object: String, index: Int64) -> Reason {
        Reason("unrelated-already-marked", ["object": object, "index": String(index)])
    }

    // MARK: Central storage

    static func centralStorageHoldsDossier(_ object: String, case number: String, from: String, location: String) -> Reason {
        Reason("central-storage-holds-dossier", ["object": object, "case": number, "from": from, "location": location])
    }
    static func centralStorageReturnElsewhere(_ object: String, case number: String, from: String, location: String) -> Reason {
        Reason("central-storage-return-elsewhere", ["object": object, "case": number, "from": from, "location": location])
    }

    // MARK: The sweep

    static let sweepNeedsActor = Reason("sweep-needs-actor")
    static func sweepNeedsClerk(badge: String, role: Role) -> Reason {
        Reason("sweep-needs-clerk", ["badge": badge, "role": role.rawValue])
    }
    static func sweepTargetNotCentral(_ location: String) -> Reason { Reason("sweep-target-not-central", ["location": location]) }
}
