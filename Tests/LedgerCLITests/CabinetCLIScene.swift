import CabinetSimulator
import Foundation
import Testing

@testable import PropertyLedger

/// A store with a smart cabinet, built through the real binary, and simulated cabinets that talk to the real
/// `ledger cabinet hook` and `ledger cabinet serve`: the officers and case of ``CustodyCLITests/withCase(_:)``,
/// cabinet `CAB-01` with slots `A1` and `A2` holding the bicycle (`bike`, chip 04B1000001) and the phone
/// (`phone`, chip 04B1000002), and six more items that stay put (chips 04B1000011…16, three in each slot: a
/// cabinet's other tags show the reconciler that its reader works); 李明 (000002) has card 0B0B0B02 and an
/// approval to take the bike at the cabinet.
struct CabinetCLIScene {
    let directory: URL
    let ledger: ([String]) throws -> CLITests.Result
    let bike, phone: String

    static let bikeChip = "04B1000001"
    static let phoneChip = "04B1000002"
    static let card = "0B0B0B02"
    /// The items that stay in the cabinet, by chip and slot.
    static let others = (1...6).map { (uid: "04B10000" + String(10 + $0), slot: $0 % 2 == 0 ? "A2" : "A1") }
    static var store: String { "ledger.db" }

    static func with(_ body: (CabinetCLIScene) async throws -> Void) async throws {
        try await CustodyCLITests.withCase { directory, ledger in
            func run(_ arguments: [String]) throws -> CLITests.Result {
                let result = try ledger(arguments)
                #expect(result.status == 0, "\(arguments): \(result.stderr)")
                return result
            }
            func registered(_ name: String) throws -> String {
                let arguments = [
                    "item", "register", "--case", CustodyCLITests.caseNumber, "--name", name, "--quantity", "1", "--unit", "件",
                    "--seized-by", "000002,000003", "--json", "--actor", "000002",
                ]
                return try #require(try DryRunCLITests.json(try run(arguments))["id"] as? String)
            }
            for slot in ["A1", "A2"] {
                _ = try run(["location", "add", slot, "--kind", "slot", "--parent", "CAB-01", "--name", slot + " 格", "--actor", "000004"])
            }
            let bike = try registered("自行车")
            let phone = try registered("手机")
            for (number, other) in others.enumerated() {
                let id = try registered("物证\(number + 1)")
                for arguments in [["chip", "bind", id, other.uid], ["checkin", id, "--to", other.slot]] {
                    _ = try run(arguments + ["--actor", "000004"])
                }
            }
            for arguments in [
                ["chip", "bind", bike, bikeChip], ["chip", "bind", phone, phoneChip], ["checkin", bike, "--to", "A1"],
                ["checkin", phone, "--to", "A2"], ["officer", "card", "000002", card],
                [
                    "checkout", bike, "--to", "000002", "--reason", "appraisal", "--approved-by", "000001", "--due",
                    VaultCLIScene.day(daysFromNow: 3), "--at-cabinet",
                ],
            ] {
                _ = try run(arguments + ["--actor", "000004"])
            }
            try await body(CabinetCLIScene(directory: directory, ledger: ledger, bike: bike, phone: phone))
        }
    }

    /// The environment the CLI tests run `ledger` in.
    var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for key in ["LC_ALL", "LC_MESSAGES", "LANG", "LEDGER_STORE", "LEDGER_PRIVATE_KEY"] { environment[key] = nil }
        environment["LEDGER_LANG"] = "en"
        environment["HOME"] = directory.path
        return environment
    }

    /// `ledger cabinet hook CAB-01` as a child process, its stdin and stdout the channel.
    func hook(_ cabinet: String = "CAB-01") async throws -> ProcessCabinetChannel {
        try await ProcessCabinetChannel.spawn(
            executable: try CLITests.productsDirectory().appendingPathComponent("ledger").path,
            arguments: ["--store", directory.appendingPathComponent(Self.store).path, "cabinet", "hook", cabinet], environment: environment,
            responseTimeout: .seconds(60))
    }

    /// The cabinet as the simulator holds it: the bike in A1 and the phone in A2.
    func cabinet(noise: ReadNoise = .perfect, over link: any CabinetChannel) -> SimulatedCabinet {
        Self.cabinet(noise: noise, over: link)
    }

    /// The same cabinet, for a scene built elsewhere with the same chips and slots (the fault-injection suite's).
    static func cabinet(noise: ReadNoise = .perfect, over link: any CabinetChannel) -> SimulatedCabinet {
        SimulatedCabinet(
            code: "CAB-01", slots: ["A1", "A2"],
            contents: [SimulatedTag(uid: bikeChip, slot: "A1"), SimulatedTag(uid: phoneChip, slot: "A2")]
                + others.map { SimulatedTag(uid: $0.uid, slot: $0.slot) }, noise: noise, link: link)
    }

    func json(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let result = try ledger(arguments + ["--json"])
        #expect(result.status == 0, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        return try DryRunCLITests.json(result)
    }
}
