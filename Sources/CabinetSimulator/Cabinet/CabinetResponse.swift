import Foundation

/// One response line from the ledger, parsed with JSONSerialization, with accessors for the fields protocol v1
/// defines; ``fields`` holds every member, those and any added later.
public struct CabinetResponse: Sendable, Hashable {
    /// The line as received, without its newline.
    public let line: String
    public let fields: [String: JSONValue]

    /// Parses `line`.
    /// - Throws: ``SimulatedCabinetError/responseNotJSON(_:)`` when it is not a JSON object.
    public init(line: String) throws {
        guard let value = try? JSONValue(parsing: Data(line.utf8)), let fields = value.objectValue else {
            throw SimulatedCabinetError.responseNotJSON(line)
        }
        self.line = line
        self.fields = fields
    }

    // MARK: The envelope

    /// `v`, the protocol version.
    public var version: Int? { fields["v"]?.intValue }
    /// `id`, the request's id echoed back; `.null` when the ledger could not read it, nil when missing.
    public var id: JSONValue? { fields["id"] }
    /// `ok`.
    public var isOK: Bool { fields["ok"]?.boolValue == true }
    /// `error`, on a response with `ok` false.
    public var error: CabinetFailure? { fields["error"].flatMap(CabinetFailure.init) }

    // MARK: hello

    /// `cabinet`: the cabinet's code, name and slots.
    public var cabinet: CabinetDescription? { fields["cabinet"].flatMap(CabinetDescription.init) }
    /// `protocol`.
    public var protocolVersion: Int? { fields["protocol"]?.intValue }

    // MARK: authorize

    /// `allow` is true.
    public var isAllowed: Bool { fields["allow"]?.boolValue == true }
    /// `session`: the door session an allowed `authorize` opened. (In a `hello` response the ledger may put
    /// the cabinet's running session here as `{"session", "state"}`; read it from ``fields``.)
    public var session: JSONValue? { fields["session"].flatMap { $0.isNull ? nil : $0 } }
    /// `reason`: why `authorize` was denied, or why an inventory round did not settle the session.
    public var reason: String? { fields["reason"]?.stringValue }
    /// `message`: the denial, in the cabinet's language.
    public var message: String? { fields["message"]?.stringValue }
    /// `officer`: `{badge, name}` of the identified officer.
    public var officer: JSONValue? { fields["officer"] }
    /// `expect.take`: what the officer may take.
    public var expectedTakes: [JSONValue] { fields["expect"]?["take"]?.arrayValue ?? [] }
    /// `expect.put`: what the officer may put back or check in.
    public var expectedPuts: [JSONValue] { fields["expect"]?["put"]?.arrayValue ?? [] }

    // MARK: inventory

    /// `reconciled`, when the round settled the session.
    public var reconciled: CabinetReconciliation? { fields["reconciled"].flatMap(CabinetReconciliation.init) }
    /// `more` is true: send another complete round.
    public var wantsAnotherRound: Bool { fields["more"]?.boolValue == true }

    // MARK: alarm

    /// `finding`: the id of the finding an alarm was recorded as.
    public var findingID: JSONValue? { fields["finding"] }
}
