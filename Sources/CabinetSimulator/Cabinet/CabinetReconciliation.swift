/// A reconciled session, from an inventory response's `reconciled`: what the ledger recorded, and its findings.
public struct CabinetReconciliation: Sendable, Hashable {
    public var session: JSONValue?
    /// Checked out to the authorised officer.
    public var taken: [JSONValue]
    public var returned: [JSONValue]
    public var checkedIn: [JSONValue]
    public var findings: [CabinetFinding]

    init?(_ value: JSONValue) {
        guard value.objectValue != nil else { return nil }
        session = value["session"]
        taken = value["taken"]?.arrayValue ?? []
        returned = value["returned"]?.arrayValue ?? []
        checkedIn = value["checkedIn"]?.arrayValue ?? []
        findings = (value["findings"]?.arrayValue ?? []).compactMap(CabinetFinding.init)
    }
}
