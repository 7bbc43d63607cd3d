import CabinetSimulator
import Foundation
import Testing

@testable import PropertyLedger

/// The smart cabinet end to end: a simulated vendor adapter speaking protocol v1 to the real `ledger cabinet
/// hook` and `ledger cabinet serve` processes, then what `show`, `findings`, `bulletin` and `finding resolve`
/// make of it.
@Suite(.offThePool)
struct CabinetCLITests {
    /// The demo's story: 李明 takes the bike he was approved to take, and the phone he was not.
    private func takeApprovedAndOneMore(_ cabinet: SimulatedCabinet) async throws -> CabinetResponse {
        let hello = try await cabinet.hello()
        #expect(hello.isOK, "\(hello.line)")
        let allowed = try await cabinet.authorize(card: CabinetCLIScene.card)
        #expect(allowed.isAllowed, "\(allowed.line)")
        #expect(allowed.expectedTakes.compactMap(\.stringValue).count == 1)
        let session = try #require(allowed.session)
        #expect(try await cabinet.openDoor(session: session).isOK)
        try await cabinet.take(uid: CabinetCLIScene.bikeChip)
        try await cabinet.take(uid: CabinetCLIScene.phoneChip)
        #expect(try await cabinet.closeDoor(session: session).isOK)
        return try await cabinet.inventoryUntilReconciled(session: session, maxRounds: 40)
    }

    @Test(arguments: [ReadNoise.perfect, ReadNoise(missRate: 0.2, neighbourRate: 0.1, duplicateAntennas: 2, seed: 7)])
    func anApprovedTakeIsACheckOutAndTheOtherAFinding(noise: ReadNoise) async throws {
        try await CabinetCLIScene.with { scene in
            let hook = try await scene.hook()
            let cabinet = scene.cabinet(noise: noise, over: hook)
            let response = try await takeApprovedAndOneMore(cabinet)
            let reconciled = try #require(response.reconciled, "\(response.line)")
            #expect(reconciled.taken.compactMap(\.stringValue) == [scene.bike])
            #expect(reconciled.findings.map(\.kind) == ["unauthorised-removal"])
            #expect(reconciled.findings.first?.object?.stringValue == scene.phone)
            try await hook.finishWriting()
            #expect(try await hook.exit(within: .seconds(30)) == .exited(0))

            // The check-out, recorded by the officer the cabinet identified, through the cabinet.
            let bike = try scene.json(["show", scene.bike])
            #expect(bike["status"] as? String == "checked-out")
            #expect(bike["holder"] as? String == "000002")
            let history = try scene.json(["history", scene.bike])
            let last = try #require((history["entries"] as? [[String: Any]])?.last)
            #expect(last["actor"] as? String == "000002")
            // The phone stays where the ledger had it: a finding is never custody.
            #expect(try scene.json(["show", scene.phone])["status"] as? String == "in-storage")

            let findings = try scene.json(["findings", "--open"])
            let finding = try #require((findings["findings"] as? [[String: Any]])?.first)
            #expect(finding["kind"] as? String == "unauthorised-removal")
            #expect(finding["officer"] as? String == "000002")
            let id = try #require(finding["id"] as? String)
            let text = try scene.ledger(["findings"]).stdout
            #expect(text.contains("unauthorised removal") && text.contains(scene.phone), "\(text)")

            // The open finding shows beside the object and in the list of what is due.
            let phone = try scene.json(["show", scene.phone])
            #expect((phone["findings"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [id], "\(phone)")
            #expect(try scene.ledger(["show", scene.phone]).stdout.contains(id))
            let due = try scene.json(["due"])
            #expect((due["findings"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [id], "\(due)")
            #expect(try scene.ledger(["due"]).stdout.contains("Open cabinet findings (1):"))

            let bulletin = try scene.json(["bulletin"])
            let sections = (bulletin["units"] as? [[String: Any]])?.flatMap { $0["sections"] as? [[String: Any]] ?? [] } ?? []
            let rows = sections.filter { $0["id"] as? String == "cabinet-findings" }.flatMap { $0["rows"] as? [[String: Any]] ?? [] }
            #expect(rows.compactMap { $0["object"] as? String } == [scene.phone], "\(sections)")

            let refused = try scene.ledger(["finding", "resolve", id, "--note", "已追回", "--actor", "000004"])
            #expect(refused.status == 2, "\(refused.stderr)")
            let resolved = try scene.ledger(["finding", "resolve", id, "--note", "已追回并补办出库", "--actor", "000001"])
            #expect(resolved.status == 0, "\(resolved.stderr)")
            #expect((try scene.json(["findings", "--open"])["findings"] as? [Any])?.isEmpty == true)
            #expect(try scene.ledger(["rebuild", "--check"]).status == 0)
            #expect(try scene.ledger(["verify"]).status == 0)
        }
    }

    @Test func aSessionSurvivesTheHookDyingAfterTheDoorClosed() async throws {
        try await CabinetCLIScene.with { scene in
            let first = try await scene.hook()
            let cabinet = scene.cabinet(over: first)
            let allowed = try await cabinet.authorize(badge: "000002")
            let session = try #require(allowed.session)
            #expect(try await cabinet.openDoor(session: session).isOK)
            try await cabinet.take(uid: CabinetCLIScene.bikeChip)
            #expect(try await cabinet.closeDoor(session: session).isOK)
            // One round, then the ledger's process dies before the rounds agree.
            let round = try await cabinet.inventoryRound(session: session)
            #expect(round.wantsAnotherRound, "\(round.line)")
            first.kill()
            _ = try await first.exit(within: .seconds(30))

            let second = try await scene.hook()
            await cabinet.reconnect(over: second)
            let hello = try await cabinet.hello()
            #expect(hello.fields["session"]?["session"] == session, "\(hello.line)")
            let response = try await cabinet.inventoryUntilReconciled(session: session, maxRounds: 40)
            #expect(response.reconciled?.taken.compactMap(\.stringValue) == [scene.bike], "\(response.line)")
            #expect(response.reconciled?.findings.isEmpty == true)
            await cabinet.die()
            let sessions = try scene.json(["cabinet", "sessions"])
            #expect((sessions["sessions"] as? [[String: Any]])?.first?["state"] as? String == "reconciled")
        }
    }

    @Test func theDaemonServesCabinetsOverItsSocketAndStopsOnSIGTERM() async throws {
        try await CabinetCLIScene.with { scene in
            let socket = scene.directory.appendingPathComponent("cabinets.sock").path
            let daemon = try await ProcessCabinetChannel.spawn(
                executable: try CLITests.productsDirectory().appendingPathComponent("ledger").path,
                arguments: [
                    "--store", scene.directory.appendingPathComponent(CabinetCLIScene.store).path, "cabinet", "serve", "--socket", socket,
                ],
                environment: scene.environment, responseTimeout: .seconds(60))
            // It says when it listens.
            let ready = try await daemon.receiveLine(timeout: .seconds(60))
            #expect(ready.contains(socket), "\(ready)")
            var info = stat()
            #expect(stat(socket, &info) == 0)
            #expect(info.st_mode & 0o777 == 0o660)

            // Two adapters at once: one takes, the other only asks.
            let taker = scene.cabinet(over: try await SocketCabinetChannel.connect(to: socket, responseTimeout: .seconds(60)))
            let asker = scene.cabinet(over: try await SocketCabinetChannel.connect(to: socket, responseTimeout: .seconds(60)))
            async let taking = takeApprovedAndOneMore(taker)
            async let asking = asker.hello()
            let (taken, hello) = try await (taking, asking)
            #expect(hello.isOK)
            #expect(taken.reconciled?.taken.compactMap(\.stringValue) == [scene.bike], "\(taken.line)")
            // A second daemon on the same socket is refused.
            let second = try scene.ledger(["cabinet", "serve", "--socket", socket])
            #expect(second.status == 9, "\(second.stderr)")
            #expect(second.stderr.contains("already listening"), "\(second.stderr)")
            await taker.die()
            await asker.die()

            // The vendor's simulator on the same socket (`ledger-cabinet-sim --socket`): a whole session by the
            // clerk, nothing moved, reconciled with no finding — as the load test's cabinets run it.
            let tags = ["--tag", "A2=" + CabinetCLIScene.phoneChip] + CabinetCLIScene.others.flatMap { ["--tag", "\($0.slot)=\($0.uid)"] }
            let simulated = try CLITests.ledgerLike(
                try CLITests.productsDirectory().appendingPathComponent("ledger-cabinet-sim").path,
                ["--socket", socket, "--cabinet", "CAB-01", "--scenario", "session", "--badge", "000004", "--lang", "en"] + tags,
                environment: scene.environment, in: scene.directory)
            #expect(simulated.status == 0, "\(simulated.stdout)\(simulated.stderr)")
            #expect(simulated.stdout.contains("← reconciled session S") && simulated.stdout.contains("findings 0"), "\(simulated.stdout)")

            daemon.terminate()
            #expect(try await daemon.exit(within: .seconds(30)) == .exited(0))
            #expect(!FileManager.default.fileExists(atPath: socket))
        }
    }

    @Test func badStartsSayWhyAndExitWithTheirStatus() async throws {
        try await CabinetCLIScene.with { scene in
            let unknown = try scene.ledger(["cabinet", "hook", "NOPE"])
            #expect(unknown.status == 3, "\(unknown.stderr)")
            #expect(unknown.stderrLines.count == 1)
            let file = scene.directory.appendingPathComponent("not-a-socket")
            try Data("x".utf8).write(to: file)
            let notSocket = try scene.ledger(["cabinet", "serve", "--socket", file.path])
            #expect(notSocket.status == 9, "\(notSocket.stderr)")
            #expect(try Data(contentsOf: file) == Data("x".utf8))
            let group = try scene.ledger(["cabinet", "serve", "--socket", file.path + ".sock", "--group", "no-such-group-here"])
            #expect(group.status == 64, "\(group.stderr)")
            // `--at-cabinet` approved by someone who is not a supervisor is refused, and writes nothing.
            let size = try scene.json(["checkpoint"])["size"] as? Int
            let room = try scene.ledger([
                "checkout", scene.phone, "--to", "000003", "--reason", "court", "--approved-by", "000002", "--due",
                VaultCLIScene.day(daysFromNow: 2), "--at-cabinet", "--actor", "000004",
            ])
            #expect(room.status == 2, "\(room.stderr)")
            #expect(try scene.json(["checkpoint"])["size"] as? Int == size)
        }
    }

    @Test func theStatusShowsSlotsSessionAndFindings() async throws {
        try await CabinetCLIScene.with { scene in
            let status = try scene.json(["cabinet", "status", "CAB-01"])
            let slots = try #require(status["slots"] as? [[String: Any]])
            #expect(slots.compactMap { $0["code"] as? String } == ["A1", "A2"])
            #expect((slots.first?["objects"] as? [String])?.first == scene.bike)
            #expect(status["session"] == nil || status["session"] is NSNull)
            let text = try scene.ledger(["cabinet", "status", "CAB-01"]).stdout
            #expect(text.contains("A1: \(scene.bike)"), "\(text)")
        }
    }
}
