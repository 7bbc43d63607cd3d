import CabinetSimulator
import Foundation
import Testing

struct JSONValueTests {
    @Test func booleansIntegersAndFractionsStayApart() throws {
        let value = try JSONValue(
            parsing: Data(#"{"t":true,"f":false,"one":1,"zero":0,"half":0.5,"big":12345678901234,"n":null,"s":"证"}"#.utf8))
        #expect(value["t"] == .bool(true))
        #expect(value["f"] == .bool(false))
        #expect(value["one"] == .integer(1))
        #expect(value["zero"] == .integer(0))
        #expect(value["half"] == .number(0.5))
        #expect(value["big"] == .integer(12_345_678_901_234))
        #expect(value["n"] == .null)
        #expect(value["s"] == .string("证"))
        #expect(value["missing"] == nil)
    }

    @Test func textRoundTripsThroughJSONSerialization() throws {
        let value: JSONValue = [
            "v": 1, "ok": true, "list": [1, "二", .null, false], "rssi": .number(-45.3), "path": "a/b",
        ]
        let text = value.jsonText
        #expect(!text.contains("\n"))
        #expect(text.contains(#""path":"a/b""#), "slashes are not escaped")
        #expect(text.contains(#""rssi":-45.3"#))
        #expect(try JSONValue(parsing: Data(text.utf8)) == value)
        #expect(JSONValue.string("S-1").description == "S-1")
        #expect(JSONValue.integer(7).description == "7")
    }
}
