extension LabelLayout {
    /// The label in `format`: SVG and ZPL as UTF-8 text, PNG as its bytes. `rfid` (ZPL only) is the hex the
    /// printer writes to the tag; `title` names the SVG; `fontFamily` leads its font stack.
    public func encoded(as format: LabelFormat, title: String, fontFamily: String, rfid: String? = nil) -> [UInt8] {
        switch format {
        case .svg: Array(SVGWriter.document(self, title: title, fontFamily: fontFamily).utf8)
        case .zpl: Array(ZPLWriter.label(self, rfid: rfid).utf8)
        case .png: PNGEncoder.encode(raster(), dotsPerMillimetre: resolution.dotsPerMillimetre)
        }
    }
}
