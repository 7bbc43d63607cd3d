import DossierVault
import Foundation
import LedgerPresentation
import PropertyLedger
import Testing

/// The HTML form: one self-contained file (nothing fetched), printable on A4 with grades that survive a
/// printer without colour, Chinese unless asked otherwise, and every value escaped.
struct BulletinHTMLTests {
    static let hostile = "<script>alert(\"x\")</script> & <b>'粗'</b>"

    /// The scene with markup and ampersands in an item's name, a case's unit, a correction's reason and an
    /// officer's name, all on the day.
    static func withMarkupInValues(_ body: (BulletinScene, Bulletin) async throws -> Void) async throws {
        try await BulletinScene.withDirectory { directory in
            let scene = try await BulletinScene.make(in: directory, itemName: "刀具 " + hostile)
            let store = scene.store
            let number = "A3703210500002026110008"
            let unit = "<i>刑侦</i> & 技术"
            try await store.record(
                .addOfficer(badge: "000009", name: "<u>周</u>&杰", unit: unit, role: .officer), actor: "000001",
                at: BulletinScene.time("2026-11-20T08:00:00+08:00"))
            try await store.record(
                .openCase(number: number, title: "标记案件", kind: .criminal, isPropertyCrime: true, unit: unit), actor: "000009",
                at: BulletinScene.time("2026-11-20T09:00:00+08:00"))
            let item = try await store.record(
                .registerItem(
                    ItemRegistration(
                        caseNumber: number, name: hostile, quantity: "1", unit: "把",
                        seizedAt: BulletinScene.time("2026-11-20T09:00:00+08:00"),
                        seizedBy: ["000009", "000003"])), actor: "000009", at: BulletinScene.time("2026-11-20T09:00:00+08:00"))
            try await store.record(
                .checkIn(object: try BulletinScene.objectID(of: item), location: "CAB-01", caseNumber: nil), actor: "000004")
            try await store.record(
                .correct(index: item.index, field: "features", value: "<img src=x onerror=alert(1)>", reason: hostile), actor: "000004",
                at: BulletinScene.time("2026-12-01T09:05:00+08:00"))
            let id = try BulletinScene.objectID(of: item)
            let extra = Deadline(
                rule: .checkoutDue, action: .returnOrExtend, object: id, caseNumber: number, unit: unit,
                since: BulletinScene.time("2026-11-21T09:00:00+08:00"), due: BulletinScene.time("2026-11-22T09:00:00+08:00"), location: nil,
                holder: "000009", grade: .red)
            let bulletin = try await Bulletin.compute(from: store, day: BulletinScene.day, now: BulletinScene.now) { _, asOf in
                scene.deadlines(asOf: asOf) + [extra]
            }
            try await body(scene, bulletin)
        }
    }

    /// The tags the renderer writes; anything else in the output came from a value.
    static let ownTags: Set<String> = [
        "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "span", "dl", "dt", "dd", "section",
        "table", "thead", "tbody", "tr", "th", "td", "colgroup", "col", "br", "p", "footer",
    ]

    @Test func everyValueIsEscaped() async throws {
        try await Self.withMarkupInValues { _, bulletin in
            for language in Language.allCases {
                let html = bulletin.rendered(as: .html, in: language)
                #expect(!html.contains("<script"))
                #expect(!html.contains("<img"))
                #expect(!html.contains("<i>") && !html.contains("<u>") && !html.contains("<b>"))
                #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;&#39;粗&#39;&lt;/b&gt;"))
                #expect(html.contains("&lt;i&gt;刑侦&lt;/i&gt; &amp; 技术"))
                #expect(html.contains("&lt;u&gt;周&lt;/u&gt;&amp;杰 (000009)"))
                #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
                // Every tag is the renderer's own, and every ampersand starts an entity.
                let tags = html.split(separator: "<").dropFirst().map {
                    $0.prefix { $0 != " " && $0 != ">" }.replacingOccurrences(of: "/", with: "")
                }
                #expect(Set(tags).subtracting(Self.ownTags).isEmpty, "\(Set(tags).subtracting(Self.ownTags))")
                for piece in html.split(separator: "&").dropFirst() {
                    #expect(["amp;", "lt;", "gt;", "quot;", "#39;"].contains { piece.hasPrefix($0) }, "&\(piece.prefix(12))")
                }
            }
            // The text form shows them as typed, and JSON escapes only what JSON must.
            #expect(bulletin.rendered(as: .text, in: .zh).contains(Self.hostile))
            let json = bulletin.rendered(as: .json, in: .zh)
            #expect(json.contains(#"<script>alert(\"x\")</script> & <b>'粗'</b>"#))
            let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8))
            #expect(parsed is [String: Any])
        }
    }

    @Test func isSelfContained() async throws {
        try await BulletinScene.with { scene in
            let html = try await scene.bulletin().rendered(as: .html, in: .zh)
            for fetching in [
                "http:", "https:", "//", "<link", "<script", "<img", "<iframe", "<object", "@import", "url(", "src=", "@font-face",
            ] {
                #expect(!html.contains(fetching), "\(fetching)")
            }
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-Hans\">"))
            #expect(html.contains("<meta charset=\"utf-8\">"))
        }
    }

    @Test func isChineseByDefaultAndEnglishWhenAsked() async throws {
        try await BulletinScene.with { scene in
            let bulletin = try await scene.bulletin()
            #expect(bulletin.rendered(as: .html) == bulletin.rendered(as: .html, in: .zh))
            let zh = bulletin.rendered(as: .html)
            #expect(zh.contains("<html lang=\"zh-Hans\">"))
            #expect(zh.contains("<h1>每日执法问题通报 <span class=\"day\">2026年12月1日</span></h1>"))
            let en = bulletin.rendered(as: .html, in: .en)
            #expect(en.contains("<html lang=\"en\">"))
            #expect(en.contains("Daily problem bulletin"))
            // A CJK font stack from what Debian ships, before the generic family.
            for family in ["\"Noto Sans CJK SC\"", "\"WenQuanYi Micro Hei\"", "sans-serif;"] { #expect(zh.contains(family)) }
        }
    }

    @Test func printsOnA4WithGradesThatSurviveWithoutColour() async throws {
        try await BulletinScene.with { scene in
            let bulletin = try await scene.bulletin()
            let html = bulletin.rendered(as: .html, in: .zh)
            #expect(html.contains("@page { size: A4; margin:"))
            #expect(html.contains("print-color-adjust: exact"))
            #expect(html.contains("-webkit-print-color-adjust: exact"))
            // Each unit on a page of its own, table headers repeated on every page.
            #expect(html.contains("section.unit { break-before: page; page-break-before: always; }"))
            #expect(html.contains("thead { display: table-header-group; }"))
            #expect(html.components(separatedBy: "<section class=\"unit\"").count - 1 == bulletin.units.count)
            // A grade is a word in a bordered label and a bar whose style differs by grade, beside the colour.
            #expect(html.contains("tr.red td.grade { border-left: 6pt solid"))
            #expect(html.contains("tr.orange td.grade { border-left: 6pt double"))
            let redRows = html.components(separatedBy: "<tr class=\"red\">").count - 1
            let redLabels = html.components(separatedBy: "<tr class=\"red\"><td class=\"grade\"><span class=\"badge\">红</span>").count - 1
            let red = bulletin.units.flatMap(\.parts).flatMap(\.rows).filter { $0.grade == .red }.count
            #expect(redRows == red)
            #expect(redLabels == red)
            #expect(html.contains("<span class=\"badge\">橙</span>"))
        }
    }
}
