import CabinetSimulator

/// A scenario's inputs, from the command line.
struct SimulatorOptions: Equatable, Sendable {
    /// The step after which `--die-after` makes the adapter vanish.
    enum Step: String, CaseIterable, Equatable, Sendable {
        case authorize
        case doorOpened = "door-opened"
        case taken
        case doorClosed = "door-closed"
        case round
    }

    /// The ledger binary to start as `cabinet hook`; nil when `socket` is given.
    var ledger: String?
    /// The socket of `ledger cabinet serve` to connect to, instead of starting a hook.
    var socket: String?
    var store: String?
    var cabinet: String
    var scenario: Scenario
    /// `--lang`, passed on to the ledger; nil leaves the ledger's own choice.
    var language: SimulatorLanguage?
    var credential: CabinetCredential?
    var witness: CabinetCredential?
    var takes: [String] = []
    var alsoTake: String?
    var puts: [SimulatedTag] = []
    var tags: [SimulatedTag] = []
    /// nil: the ledger's, from `hello`.
    var slots: [String]?
    var session: JSONValue?
    var alarmKind = "door-forced"
    var noise = ReadNoise.perfect
    var maxRounds = 20
    var timeout = Duration.seconds(10)
    var dieAfter: Step?
    var showsJSON = false
    var adapter = "ledger-cabinet-sim"

    static let flags: Set<String> = ["help", "json", "no-rssi"]
    static let valued: Set<String> = [
        "ledger", "store", "cabinet", "scenario", "lang", "badge", "card", "witness", "take", "also-take", "put",
        "tag", "slots", "session", "alarm", "miss-rate", "neighbour-rate", "antennas", "seed", "max-rounds",
        "timeout", "die-after", "adapter", "socket",
    ]

    init(
        ledger: String?, socket: String? = nil, store: String? = nil, cabinet: String, scenario: Scenario,
        language: SimulatorLanguage? = nil
    ) {
        self.ledger = ledger
        self.socket = socket
        self.store = store
        self.cabinet = cabinet
        self.scenario = scenario
        self.language = language
    }

    /// From the parsed command line; repeatable options (`--take`, `--put`, `--tag`) keep their order, any other
    /// given twice is refused.
    init(values: [(name: String, value: String)], flags: Set<String>) throws(SimulatorUsageError) {
        var single: [String: String] = [:]
        var repeated: [String: [String]] = [:]
        for (name, value) in values {
            if ["take", "put", "tag"].contains(name) {
                repeated[name, default: []].append(value)
            } else {
                guard single.updateValue(value, forKey: name) == nil else {
                    throw SimulatorUsageError("--\(name) given twice")
                }
            }
        }
        let (ledger, socket) = (single["ledger"], single["socket"])
        guard (ledger == nil) != (socket == nil) else { throw SimulatorUsageError("give --ledger PATH or --socket PATH") }
        if socket != nil, single["store"] != nil { throw SimulatorUsageError("--store goes to `ledger cabinet serve`, not with --socket") }
        guard let cabinet = single["cabinet"] else { throw SimulatorUsageError("--cabinet CODE is required") }
        guard let scenarioName = single["scenario"] else { throw SimulatorUsageError("--scenario NAME is required") }
        guard let scenario = Scenario(rawValue: scenarioName) else {
            let names = Scenario.allCases.map(\.rawValue).joined(separator: ", ")
            throw SimulatorUsageError("unknown scenario '\(scenarioName)' (one of: \(names))")
        }
        let language = try single["lang"].map { (value: String) throws(SimulatorUsageError) -> SimulatorLanguage in
            guard let language = SimulatorLanguage(rawValue: value) else {
                throw SimulatorUsageError("--lang is zh or en, not '\(value)'")
            }
            return language
        }
        self.init(ledger: ledger, socket: socket, store: single["store"], cabinet: cabinet, scenario: scenario, language: language)

        if single["badge"] != nil && single["card"] != nil {
            throw SimulatorUsageError("--badge and --card are two credentials; give one")
        }
        credential = single["badge"].map(CabinetCredential.badge) ?? single["card"].map(CabinetCredential.card)
        witness = single["witness"].map(CabinetCredential.badge)
        takes = repeated["take"] ?? []
        alsoTake = single["also-take"]
        puts = try (repeated["put"] ?? []).map { value throws(SimulatorUsageError) in try Self.tag(value, "put") }
        tags = try (repeated["tag"] ?? []).map { value throws(SimulatorUsageError) in try Self.tag(value, "tag") }
        slots = single["slots"].map { $0.split(separator: ",").map(String.init) }
        session = single["session"].map(Self.session)
        alarmKind = single["alarm"] ?? alarmKind
        adapter = single["adapter"] ?? adapter
        showsJSON = flags.contains("json")
        noise = ReadNoise(
            missRate: try Self.rate(single["miss-rate"], "miss-rate"),
            neighbourRate: try Self.rate(single["neighbour-rate"], "neighbour-rate"),
            duplicateAntennas: try Self.count(single["antennas"], "antennas", default: 1),
            seed: try single["seed"].map { (value: String) throws(SimulatorUsageError) -> UInt64 in
                guard let seed = UInt64(value) else { throw SimulatorUsageError("--seed is a whole number ≥ 0") }
                return seed
            } ?? 1,
            reportsRSSI: !flags.contains("no-rssi"))
        maxRounds = try Self.count(single["max-rounds"], "max-rounds", default: maxRounds)
        if let value = single["timeout"] {
            guard let seconds = Double(value), seconds > 0, seconds.isFinite else {
                throw SimulatorUsageError("--timeout is a number of seconds > 0")
            }
            timeout = .milliseconds(Int64(seconds * 1000))
        }
        if let value = single["die-after"] {
            guard let step = Step(rawValue: value) else {
                let steps = Step.allCases.map(\.rawValue).joined(separator: ", ")
                throw SimulatorUsageError("--die-after is one of: \(steps)")
            }
            dieAfter = step
        }
        try validate()
    }

    private func validate() throws(SimulatorUsageError) {
        switch scenario {
        case .demo:
            guard credential != nil else { throw SimulatorUsageError("the demo needs the officer's --badge or --card") }
            guard takes.count == 1, alsoTake != nil else {
                throw SimulatorUsageError("the demo needs one --take UID (approved) and one --also-take UID (not)")
            }
        case .session:
            guard credential != nil else { throw SimulatorUsageError("a session needs the officer's --badge or --card") }
        case .resume:
            guard session != nil else { throw SimulatorUsageError("resume needs the open session's --session") }
        case .hello, .alarm:
            break
        }
        if let slots, slots.isEmpty || Set(slots).count != slots.count {
            throw SimulatorUsageError("--slots is a list of distinct slot codes: A1,A2,A3")
        }
    }

    /// `SLOT=UID`.
    private static func tag(_ value: String, _ option: String) throws(SimulatorUsageError) -> SimulatedTag {
        let parts = value.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw SimulatorUsageError("--\(option) is SLOT=UID, not '\(value)'")
        }
        return SimulatedTag(uid: parts[1], slot: parts[0])
    }

    /// An integer session as a number, any other as text: the ledger's sessions are echoed as it gave them.
    private static func session(_ value: String) -> JSONValue {
        if let number = Int(value), String(number) == value { return .integer(number) }
        return .string(value)
    }

    private static func rate(_ value: String?, _ option: String) throws(SimulatorUsageError) -> Double {
        guard let value else { return 0 }
        guard let rate = Double(value), (0...1).contains(rate) else {
            throw SimulatorUsageError("--\(option) is a probability from 0 to 1, not '\(value)'")
        }
        return rate
    }

    private static func count(_ value: String?, _ option: String, default fallback: Int) throws(SimulatorUsageError)
        -> Int
    {
        guard let value else { return fallback }
        guard let count = Int(value), count >= 1 else { throw SimulatorUsageError("--\(option) is a whole number ≥ 1") }
        return count
    }
}
