import DossierVault
import Foundation
import LedgerPresentation
import Testing

/// The HTML form rendered by a real headless Chromium (Debian's `chromium`, which `make test` installs with
/// the Makefile's DEBIAN_PACKAGES, as it does zsh for the completion tests): the screenshot is an image of
/// the size asked for that is not a blank page, the DOM Chromium builds holds the red items and the Chinese
/// section titles, and printed to PDF it is A4 with each unit on a page of its own.
struct BulletinChromiumTests {
    struct Run {
        let status: Int32
        let stdout: Data
        let stderr: String
    }

    /// Chromium's binary; the test fails when it is missing rather than skipping, since `make test` installs it.
    static func chromium() throws -> String {
        let path = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
        return try #require(path, "chromium is not installed: run `make deps` (the Makefile's DEBIAN_PACKAGES)")
    }

    /// Runs headless Chromium with `arguments` in `directory` (its profile there too, so runs never share
    /// one), stopping it after two minutes.
    static func run(_ arguments: [String], in directory: URL) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try chromium())
        let profile = directory.appendingPathComponent("profile-\(UUID().uuidString)")
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.path)"] + arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = directory.path
        process.environment = environment
        // Files, not pipes: Chromium writes much to stderr, and a full pipe would stall it.
        let out = directory.appendingPathComponent("stdout-\(UUID().uuidString)")
        let err = directory.appendingPathComponent("stderr-\(UUID().uuidString)")
        try #require(FileManager.default.createFile(atPath: out.path, contents: nil))
        try #require(FileManager.default.createFile(atPath: err.path, contents: nil))
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            Issue.record("chromium did not finish within two minutes: \(arguments)")
        }
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: try Data(contentsOf: out),
            stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }

    /// A PNG's width and height, from its IHDR chunk (after the 8-byte signature: length, "IHDR", width, height).
    static func pngSize(_ png: Data) throws -> (width: Int, height: Int) {
        let bytes = [UInt8](png)
        try #require(bytes.count > 24)
        #expect(Array(bytes[0..<8]) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "not a PNG")
        #expect(Array(bytes[12..<16]) == Array("IHDR".utf8))
        let number = { (at: Int) in bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (number(16), number(20))
    }

    static func write(_ html: String, named name: String, in directory: URL) throws -> URL {
        let file = directory.appendingPathComponent(name)
        try html.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func theScreenshotShowsTheBulletinNotABlankPage() async throws {
        try await BulletinScene.with { scene in
            let bulletin = try await scene.bulletin()
            try await BulletinScene.withDirectory { directory in
                let page = try Self.write(bulletin.rendered(as: .html, in: .zh), named: "bulletin.html", in: directory)
                let blank = try Self.write("<!DOCTYPE html><html lang=\"zh-Hans\"><body></body></html>", named: "blank.html", in: directory)
                var shots: [Data] = []
                for (file, name) in [(page, "bulletin.png"), (blank, "blank.png")] {
                    let shot = directory.appendingPathComponent(name)
                    let run = try Self.run(["--screenshot=\(shot.path)", "--window-size=1240,1754", file.absoluteString], in: directory)
                    #expect(run.status == 0, "\(run.stderr)")
                    let png = try Data(contentsOf: shot)
                    let size = try Self.pngSize(png)
                    #expect(size.width == 1240 && size.height == 1754, "\(size)")
                    shots.append(png)
                }
                // A page of text, tables and coloured rows compresses far worse than an empty white one.
                #expect(shots[0] != shots[1])
                #expect(shots[0].count > 4 * shots[1].count, "\(shots[0].count) bytes against a blank page's \(shots[1].count)")
            }
        }
    }

    @Test func theDOMHoldsTheRedItemsAndTheChineseSectionTitles() async throws {
        try await BulletinScene.with { scene in
            let bulletin = try await scene.bulletin()
            try await BulletinScene.withDirectory { directory in
                let page = try Self.write(bulletin.rendered(as: .html, in: .zh), named: "bulletin.html", in: directory)
                let run = try Self.run(["--dump-dom", page.absoluteString], in: directory)
                #expect(run.status == 0, "\(run.stderr)")
                let dom = String(decoding: run.stdout, as: UTF8.self)
                #expect(dom.contains("<html lang=\"zh-Hans\">"))
                let red = Set(bulletin.units.flatMap(\.parts).flatMap(\.rows).filter { $0.grade == .red }.compactMap(\.object?.id))
                #expect(red == [scene.bicycle, scene.phone, scene.untitledDossier])
                for id in red { #expect(dom.contains(id), "\(id)") }
                #expect(Bulletin.standardSections.map(\.title.zh).contains("应移交案管中心集中保管的案卷"))
                for title in Bulletin.standardSections.map(\.title.zh) { #expect(dom.contains(title), "\(title)") }
                // Each red row carries its word, in the DOM Chromium built.
                let redRows = bulletin.units.flatMap(\.parts).flatMap(\.rows).filter { $0.grade == .red }.count
                #expect(
                    dom.components(separatedBy: "<tr class=\"red\"><td class=\"grade\"><span class=\"badge\">红</span>").count - 1 == redRows
                )
            }
        }
    }

    @Test func printedItIsA4WithEachUnitOnAPageOfItsOwn() async throws {
        try await BulletinScene.with { scene in
            // A unit with nothing to report: the heading and summary fill less than a page, so the unit's own
            // page comes from the break before it.
            let bulletin = try await scene.bulletin(unit: "交警大队")
            try await BulletinScene.withDirectory { directory in
                let page = try Self.write(bulletin.rendered(as: .html, in: .zh), named: "bulletin.html", in: directory)
                let pdf = directory.appendingPathComponent("bulletin.pdf")
                let run = try Self.run(["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", page.absoluteString], in: directory)
                #expect(run.status == 0, "\(run.stderr)")
                let text = String(decoding: try Data(contentsOf: pdf), as: UTF8.self)
                #expect(text.hasPrefix("%PDF-"))
                let pages = text.components(separatedBy: "/Type /Page").count - 1 - (text.components(separatedBy: "/Type /Pages").count - 1)
                #expect(pages == 2)
                // A4 is 595.28 × 841.89 points; Chromium rounds to its own units.
                let boxes = text.components(separatedBy: "/MediaBox [").dropFirst().map {
                    $0.prefix { $0 != "]" }.split(separator: " ").compactMap { Double($0) }
                }
                #expect(boxes.count == pages)
                for box in boxes {
                    #expect(box.count == 4 && abs(box[2] - 595.28) < 1.5 && abs(box[3] - 841.89) < 1.5, "\(box)")
                }
            }
        }
    }
}
