import Foundation
import Testing

@testable import LabelRenderer

/// Template files are agency-edited input: each mistake is refused with its stable reason, naming the field and
/// key, and the templates compiled into `ledger` are the files in `Labels/`.
struct LabelTemplateTests {
    static let labelsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Labels")

    @Test func builtInsAreTheFilesInLabels() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.labelsDirectory.path).filter { $0.hasSuffix(".json") }
        #expect(Set(files.map { String($0.dropLast(5)) }) == Set(LabelTemplate.builtInNames))
        #expect(Set(LabelTemplate.builtInNames).isSuperset(of: ["item-40x30", "item-50x30", "dossier-spine", "dossier-cover"]))
        for file in files {
            let contents = try String(contentsOf: Self.labelsDirectory.appendingPathComponent(file), encoding: .utf8)
            let name = String(file.dropLast(5))
            // The generator strips the file's final newline; anything else differing means it was not re-run.
            #expect(
                LabelTemplate.builtInSources[name] == contents.trimmingSuffixNewline,
                "\(file) differs from BuiltInTemplates.swift: run scripts/embed-label-templates.sh")
            let template = try #require(try LabelTemplate.builtIn(named: name, vocabulary: LabelLayoutTests.vocabulary))
            #expect(template.name == name)
        }
    }

    @Test func theDefaultTemplatesFitTheirObjects() throws {
        for object in LabelObject.allCases {
            let template = try #require(
                try LabelTemplate.builtIn(named: LabelTemplate.defaultName(for: object), vocabulary: LabelLayoutTests.vocabulary))
            #expect(template.object == object)
        }
    }

    static let valid = """
        {"format": "pl-label-template/1", "object": "item", "size": [40, 30], "fields": [
          {"text": "{name}", "box": [1, 1, 20, 4]},
          {"qr": "PL1:{id}", "box": [25, 1, 13, 13]},
          {"code128": "{id}", "box": [0, 18, 40, 11]}
        ]}
        """

    static func parse(_ source: String) throws(LabelTemplateError) -> LabelTemplate {
        try LabelTemplate(parsing: Data(source.utf8), name: "mine", vocabulary: LabelLayoutTests.vocabulary)
    }

    /// `valid` with the first occurrence of `old` replaced by `new`.
    static func refusal(replacing old: String, with new: String) -> LabelTemplateError? {
        precondition(valid.contains(old), "the fixture holds \(old)")
        let range = valid.range(of: old)!
        do {
            _ = try parse(valid.replacingCharacters(in: range, with: new))
            return nil
        } catch {
            return error
        }
    }

    @Test func theFixtureItselfParses() throws {
        let template = try Self.parse(Self.valid)
        #expect(template.name == "mine" && template.object == .item && template.fields.count == 3)
    }

    static let refusals: [(old: String, new: String, reason: String, field: String?, key: String?)] = [
        ("{\"format\"", "{\"colour\": 1, \"format\"", "label-template-key-unknown", "0", "colour"),
        ("\"box\": [1, 1, 20, 4]}", "\"box\": [1, 1, 20, 4], \"sise\": 3}", "label-template-key-unknown", "1", "sise"),
        ("pl-label-template/1", "pl-label-template/2", "label-template-format", nil, nil),
        ("\"item\"", "\"parcel\"", "label-template-value-invalid", "0", "object"),
        ("[40, 30]", "[40]", "label-template-value-invalid", "0", "size"),
        ("[40, 30]", "[4000, 30]", "label-template-value-invalid", "0", "size"),
        ("[40, 30]", "[\"40\", 30]", "label-template-value-invalid", "0", "size"),
        ("[40, 30]", "[true, 30]", "label-template-value-invalid", "0", "size"),
        ("[1, 1, 20, 4]", "[1, 1, 0, 4]", "label-template-value-invalid", "1", "box"),
        ("[1, 1, 20, 4]", "[1, 1, -20, 4]", "label-template-value-invalid", "1", "box"),
        ("\"box\": [1, 1, 20, 4]}", "\"box\": [1, 1, 20, 4], \"size\": 0}", "label-template-value-invalid", "1", "size"),
        ("\"box\": [1, 1, 20, 4]}", "\"box\": [1, 1, 20, 4], \"bold\": 1}", "label-template-value-invalid", "1", "bold"),
        ("\"box\": [1, 1, 20, 4]}", "\"box\": [1, 1, 20, 4], \"align\": \"middle\"}", "label-template-value-invalid", "1", "align"),
        ("{name}", "{owner-phone}", "label-template-placeholder-unknown", "1", nil),
        ("{name}", "{name", "label-template-value-invalid", "1", "text"),
        ("{name}", "}", "label-template-value-invalid", "1", "text"),
        ("{name}", "{}", "label-template-value-invalid", "1", "text"),
        ("{\"text\": \"{name}\",", "{\"qr\": \"x\", \"text\": \"{name}\",", "label-template-field-kind", "1", nil),
        ("{\"text\": \"{name}\", \"box\": [1, 1, 20, 4]}", "[1, 2]", "label-template-field-kind", "1", nil),
        ("[25, 1, 13, 13]", "[30, 1, 13, 13]", "label-template-outside", "2", nil),
        ("[0, 18, 40, 11]", "[0, 18, 40, 13]", "label-template-outside", "3", nil),
        ("[25, 1, 13, 13]", "[15, 1, 13, 13]", "label-template-overlap", "2", nil),
        ("\"box\": [0, 18, 40, 11]", "\"box\": [0, 18, 40, 11], \"rotate\": 45", "label-template-value-invalid", "3", "rotate"),
        (
            "\"box\": [0, 18, 40, 11]", "\"box\": [0, 18, 40, 11], \"rotate\": 90, \"human-readable\": true",
            "label-template-value-invalid", "3", "human-readable"
        ),
    ]

    @Test(arguments: 0..<refusals.count)
    func aMistakeIsRefusedNamingFieldAndKey(_ index: Int) throws {
        let (old, new, reason, field, key) = Self.refusals[index]
        let error = try #require(Self.refusal(replacing: old, with: new), "\(new) is refused")
        #expect(error.reason == reason, "\(new)")
        #expect(error.arguments["template"] == "mine")
        if let field { #expect(error.arguments["field"] == field, "\(new)") }
        if let key { #expect(error.arguments["key"] == key, "\(new)") }
        // Every refusal is one the catalogue can word.
        #expect(LabelTemplateError.reasons.contains { $0.id == error.reason && $0.arguments == Set(error.arguments.keys) })
    }

    @Test func notJSONAndNotAnObjectAreRefused() {
        for source in ["", "{", "[]", "\"label\"", "{\"format\": \"pl-label-template/1\"", "\u{FEFF}garbage"] {
            #expect(throws: LabelTemplateError.self, "\(source.debugDescription)") { try Self.parse(source) }
        }
        #expect(throws: LabelTemplateError("label-template-not-json", ["template": "mine"])) { try Self.parse("[]") }
    }

    @Test func tooLargeAndTooManyFieldsAreRefusedBeforeParsingTheRest() throws {
        let padding = String(repeating: " ", count: LabelTemplate.maximumSize)
        #expect(throws: LabelTemplateError("label-template-too-large", ["template": "mine", "most": String(LabelTemplate.maximumSize)])) {
            try Self.parse(Self.valid + padding)
        }
        let many = (0...LabelTemplate.maximumFields).map { "{\"text\": \"x\", \"box\": [0, \(Double($0) * 0.1), 1, 0.1]}" }
        let source =
            "{\"format\": \"pl-label-template/1\", \"object\": \"item\", \"size\": [200, 200], \"fields\": ["
            + many.joined(separator: ",") + "]}"
        let error = try #require(Self.refusalOf(source))
        #expect(error.reason == "label-template-value-invalid" && error.arguments["key"] == "fields")
    }

    @Test func placeholdersAndLiteralBracesParse() throws {
        let text = try #require(LabelText(parsing: "{{id}}: {id} / {case}"))
        #expect(text.placeholders == ["id", "case"])
        #expect(text.filled(from: ["id": "P-1", "case": "A1"]) == "{id}: P-1 / A1")
    }

    /// Random mutations of a valid template never crash the parser: each either parses or is refused.
    @Test func randomMutationsParseOrAreRefused() {
        var generator = SplitMix64(seed: 13)
        let bytes = Array(Self.valid.utf8)
        let alphabet = Array("{}[]\",:0123456789.-e truefalsnl\\u".utf8)
        for _ in 0..<3000 {
            var mutated = bytes
            for _ in 0..<(1 + Int(generator.next() % 4)) {
                let position = Int(generator.next() % UInt64(mutated.count))
                switch generator.next() % 3 {
                case 0: mutated[position] = alphabet[Int(generator.next() % UInt64(alphabet.count))]
                case 1: mutated.remove(at: position)
                default: mutated.insert(alphabet[Int(generator.next() % UInt64(alphabet.count))], at: position)
                }
            }
            _ = try? LabelTemplate(parsing: Data(mutated), name: "mine", vocabulary: LabelLayoutTests.vocabulary)
        }
    }

    static func refusalOf(_ source: String) -> LabelTemplateError? {
        do {
            _ = try parse(source)
            return nil
        } catch {
            return error
        }
    }
}

extension String {
    fileprivate var trimmingSuffixNewline: String { hasSuffix("\n") ? String(dropLast()) : self }
}
