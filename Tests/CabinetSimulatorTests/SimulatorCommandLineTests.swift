import CabinetSimulator
import Foundation
import Testing

@testable import ledger_cabinet_sim

/// `ledger-cabinet-sim`'s command line: parsing, the ledger's arguments, the transcript's lines.
struct SimulatorCommandLineTests {
    static let required = ["--ledger", "/usr/bin/ledger", "--cabinet", "C-01"]

    static func options(_ arguments: [String]) throws -> SimulatorOptions {
        guard case .run(let options) = try SimulatorCommand.parse(required + arguments) else {
            throw SimulatorUsageError("not a run")
        }
        return options
    }

    static func usageError(_ arguments: [String]) -> String? {
        do {
            _ = try SimulatorCommand.parse(arguments)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func theDemoCommandLineGivesEveryInput() throws {
        let options = try Self.options([
            "--store", "/tmp/s/ledger.db", "--scenario=demo", "--lang", "en", "--badge", "000123", "--tag", "A1=04AA",
            "--tag", "A2=04BB", "--take", "04AA", "--also-take", "04BB", "--miss-rate", "0.1", "--neighbour-rate=0.05",
            "--antennas", "2", "--seed", "99", "--max-rounds", "12", "--timeout", "2.5", "--json",
        ])
        var expected = SimulatorOptions(
            ledger: "/usr/bin/ledger", store: "/tmp/s/ledger.db", cabinet: "C-01", scenario: .demo, language: .en)
        expected.credential = .badge("000123")
        expected.tags = [SimulatedTag(uid: "04AA", slot: "A1"), SimulatedTag(uid: "04BB", slot: "A2")]
        expected.takes = ["04AA"]
        expected.alsoTake = "04BB"
        expected.noise = ReadNoise(missRate: 0.1, neighbourRate: 0.05, duplicateAntennas: 2, seed: 99)
        expected.maxRounds = 12
        expected.timeout = .milliseconds(2500)
        expected.showsJSON = true
        #expect(options == expected)
        let runner = ScenarioRunner(options: options, language: .en) { _ in }
        #expect(runner.ledgerArguments == ["--store", "/tmp/s/ledger.db", "--lang", "en", "cabinet", "hook", "C-01"])
    }

    @Test func withoutStoreOrLanguageTheLedgerChoosesItsOwn() throws {
        let options = try Self.options(["--scenario", "hello"])
        #expect(ScenarioRunner(options: options, language: .zh) { _ in }.ledgerArguments == ["cabinet", "hook", "C-01"])
        #expect(options.noise == .perfect)
    }

    @Test func tagsToBeTakenThatNoTagPlacesLieInTheFirstSlot() throws {
        let options = try Self.options([
            "--scenario", "demo", "--card", "04C0FFEE", "--tag", "A2=04AA", "--take", "04AA", "--also-take", "04BB",
        ])
        #expect(options.credential == .card("04C0FFEE"))
        let runner = ScenarioRunner(options: options, language: .en) { _ in }
        #expect(
            runner.startingContents(firstSlot: "A1") == [
                SimulatedTag(uid: "04AA", slot: "A2"), SimulatedTag(uid: "04BB", slot: "A1"),
            ])
    }

    @Test func sessionsAreNumbersOnlyWhenTheyAreIntegers() throws {
        #expect(try Self.options(["--scenario", "resume", "--session", "17"]).session == .integer(17))
        #expect(try Self.options(["--scenario", "resume", "--session", "S-17"]).session == .string("S-17"))
        #expect(try Self.options(["--scenario", "resume", "--session", "007"]).session == .string("007"))
    }

    @Test func helpIsAskedFor() throws {
        #expect(try SimulatorCommand.parse(["--help"]) == .help)
        #expect(try SimulatorCommand.parse(["--scenario", "demo", "-h"]) == .help)
    }

    @Test(arguments: [
        ([String](), "give --ledger PATH or --socket PATH"),
        (["--ledger", "l", "--socket", "s", "--cabinet", "C", "--scenario", "hello"], "give --ledger PATH or --socket PATH"),
        (
            ["--socket", "s", "--store", "x", "--cabinet", "C", "--scenario", "hello"],
            "--store goes to `ledger cabinet serve`, not with --socket"
        ),
        (["--ledger", "l", "--scenario", "hello"], "--cabinet CODE is required"),
        (["--ledger", "l", "--cabinet", "C"], "--scenario NAME is required"),
        (
            ["--ledger", "l", "--cabinet", "C", "--scenario", "party"],
            "unknown scenario 'party' (one of: hello, demo, session, alarm, resume)"
        ),
        (
            ["--ledger", "l", "--cabinet", "C", "--scenario", "demo", "--badge", "1"],
            "the demo needs one --take UID (approved) and one --also-take UID (not)"
        ),
        (
            ["--ledger", "l", "--cabinet", "C", "--scenario", "demo", "--take", "a", "--also-take", "b"],
            "the demo needs the officer's --badge or --card"
        ),
        (
            ["--ledger", "l", "--cabinet", "C", "--scenario", "session", "--badge", "1", "--card", "2"],
            "--badge and --card are two credentials; give one"
        ),
        (["--ledger", "l", "--cabinet", "C", "--scenario", "resume"], "resume needs the open session's --session"),
        (["--ledger", "l", "--cabinet", "C", "--scenario", "hello", "--tag", "A1"], "--tag is SLOT=UID, not 'A1'"),
        (
            ["--ledger", "l", "--cabinet", "C", "--scenario", "hello", "--miss-rate", "1.5"],
            "--miss-rate is a probability from 0 to 1, not '1.5'"
        ),
        (["--ledger", "l", "--cabinet", "C", "--scenario", "hello", "--antennas", "0"], "--antennas is a whole number ≥ 1"),
        (
            ["--ledger", "l", "--cabinet", "C", "--scenario", "hello", "--die-after", "lunch"],
            "--die-after is one of: authorize, door-opened, taken, door-closed, round"
        ),
        (["--ledger", "l", "--cabinet", "C", "--scenario", "hello", "--lang", "fr"], "--lang is zh or en, not 'fr'"),
        (["--ledger", "l", "--ledger", "m"], "--ledger given twice"),
        (["--ledger"], "--ledger needs a value"),
        (["--json=yes"], "--json takes no value"),
        (["--colour", "red"], "unknown option --colour (see --help)"),
        (["demo"], "unexpected argument 'demo' (see --help)"),
    ])
    func aCommandLineItCannotRunIsRefused(arguments: [String], message: String) {
        #expect(Self.usageError(arguments) == message)
    }

    @Test func theEnvironmentChoosesTheLanguageAsTheLedgerDoes() {
        #expect(SimulatorLanguage.from(environment: [:]) == .zh)
        #expect(SimulatorLanguage.from(environment: ["LANG": "C"]) == .zh)
        #expect(SimulatorLanguage.from(environment: ["LANG": "en_GB.UTF-8"]) == .en)
        #expect(SimulatorLanguage.from(environment: ["LEDGER_LANG": "zh", "LANG": "en_GB.UTF-8"]) == .zh)
        #expect(SimulatorLanguage.from(environment: ["LC_ALL": "", "LC_MESSAGES": "en_US", "LANG": "zh_CN"]) == .en)
    }

    @Test func requestsReadAsOneLineEach() throws {
        let lines = [
            #"{"adapter":"sim","cabinet":"C-01","id":1,"type":"hello","v":1}"#: "hello adapter sim",
            #"{"cabinet":"C-01","credential":{"badge":"000123"},"id":2,"type":"authorize","v":1,"witness":{"card":"04EE"}}"#:
                "authorize badge 000123 witness card 04EE",
            #"{"cabinet":"C-01","id":3,"session":"S-1","state":"opened","type":"door","v":1}"#: "door opened session S-1",
            #"{"cabinet":"C-01","complete":true,"id":4,"round":2,"session":"S-1","tags":[{"uid":"04AA","slot":"A1"},{"uid":"04AA","slot":"A2"}],"type":"inventory","v":1}"#:
                "inventory round 2 complete · 1 tags in 2 reads",
            #"{"cabinet":"C-01","id":5,"kind":"door-forced","type":"alarm","v":1}"#: "alarm door-forced",
            "not json": "not json",
        ]
        for (line, text) in lines { #expect(TrafficLine.request(line) == text) }
    }

    @Test func responsesReadAsOneLineEach() throws {
        let lines = [
            #"{"v":1,"id":1,"ok":true,"protocol":1,"cabinet":{"code":"C-01","name":"一号柜","slots":[{"code":"A1"},{"code":"A2"}]}}"#:
                #"cabinet C-01 "一号柜" · slots A1 A2"#,
            #"{"v":1,"id":2,"ok":true,"allow":true,"session":"S-1","officer":{"badge":"000123","name":"张三"},"expect":{"take":[{"object":"W-1"}],"put":[]}}"#:
                "allow session S-1 · officer 000123 张三 · take W-1 · put –",
            #"{"v":1,"id":2,"ok":true,"allow":false,"reason":"cabinet-nothing-to-do","message":"无可取可放之物","expect":{"take":[],"put":[]}}"#:
                "deny cabinet-nothing-to-do: 无可取可放之物",
            #"{"v":1,"id":3,"ok":true}"#: "ok",
            #"{"v":1,"id":4,"ok":true,"reconciled":null,"more":true,"reason":"cabinet-rounds-disagree"}"#:
                "more: cabinet-rounds-disagree",
            #"{"v":1,"id":5,"ok":true,"reconciled":{"session":"S-1","taken":["W-1"],"returned":[],"checkedIn":[],"findings":[{"id":"F-1","kind":"unauthorised-removal"}]}}"#:
                "reconciled session S-1 · taken W-1 · returned – · checked in – · findings 1",
            #"{"v":1,"id":6,"ok":true,"finding":"F-2"}"#: "finding F-2",
            #"{"v":1,"id":null,"ok":false,"error":{"reason":"cabinet-line-not-json","message":"不是 JSON"}}"#:
                "error cabinet-line-not-json: 不是 JSON",
        ]
        for (line, text) in lines { #expect(TrafficLine.response(try CabinetResponse(line: line)) == text) }
    }
}
