/// A label as ZPL II for Zebra-compatible thermal printers: each field one `^GFA` graphic of the layout's own
/// raster, so the printer needs no font (Chinese included) and prints exactly the dots the PNG shows.
public enum ZPLWriter {
    /// One `^XA…^XZ` label. `rfid` is the hex the printer's encoder writes to the tag (`^RS8` EPC Gen 2, then
    /// `^RFW,H`), for printers with an RFID encoder; a printer without one ignores it or reports an error.
    public static func label(_ layout: LabelLayout, rfid: String? = nil) -> String {
        var zpl = "^XA\n^CI28\n^PW\(layout.width)\n^LL\(layout.height)\n^LH0,0\n"
        for element in layout.elements where element.raster.blackCount > 0 {
            zpl += ZPLGraphic.field(element.raster, x: element.box.x, y: element.box.y) + "\n"
        }
        if let rfid { zpl += "^RS8\n^RFW,H^FD\(rfid)^FS\n" }
        return zpl + "^PQ1\n^XZ\n"
    }
}
