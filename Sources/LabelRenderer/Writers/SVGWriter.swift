/// A label as SVG: sized in millimetres, drawn on a `viewBox` of printer dots, so every bar and module edge sits
/// on a whole dot and an office printer or a browser prints it at its true size. Text stays text (searchable,
/// sharp at any zoom) in a CJK font stack led by the font the layout was measured with.
public enum SVGWriter {
    /// Fonts after the measuring one, for machines that lack it: the common Chinese sans-serif faces.
    static let fallbackFonts = ["Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "SimHei", "sans-serif"]

    public static func document(_ layout: LabelLayout, title: String, fontFamily: String) -> String {
        let millimetres = { (dots: Int) in
            let value = Double(dots) / Double(layout.resolution.dotsPerMillimetre)
            return value == value.rounded() ? String(Int(value)) : String(value)
        }
        let stack = ([fontFamily] + fallbackFonts.filter { $0 != fontFamily }).map { $0.contains(" ") ? "'\($0)'" : $0 }
        var svg = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(millimetres(layout.width))mm" height="\(millimetres(layout.height))mm" \
            viewBox="0 0 \(layout.width) \(layout.height)" shape-rendering="crispEdges">
            <title>\(escaped(title))</title>
            <rect width="\(layout.width)" height="\(layout.height)" fill="#fff"/>
            <g fill="#000" font-family="\(escaped(stack.joined(separator: ", ")))">

            """
        for element in layout.elements {
            switch element.content {
            case .text(let line): svg += text(line)
            case .qr(let matrix, let module, let originX, let originY):
                var path = ""
                for row in 0..<matrix.width {
                    var column = 0
                    while column < matrix.width {
                        guard matrix[column, row] else {
                            column += 1
                            continue
                        }
                        let start = column
                        while column < matrix.width && matrix[column, row] { column += 1 }
                        let run = (column - start) * module
                        path += "M\(originX + start * module) \(originY + row * module)h\(run)v\(module)h-\(run)z"
                    }
                }
                svg += "<path data-field=\"\(element.field)\" d=\"\(path)\"/>\n"
            case .code128(let geometry):
                var path = ""
                var index = 0
                while index < geometry.modules.count {
                    guard geometry.modules[index] else {
                        index += 1
                        continue
                    }
                    let start = index
                    while index < geometry.modules.count && geometry.modules[index] { index += 1 }
                    let offset = start * geometry.module
                    let run = (index - start) * geometry.module
                    let bars = geometry.bars
                    path +=
                        geometry.rotated
                        ? "M\(bars.x) \(bars.y + offset)h\(bars.width)v\(run)h-\(bars.width)z"
                        : "M\(bars.x + offset) \(bars.y)h\(run)v\(bars.height)h-\(run)z"
                }
                svg += "<path data-field=\"\(element.field)\" d=\"\(path)\"/>\n"
                if let caption = geometry.caption { svg += text(caption) }
            }
        }
        return svg + "</g>\n</svg>\n"
    }

    /// A horizontal line as one `<text>` at its pen start; a vertical one as one `<text>` per glyph, each at the
    /// position the layout gave it (librsvg's and the browsers' vertical modes differ, placed glyphs do not).
    static func text(_ line: TextLine) -> String {
        let weight = line.bold ? " font-weight=\"bold\"" : ""
        guard line.vertical else {
            guard let first = line.glyphs.first else { return "" }
            return "<text x=\"\(first.x)\" y=\"\(first.baseline)\" font-size=\"\(line.pixelSize)\"\(weight)>\(escaped(line.text))</text>\n"
        }
        return line.glyphs.map {
            "<text x=\"\($0.x + $0.advance / 2)\" y=\"\($0.baseline)\" font-size=\"\(line.pixelSize)\" text-anchor=\"middle\"\(weight)>\(escaped(String($0.character)))</text>\n"
        }.joined()
    }

    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default: result.append(character)
            }
        }
        return result
    }
}
