import Foundation
import LabelRenderer
import LabelTestSupport
import Testing

/// `ledger label` through the real binary on the vault scene's store: what a clerk prints, read back by zbarimg,
/// and every refusal with its exit status and nothing written.
@Suite(.offThePool)
struct LabelCLITests {
    @Test func anItemsSVGAndPNGDecodeToItsIdAndShowItsValues() async throws {
        try await VaultCLIScene.with { scene in
            let svg = try scene.ledger(["label", scene.bike, "--lang", "zh"])
            #expect(svg.status == 0, "\(svg.stderr)")
            #expect(svg.stdout.hasPrefix("<?xml") || svg.stdout.hasPrefix("<svg"))
            // The tests run in English (LEDGER_LANG=en), which labels follow too; the agency prints Chinese.
            for shown in ["自行车", "1辆", VaultCLIScene.caseNumber, "涉案财物"] {
                #expect(svg.stdout.contains(shown), "the SVG shows \(shown)")
            }
            let svgPath = scene.directory.appendingPathComponent("bike.svg")
            try Data(svg.stdout.utf8).write(to: svgPath)
            let rasterised = scene.directory.appendingPathComponent("bike-svg.png").path
            try ExternalDecoder.rasterise(svg: svgPath.path, dpi: 203, to: rasterised)
            try Self.expectSymbols(in: rasterised, id: scene.bike)

            let png = scene.directory.appendingPathComponent("bike.png").path
            let written = try scene.ledger(["label", scene.bike, "--format", "png", "--dpi", "300", "--out", png, "--json"])
            #expect(written.status == 0, "\(written.stderr)")
            #expect(written.stdout.contains("item-40x30") && written.stdout.contains(png))
            try Self.expectSymbols(in: png, id: scene.bike)
        }
    }

    @Test func aCaseIsOneZPLStreamWithALabelPerObject() async throws {
        try await VaultCLIScene.with { scene in
            let result = try scene.ledger(["label", "--case", VaultCLIScene.caseNumber, "--format", "zpl"])
            #expect(result.status == 0, "\(result.stderr)")
            let labels = try ZPLReader.labels(result.stdout)
            let ids = [scene.dossier, scene.heldDossier, scene.bike, scene.cutter]
            #expect(labels.count == ids.count)
            var decoded: Set<String> = []
            for (offset, label) in labels.enumerated() {
                #expect(label.dotsOutside == 0 && label.rfidWrites.isEmpty)
                let path = scene.directory.appendingPathComponent("zpl-\(offset).png").path
                try Data(PNGEncoder.encode(label.bitmap, dotsPerMillimetre: 8)).write(to: URL(fileURLWithPath: path))
                for code in try ExternalDecoder.decode(path, .code128) { decoded.insert(String(decoding: code, as: UTF8.self)) }
            }
            #expect(decoded == Set(ids))
        }
    }

    @Test func severalSVGsGoIntoADirectoryAFileEach() async throws {
        try await VaultCLIScene.with { scene in
            let directory = scene.directory.appendingPathComponent("labels")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let result = try scene.ledger(["label", scene.bike, scene.dossier, "--template", "dossier-spine", "--out", directory.path])
            // The bike is an item: the spine template is for dossiers, and nothing is written.
            #expect(result.status == 4 && result.stderrLines.count == 1, "\(result.stderr)")
            #expect(result.stderr.contains("dossier-spine"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)

            let both = try scene.ledger(["label", scene.bike, scene.dossier, "--out", directory.path, "--lang", "zh"])
            #expect(both.status == 0, "\(both.stderr)")
            let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            #expect(names == ["\(scene.bike).svg", "\(scene.dossier).svg"].sorted())
            let dossier = try String(contentsOf: directory.appendingPathComponent("\(scene.dossier).svg"), encoding: .utf8)
            #expect(dossier.contains("第1卷") && dossier.contains("57"), "volume n of N and pages")
        }
    }

    @Test func rfidAddsTheChipWriteToTheZPL() async throws {
        try await VaultCLIScene.with { scene in
            let result = try scene.ledger(["label", scene.dossier, "--format", "zpl", "--rfid"])
            #expect(result.status == 0, "\(result.stderr)")
            let label = try #require(try ZPLReader.labels(result.stdout).first)
            #expect(label.rfidWrites == [VaultCLIScene.dossierChip])
            // The bike has no chip bound: there is nothing to encode, and nothing is printed.
            let refused = try scene.ledger(["label", scene.dossier, scene.bike, "--format", "zpl", "--rfid"])
            #expect(refused.status == 4 && refused.stdout.isEmpty && refused.stderrLines.count == 1, "\(refused.stderr)")
            #expect(refused.stderr.contains(scene.bike))
        }
    }

    @Test func refusalsAreOneLineWithTheirStatus() async throws {
        try await VaultCLIScene.with { scene in
            let unreadableFont = scene.directory.appendingPathComponent("no-font.ttf").path
            let badTemplate = scene.directory.appendingPathComponent("mine.json")
            try Data(#"{"format": "pl-label-template/1", "object": "item", "size": [40, 30], "fields": [], "colour": 1}"#.utf8)
                .write(to: badTemplate)
            let cases: [(arguments: [String], status: Int32, fragment: String)] = [
                (["label"], 64, "label"),
                (["label", scene.bike, "--case", VaultCLIScene.caseNumber], 64, "--case"),
                (["label", scene.bike, "--rfid"], 64, "--rfid"),
                (["label", scene.bike, "--format", "pdf"], 64, "pdf"),
                (["label", scene.bike, "--dpi", "600"], 64, "600"),
                (["label", "P-370305-2026-999999"], 3, "P-370305-2026-999999"),
                (["label", "--case", "A0000000000000000"], 3, "A0000000000000000"),
                (["label", scene.bike, "--format", "png"], 4, "--out"),
                (["label", scene.bike, scene.cutter], 4, "--out"),
                (["label", scene.bike, "--font", unreadableFont], 4, unreadableFont),
                (["label", scene.bike, "--template", "item-99x99"], 3, "item-99x99"),
                (["label", scene.bike, "--template", badTemplate.path], 4, "colour"),
                (["label", scene.bike, "--out", scene.directory.appendingPathComponent("ledger.db").path], 4, "ledger.db"),
            ]
            for (arguments, status, fragment) in cases {
                let before = try CLITests.snapshot(scene.directory)
                let names = try FileManager.default.contentsOfDirectory(atPath: scene.directory.path).sorted()
                let result = try scene.ledger(arguments)
                #expect(result.status == status, "\(arguments): \(result.stderr)")
                #expect(result.stderrLines.count == 1, "\(arguments): one line, got \(result.stderr)")
                #expect(result.stderr.contains(fragment), "\(arguments): \(result.stderr)")
                #expect(result.stdout.isEmpty, "\(arguments): nothing printed")
                #expect(try CLITests.snapshot(scene.directory) == before, "\(arguments) wrote nothing")
                #expect(try FileManager.default.contentsOfDirectory(atPath: scene.directory.path).sorted() == names)
            }
        }
    }

    static func expectSymbols(in path: String, id: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try ExternalDecoder.decode(path, .code128) == [Data(id.utf8)], sourceLocation: sourceLocation)
        #expect(try ExternalDecoder.decode(path, .qrcode) == [Data("PL1:\(id)".utf8)], sourceLocation: sourceLocation)
    }
}
