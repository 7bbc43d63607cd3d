/// A finding in a reconciled session: what the ledger could not explain, for a supervisor to review.
public struct CabinetFinding: Sendable, Hashable {
    /// The finding's id, as the ledger gave it (a string or an integer).
    public var id: JSONValue
    /// `unauthorised-removal`, `unexpected-deposit`, `unknown-tag`, `wrong-slot`, `missing-after-session`, …
    public var kind: String
    public var object: JSONValue?
    public var uid: String?
    /// Every member, those above and any the ledger adds.
    public var fields: [String: JSONValue]

    init?(_ value: JSONValue) {
        guard let fields = value.objectValue, let id = fields["id"], let kind = fields["kind"]?.stringValue else {
            return nil
        }
        self.id = id
        self.kind = kind
        object = fields["object"].flatMap { $0.isNull ? nil : $0 }
        uid = fields["uid"]?.stringValue
        self.fields = fields
    }
}
