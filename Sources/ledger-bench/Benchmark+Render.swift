import Foundation
import LedgerPresentation
import PropertyLedger

extension Benchmark {
    /// Rows in the rendered `list`, as the issue states its target ("a 1,000-row `list` in Chinese").
    static let renderRows = 1_000
    /// Timed renderings on each side, after warm-up ones.
    static let renderRuns = 200

    /// (k) `ledger list` rendered in Chinese: 1,000 objects (items and untitled dossiers, in storage, checked out
    /// — some overdue — and only registered) made into the table `list` prints (``ObjectListTable``: each row's
    /// cells worded, names beside badges, due times in the agency's zone, then every column padded to its
    /// display width). The baseline joins the same cells, already made, with two spaces and no widths: what
    /// printing would cost without wording or alignment. Only the rendering is timed (no store is involved),
    /// the two sides taking turns run by run.
    func measureRender() throws -> Comparison {
        let scene = try RenderScene(rows: Self.renderRows)
        let timeFormat = TimeFormat(zone: agency.timeZone, language: .zh)
        Progress.log("(k) a \(Format.count(scene.objects.count))-row `list` rendered in Chinese, \(Self.renderRuns) times")
        let render = { ObjectListTable(scene.objects, people: scene.people, timeFormat: timeFormat, now: scene.now).rendered }
        let rows = ObjectListTable(scene.objects, people: scene.people, timeFormat: timeFormat, now: scene.now).table.rows
        let join = { rows.map { $0.joined(separator: "  ") }.joined(separator: "\n") }
        try scene.check(render(), plain: join())

        for _ in 0..<10 {
            _ = render()
            _ = join()
        }
        var rendered: [Duration] = []
        var joined: [Duration] = []
        var length = 0
        for run in 0..<Self.renderRuns {
            // Alternate which side goes first, so neither always runs on a warmer cache.
            for isLedger in run % 2 == 0 ? [true, false] : [false, true] {
                let stopwatch = Stopwatch()
                length &+= isLedger ? render().utf8.count : join().utf8.count
                let elapsed = stopwatch.elapsed
                if isLedger { rendered.append(elapsed) } else { joined.append(elapsed) }
            }
        }
        precondition(length > 0)

        let ledger = LatencySample(rendered)
        let baseline = LatencySample(joined)
        return Comparison(
            key: "render", title: "(k) \(Format.count(scene.objects.count))-row `list` rendered in Chinese",
            ledger: Figure(
                name: "ObjectListTable rendered, median", value: ledger.median.milliseconds, unit: "ms",
                details: ["p99": ledger.percentile(0.99).milliseconds],
                display:
                    "p50 \(Format.milliseconds(ledger.median.milliseconds)), p99 \(Format.milliseconds(ledger.percentile(0.99).milliseconds))"
            ),
            baseline: Figure(
                name: "same cells joined, no widths", value: baseline.median.milliseconds, unit: "ms",
                details: ["p99": baseline.percentile(0.99).milliseconds],
                display: "p50 \(Format.milliseconds(baseline.median.milliseconds))"),
            target: .valueBelow(20))
    }
}

/// The objects (k) renders: a property room's list of `rows` objects, made in memory by a fixed rule so every
/// run renders the same table.
struct RenderScene {
    let objects: [CustodyObject]
    let people: People
    /// 2026-12-01T04:00:00Z: due times before it are overdue.
    let now: Date

    private static let names = ["黑色山地车", "银色手机（屏幕碎裂）", "棕色皮质钱包", "蓝色双肩背包", "金色手表", "白色笔记本电脑", "现金 3,200 元"]
    private static let badges = ["000002", "000003", "000005"]

    init(rows: Int) throws {
        let now = Date(timeIntervalSince1970: 1_796_097_600)
        self.now = now
        // The library's types are read from JSON, as the store and the CLI's --json give them.
        let officers = zip(Self.badges, ["李明", "王强", "欧阳建国"]).map { badge, name -> [String: Any] in
            ["badge": badge, "name": name, "unit": "刑侦大队", "role": "officer", "isRetired": false]
        }
        people = People(try JSONDecoder().decode([Officer].self, from: JSONSerialization.data(withJSONObject: officers)))
        let fields = (0..<rows).map { Self.fields(ofObject: $0, now: now) }
        objects = try JSONDecoder().decode([CustodyObject].self, from: JSONSerialization.data(withJSONObject: fields))
    }

    /// Every tenth object an untitled dossier volume; of the rest, most in storage, one in four checked out
    /// (every third of those overdue), a few only registered.
    private static func fields(ofObject index: Int, now: Date) -> [String: Any] {
        let isDossier = index % 10 == 9
        let number = String(index + 1)
        let id = (isDossier ? "D" : "P") + "-370321-2026-" + String(repeating: "0", count: 6 - number.count) + number
        let caseNumber = "A37032105000020261100" + String(10 + index % 90)
        var object: [String: Any] = [
            "id": id, "kind": isDossier ? "dossier" : "item", "caseNumber": caseNumber, "name": isDossier ? "" : names[index % names.count],
            "status": "in-storage", "location": CustodyScene.cabinet(index / 100), "chip": CustodyScene.chipUID(ofItem: index),
            "registeredAt": index * 3 + 8, "updatedAt": index * 3 + 10,
        ]
        if isDossier {
            object["dossier"] = ["id": id, "case": caseNumber, "volume": index % 3 + 1, "volumes": 3, "pages": 40]
        } else {
            object["item"] = [
                "id": id, "case": caseNumber, "name": names[index % names.count], "quantity": "1", "unit": "件",
                "seizedAt": "2026-11-01T01:30:00Z", "seizedBy": ["000002", "000003"],
            ]
        }
        switch index % 20 {
        case 1, 5, 9, 13, 17:
            object["status"] = "checked-out"
            object["location"] = nil
            object["holder"] = badges[index % badges.count]
            let days = index % 3 == 0 ? -Double(index % 7 + 1) : Double(index % 30 + 1)
            object["due"] = Timestamp.string(now.addingTimeInterval(86_400 * days))
        case 19:
            object["status"] = "registered"
            object["location"] = nil
        default:
            break
        }
        return object
    }

    /// A fast wrong answer must not pass: every object is on its own row, in order, its name worded (a dossier
    /// by its volume), its holder by name, overdue ones marked; and every column starts at one display
    /// column on every line, which the plain join (same cells, no widths) must not already give.
    func check(_ rendered: String, plain: String) throws {
        let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count == objects.count + 1 else {
            throw BenchError("the rendered list has \(lines.count) lines for \(objects.count) objects and a heading")
        }
        for (line, object) in zip(lines.dropFirst(), objects) {
            guard line.hasPrefix(object.id + "  ") else { throw BenchError("row for \(object.id) is \(line)") }
            let name = object.kind == .dossier ? "卷 \(object.dossier?.volume ?? 0)/3" : object.name
            guard line.contains(name) else { throw BenchError("row for \(object.id) lacks its name \(name): \(line)") }
            if let holder = object.holder, !line.contains(people.name(holder)) || people.name(holder) == holder {
                throw BenchError("row for \(object.id) lacks its holder by name: \(line)")
            }
            if object.isOverdue(at: Timestamp.string(now)) != line.hasSuffix("已逾期") {
                throw BenchError("row for \(object.id) is marked wrongly as to being overdue: \(line)")
            }
        }
        // The STATUS column (the fifth) starts at one display column on every line.
        let starts = Set(lines.map { Self.displayColumn(ofCell: 4, in: $0) })
        guard starts.count == 1 else { throw BenchError("the status column starts at \(starts.sorted()) on different lines") }
        let plainStarts = Set(plain.split(separator: "\n").map { Self.displayColumn(ofCell: 4, in: String($0)) })
        guard plainStarts.count > 1 else { throw BenchError("the baseline's rows already line up: it is not a baseline") }
    }

    /// The display column where cell `cell` of a line starts, cells being separated by two or more spaces
    /// (a cell may hold single spaces: `李明 (000002)`).
    private static func displayColumn(ofCell cell: Int, in line: String) -> Int {
        var column = 0
        var separators = 0
        var spaces = 0
        for character in line {
            if character == " " {
                spaces += 1
            } else {
                if spaces >= 2 { separators += 1 }
                spaces = 0
                if separators == cell { return column }
            }
            column += displayWidth(String(character))
        }
        return -1
    }
}
