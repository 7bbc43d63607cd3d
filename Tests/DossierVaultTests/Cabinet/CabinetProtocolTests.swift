import DossierVault
import Foundation
import LedgerPresentation
import Testing

@testable import PropertyLedger

/// Protocol v1 as a vendor's adapter meets it: every line gets one response line; a bad line gets an error
/// response with a reason, and the connection's next request is answered as usual.
struct CabinetProtocolTests {
    @Test(arguments: [
        ("{not json", "cabinet-line-not-json"),
        ("[1,2]", "cabinet-version-unsupported"),
        (#"{"id":1,"type":"hello","cabinet":"CAB"}"#, "cabinet-version-unsupported"),
        (#"{"v":2,"id":1,"type":"hello","cabinet":"CAB"}"#, "cabinet-version-unsupported"),
        (#"{"v":1,"type":"hello","cabinet":"CAB"}"#, "cabinet-field-invalid"),
        (#"{"v":1,"id":1,"type":"reboot","cabinet":"CAB"}"#, "cabinet-type-unknown"),
        (#"{"v":1,"id":1,"type":"hello"}"#, "cabinet-field-invalid"),
        (#"{"v":1,"id":1,"type":"hello","cabinet":"NOPE"}"#, "cabinet-unknown"),
        (#"{"v":1,"id":1,"type":"hello","cabinet":"ROOM"}"#, "cabinet-unknown"),
        (#"{"v":1,"id":1,"type":"authorize","cabinet":"CAB"}"#, "cabinet-field-invalid"),
        (#"{"v":1,"id":1,"type":"authorize","cabinet":"CAB","credential":{"badge":"O1","card":"0B0B0B01"}}"#, "cabinet-field-invalid"),
        (#"{"v":1,"id":1,"type":"authorize","cabinet":"CAB","credential":{"card":"xyz"}}"#, "cabinet-field-invalid"),
        (#"{"v":1,"id":1,"type":"door","cabinet":"CAB","session":"S1","state":"ajar"}"#, "cabinet-field-invalid"),
        (#"{"v":1,"id":1,"type":"inventory","cabinet":"CAB","round":1,"complete":1,"tags":[]}"#, "cabinet-field-invalid"),
        (#"{"v":1,"id":1,"type":"inventory","cabinet":"CAB","round":1,"complete":true,"tags":[{"uid":"zz"}]}"#, "cabinet-field-invalid"),
        (
            #"{"v":1,"id":1,"type":"inventory","cabinet":"CAB","round":1,"complete":true,"tags":[{"uid":"04A1000001","rssi":"x"}]}"#,
            "cabinet-field-invalid"
        ),
        (#"{"v":1,"id":1,"type":"inventory","cabinet":"CAB","round":true,"complete":true,"tags":[]}"#, "cabinet-field-invalid"),
        (#"{"v":1,"id":1,"type":"alarm","cabinet":"CAB","kind":"DOOR FORCED"}"#, "cabinet-alarm-kind-invalid"),
        (#"{"v":1,"id":1,"type":"door","cabinet":"CAB","session":"S999","state":"opened"}"#, "cabinet-session-unknown"),
    ])
    func aBadLineGetsAnErrorAndTheConnectionGoesOn(line: String, reason: String) async throws {
        try await CabinetScene.with { scene in
            let before = try await scene.vault.dump()
            let response = try await scene.sendLine(Array(line.utf8))
            #expect(response["v"] as? Int == 1)
            #expect(response["ok"] as? Bool == false, "\(response)")
            #expect(response.errorReason == reason, "\(response)")
            let message = (response["error"] as? [String: Any])?["message"] as? String
            #expect(message?.isEmpty == false)
            #expect(try await scene.vault.dump() == before, "a bad line wrote something")
            let hello = try await scene.send(["v": 1, "id": "next", "type": "hello", "cabinet": "CAB", "adapter": "test"])
            #expect(hello["ok"] as? Bool == true, "\(hello)")
            #expect(hello["id"] as? String == "next")
        }
    }

    @Test func theIDIsEchoedAsItCame() async throws {
        try await CabinetScene.with { scene in
            #expect(try await scene.send(["v": 1, "id": 42, "type": "hello", "cabinet": "CAB"])["id"] as? Int == 42)
            #expect(try await scene.send(["v": 1, "id": "abc", "type": "hello", "cabinet": "CAB"])["id"] as? String == "abc")
            // Unreadable: no id to echo, so null.
            let response = try await scene.sendLine(Array("{oops".utf8))
            #expect(response["id"] is NSNull)
        }
    }

    @Test func anOverlongLineIsAnsweredWithItsOwnReason() async throws {
        try await CabinetScene.with { scene in
            let line = await scene.service.respondToOverlongLine()
            let response = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(response.errorReason == "cabinet-line-too-long")
            #expect(((response["error"] as? [String: Any])?["args"] as? [String: String])?["limit"] == "65536")
        }
    }

    @Test func helloNamesTheCabinetAndItsSlots() async throws {
        try await CabinetScene.with { scene in
            let response = try await scene.send(["v": 1, "id": 1, "type": "hello", "cabinet": "CAB", "adapter": "vendor 1.0"])
            let cabinet = try #require(response["cabinet"] as? [String: Any])
            #expect(cabinet["code"] as? String == "CAB")
            #expect(cabinet["name"] as? String == "智能柜")
            let slots = try #require(cabinet["slots"] as? [[String: Any]])
            #expect(slots.compactMap { $0["code"] as? String } == ["A1", "A2", "B1"])
            #expect(response["protocol"] as? Int == 1)
            #expect(response["session"] is NSNull)
        }
    }

    @Test func aConnectionServingOneCabinetRefusesAnother() async throws {
        try await CabinetScene.with { scene in
            let response = try await scene.send(["v": 1, "id": 1, "type": "hello", "cabinet": "CENTRAL-CAB"], servingOnly: "CAB")
            #expect(response.errorReason == "cabinet-mismatch")
        }
    }

    @Test func refusalsAreWordedInTheCabinetsLanguage() async throws {
        try await CabinetScene.with { scene in
            let chinese = CabinetService(store: scene.vault.store, language: .zh)
            let line = await chinese.respond(to: Array(#"{"v":1,"id":1,"type":"reboot","cabinet":"CAB"}"#.utf8))
            #expect(line.contains("未知的请求类型"), "\(line)")
        }
    }
}
