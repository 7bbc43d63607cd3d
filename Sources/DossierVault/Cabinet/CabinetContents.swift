import Foundation
import PropertyLedger

/// What the ledger believes is inside a cabinet: the objects stored in it or in its slots that carry a chip,
/// by the chip's UID, with the slot each is recorded in.
struct CabinetContents {
    /// By UID.
    let objects: [String: CustodyObject]
    /// UID → slot code (nil: stored at the cabinet itself, no slot recorded).
    let slotsByUID: [String: String?]

    static func believed(in cabinet: Location, custody: CustodyView, now: Date) throws -> CabinetContents {
        let stored = try custody.objects(
            matching: ObjectFilter(location: cabinet.code, status: .inStorage, includesRegistration: false, limit: .max), now: now)
        var objects: [String: CustodyObject] = [:]
        var slots: [String: String?] = [:]
        for object in stored {
            guard let uid = object.chip else { continue }
            objects[uid] = object
            slots[uid] = object.location == cabinet.code ? String?.none : object.location
        }
        return CabinetContents(objects: objects, slotsByUID: slots)
    }
}
