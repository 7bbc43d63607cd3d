/// A smart cabinet and its vendor's adapter, simulated: the physical truth (which tag lies in which slot, the
/// door), a noisy RFID reader, and protocol v1 spoken over a ``CabinetChannel``.
///
/// It knows only the protocol: it builds every request and reads every response with JSONSerialization, so
/// the ledger's side is tested as a vendor would meet it.
///
/// ```swift
/// let cabinet = SimulatedCabinet(
///     code: "C-01", slots: ["A1", "A2"], contents: [SimulatedTag(uid: "04A1B2C3", slot: "A1")],
///     noise: ReadNoise(missRate: 0.1, neighbourRate: 0.05, duplicateAntennas: 2, seed: 7), link: channel)
/// let allowed = try await cabinet.authorize(badge: "000123")
/// let session = try #require(allowed.session)
/// _ = try await cabinet.openDoor(session: session)
/// try await cabinet.take(uid: "04A1B2C3")
/// _ = try await cabinet.closeDoor(session: session)
/// let settled = try await cabinet.inventoryUntilReconciled(session: session)
/// ```
/// Requests carry integer ids 1, 2, 3, … and inventory rounds numbers 1, 2, 3, …, both counted per simulated
/// cabinet (across ``reconnect(over:)``). Physical moves (``take(uid:)``, ``put(uid:slot:)``) send nothing: the
/// ledger learns of them only from inventory rounds, as from a real cabinet.
public actor SimulatedCabinet {
    /// The cabinet's location code, sent as every request's `cabinet`.
    public let code: String
    /// The slots' codes, in the order the reader's neighbour reads follow.
    public private(set) var slots: [String]
    /// What is physically inside.
    public private(set) var contents: [SimulatedTag]
    public private(set) var isDoorOpen = false
    /// Every request sent and its response, in the order the responses came.
    public private(set) var transcript: [CabinetExchange] = []
    private var scanner: InventoryScanner
    private var link: any CabinetChannel
    private var nextID = 1
    private var nextRound = 1
    private var observer: (@Sendable (CabinetTraffic) -> Void)?

    /// - Parameters:
    ///   - slots: the slots' codes; none to take the ledger's from the first ``hello(adapter:)``.
    ///   - contents: what lies inside at the start; every slot one of `slots`, every UID once.
    ///   - link: the channel to the ledger.
    public init(
        code: String, slots: [String], contents: [SimulatedTag] = [], noise: ReadNoise = .perfect,
        link: any CabinetChannel
    ) {
        precondition(Set(slots).count == slots.count, "slot codes must be distinct")
        precondition(contents.allSatisfy { slots.contains($0.slot) }, "every tag must lie in one of the slots")
        precondition(Set(contents.map(\.uid)).count == contents.count, "a tag can lie in one slot only")
        self.code = code
        self.slots = slots
        self.contents = contents
        self.link = link
        scanner = InventoryScanner(slots: slots, noise: noise)
    }

    /// Calls `observer` for every line sent and every response received, as it happens (the demo prints them).
    public func observe(_ observer: (@Sendable (CabinetTraffic) -> Void)?) {
        self.observer = observer
    }

    // MARK: Messages

    /// `hello`: the ledger answers with the cabinet's name and slots. A cabinet made without slots takes these.
    public func hello(adapter: String = "ledger-cabinet-sim") async throws -> CabinetResponse {
        let response = try await request(type: "hello", fields: ["adapter": .string(adapter)])
        if slots.isEmpty, let described = response.cabinet?.slots.map(\.code), Set(described).count == described.count {
            slots = described
            scanner.slots = described
        }
        return response
    }

    /// `authorize` with an officer's badge.
    public func authorize(badge: String) async throws -> CabinetResponse {
        try await authorize(.badge(badge))
    }

    /// `authorize` with a police IC card's UID.
    public func authorize(card: String) async throws -> CabinetResponse {
        try await authorize(.card(card))
    }

    /// `authorize` with two badges, for the two-person rule: the officer's and a witness's (a clerk's).
    public func authorize(badge: String, witnessBadge: String) async throws -> CabinetResponse {
        try await authorize(.badge(badge), witness: .badge(witnessBadge))
    }

    /// `authorize` with any credential, and a witness's if given.
    public func authorize(_ credential: CabinetCredential, witness: CabinetCredential? = nil) async throws
        -> CabinetResponse
    {
        var fields: [String: JSONValue] = ["credential": credential.json]
        if let witness { fields["witness"] = witness.json }
        return try await request(type: "authorize", fields: fields)
    }

    /// The door opens, then `door` `opened` is reported.
    public func openDoor(session: JSONValue) async throws -> CabinetResponse {
        isDoorOpen = true
        return try await request(type: "door", fields: ["session": session, "state": "opened"])
    }

    /// The door closes, then `door` `closed` is reported.
    public func closeDoor(session: JSONValue) async throws -> CabinetResponse {
        isDoorOpen = false
        return try await request(type: "door", fields: ["session": session, "state": "closed"])
    }

    /// One `inventory` round of what is physically inside, through the reader's noise.
    /// - Parameter complete: false sends a round cut short (`complete: false`, only some slots read), which the
    ///   ledger must not count.
    public func inventoryRound(session: JSONValue?, complete: Bool = true) async throws -> CabinetResponse {
        let reads = scanner.scan(contents, complete: complete)
        var fields: [String: JSONValue] = [
            "round": .integer(nextRound), "complete": .bool(complete), "tags": .array(reads.map(\.json)),
        ]
        nextRound += 1
        if let session { fields["session"] = session }
        return try await request(type: "inventory", fields: fields)
    }

    /// Complete rounds while the response says `more: true`, at most `maxRounds` of them.
    /// - Returns: the last response: reconciled, an error, or still `more` after `maxRounds`.
    public func inventoryUntilReconciled(session: JSONValue?, maxRounds: Int = 20) async throws -> CabinetResponse {
        precondition(maxRounds >= 1, "at least one round")
        var response = try await inventoryRound(session: session)
        var rounds = 1
        while response.isOK && response.wantsAnotherRound && rounds < maxRounds {
            response = try await inventoryRound(session: session)
            rounds += 1
        }
        return response
    }

    /// `alarm` of `kind` (`door-forced`, `door-left-open`, `tamper`, `power`, …).
    public func alarm(kind: String, session: JSONValue? = nil) async throws -> CabinetResponse {
        var fields: [String: JSONValue] = ["kind": .string(kind)]
        if let session { fields["session"] = session }
        return try await request(type: "alarm", fields: fields)
    }

    /// A request of `type` with `fields`, in the envelope (`v`, the next `id`, `type`, `cabinet`), for messages
    /// this type has no method for. The response must echo the id (or carry `null`).
    public func request(type: String, fields: [String: JSONValue]) async throws -> CabinetResponse {
        let id = JSONValue.integer(nextID)
        nextID += 1
        var members = fields
        members["v"] = 1
        members["id"] = id
        members["type"] = .string(type)
        members["cabinet"] = .string(code)
        let response = try await exchange(Array(JSONValue.object(members).jsonText.utf8))
        guard response.id == id || response.id == .null else {
            throw SimulatedCabinetError.responseIDMismatch(sent: id, received: response.id)
        }
        return response
    }

    /// Sends `line` as it is (a newline added), for malformed-line tests; the response's id is not checked.
    public func sendRaw(_ line: String) async throws -> CabinetResponse {
        try await exchange(Array(line.utf8))
    }

    /// Sends `bytes` as one line (a newline added): lines that are not UTF-8, or longer than the limit.
    public func sendRaw(bytes: [UInt8]) async throws -> CabinetResponse {
        try await exchange(bytes)
    }

    private func exchange(_ line: [UInt8]) async throws -> CabinetResponse {
        let text = String(decoding: line, as: UTF8.self)
        observer?(.sent(text))
        let response = try CabinetResponse(line: try await link.exchange(line, timeout: link.responseTimeout))
        transcript.append(CabinetExchange(request: text, response: response))
        observer?(.received(response))
        return response
    }

    // MARK: The physical cabinet

    /// Lays `tags` inside without opening the door: the cabinet's contents before the scenario starts.
    public func stock(_ tags: [SimulatedTag]) throws {
        for tag in tags {
            guard slots.contains(tag.slot) else { throw SimulatedCabinetError.unknownSlot(tag.slot) }
            guard !contents.contains(where: { $0.uid == tag.uid }) else {
                throw SimulatedCabinetError.tagAlreadyInside(tag.uid)
            }
            contents.append(tag)
        }
    }

    /// Takes the tag `uid` out; the door must be open.
    @discardableResult
    public func take(uid: String) throws -> SimulatedTag {
        guard isDoorOpen else { throw SimulatedCabinetError.doorClosed }
        guard let index = contents.firstIndex(where: { $0.uid == uid }) else {
            throw SimulatedCabinetError.tagNotInside(uid)
        }
        return contents.remove(at: index)
    }

    /// Puts the tag `uid` into `slot`; the door must be open.
    public func put(uid: String, slot: String) throws {
        guard isDoorOpen else { throw SimulatedCabinetError.doorClosed }
        guard slots.contains(slot) else { throw SimulatedCabinetError.unknownSlot(slot) }
        guard !contents.contains(where: { $0.uid == uid }) else { throw SimulatedCabinetError.tagAlreadyInside(uid) }
        contents.append(SimulatedTag(uid: uid, slot: slot))
    }

    /// Moves the door without reporting it: a door forced open (then an ``alarm(kind:session:)``), or left
    /// open when the adapter dies.
    public func forceDoor(open: Bool) {
        isDoorOpen = open
    }

    // MARK: The adapter's life

    /// The adapter dies: its channel closes at once, mid-session or not. The physical cabinet stays as it is.
    public func die() async {
        await link.close()
    }

    /// The adapter restarts over `link` (a new hook process, a new connection): the contents, the door, the
    /// reader's generator and the id and round counters go on.
    public func reconnect(over link: any CabinetChannel) {
        self.link = link
    }
}
