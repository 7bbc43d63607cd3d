public import PropertyLedger

/// Words one entry for people: its kind of entry (``name(of:)``) and a one-line summary of what it records
/// (``text(_:)``), with people by name beside their badges, codes in words and times in the agency's zone, in
/// the language of `timeFormat`. Used by `ledger history`, by what a command says it recorded, and later by
/// the bulletin.
public struct EventSummary: Sendable {
    public let people: People
    public let timeFormat: TimeFormat

    public init(people: People, timeFormat: TimeFormat) {
        self.people = people
        self.timeFormat = timeFormat
    }

    private var language: Language { timeFormat.language }
    private var words: EventSummaryWords { Catalogue.eventSummaries }
    private var terms: CustodyTermWords { Catalogue.custodyTerms }

    /// What kind of entry `event` is, in words (出库, checked out).
    public func name(of event: CustodyEvent) -> String {
        Catalogue.eventNames.name(of: event).text(in: language)
    }

    /// What `event` records, in one line; every event has one.
    public func text(_ event: CustodyEvent) -> String {
        switch event {
        case .officerAdded(let e):
            let role = terms.word(e.role).text(in: language)
            let officer = officerName(e.badge, e.name)
            return e.unit.map { say(words.officerAddedWithUnit, ["officer": officer, "role": role, "unit": $0]) }
                ?? say(words.officerAdded, ["officer": officer, "role": role])
        case .officerRetired(let e):
            let officer = people.name(e.badge)
            let main = e.reason.map { say(words.officerRetiredWithReason, ["officer": officer, "reason": $0]) } ?? officer
            return joined(main, e.stillHolding.map { say(words.stillHolding, ["objects": $0.joined(separator: ", ")]) })
        case .locationAdded(let e):
            let main = say(words.locationAdded, ["code": e.code, "name": e.name, "kind": terms.word(e.kind).text(in: language)])
            return joined(
                main, e.parent.map { say(words.locationParent, ["parent": $0]) }, e.central ? words.centralStorage.text(in: language) : nil)
        case .caseOpened(let e):
            let main = say(words.caseOpened, ["case": e.case, "title": e.title, "kind": terms.word(e.kind).text(in: language)])
            return joined(
                main, e.propertyCrime ? terms.propertyCrime.text(in: language) : nil, e.unit.map { say(words.unit, ["unit": $0]) })
        case .caseProgressed(let e):
            return say(words.caseNote, ["case": e.case, "note": e.note])
        case .caseSolved(let e), .caseClosed(let e):
            return e.note.map { say(words.caseNote, ["case": e.case, "note": $0]) } ?? e.case
        case .itemRegistered(let e):
            return say(
                words.itemRegistered,
                ["name": e.name, "quantity": e.quantity, "unit": e.unit, "seizers": people.names(e.seizedBy, in: language)])
        case .dossierRegistered(let e):
            let numbers = ["volume": String(e.volume), "volumes": String(e.volumes), "pages": String(e.pages)]
            return e.title.map { say(words.dossierTitled, numbers.merging(["title": $0]) { $1 }) } ?? say(words.dossierRegistered, numbers)
        case .chipBound(let e):
            return say(words.chipBound, ["chip": e.uid])
        case .chipReplaced(let e):
            return say(words.chipReplaced, ["old": e.previousUID, "new": e.uid, "reason": e.reason])
        case .checkedIn(let e):
            return say(words.checkedIn, ["location": e.location])
        case .checkedOut(let e):
            let main = say(
                words.checkedOut,
                [
                    "from": e.from, "recipient": people.name(e.to), "reason": terms.word(e.reason).text(in: language),
                    "approver": people.name(e.approvedBy), "due": timeFormat.string(stored: e.due),
                ])
            return joined(main, e.note.map { say(words.note, ["note": $0]) })
        case .checkoutExtended(let e):
            return say(
                words.checkoutExtended,
                [
                    "previous": timeFormat.string(stored: e.previousDue), "due": timeFormat.string(stored: e.due),
                    "approver": people.name(e.approvedBy), "reason": e.reason,
                ])
        case .returned(let e):
            return say(
                words.returned,
                ["location": e.location, "returner": people.name(e.by), "condition": terms.condition(e.condition, in: language)])
        case .moved(let e):
            let main =
                e.reason.map { say(words.movedWithReason, ["from": e.from, "location": e.location, "reason": $0]) }
                ?? say(words.moved, ["from": e.from, "location": e.location])
            return joined(main, e.rule.map { say(words.movedUnderRule, ["rule": $0]) })
        case .disposed(let e):
            let main = say(words.disposed, ["method": terms.word(e.method).text(in: language), "approver": people.name(e.approvedBy)])
            return joined(main, e.recipient.map { say(words.disposedTo, ["recipient": $0]) })
        case .corrected(let e):
            let value = { (text: String) in
                e.correctedType == "custody.returned" && e.field == "condition" ? terms.condition(text, in: language) : text
            }
            return say(
                words.corrected,
                [
                    "index": String(e.corrects), "field": fieldName(e.field, of: e.correctedType), "old": value(e.old),
                    "new": value(e.new), "reason": e.reason,
                ])
        case .stocktakeRecorded(let e):
            return say(
                words.stocktake,
                [
                    "location": e.location, "found": String(e.counts.found), "missing": String(e.counts.missing),
                    "misplaced": String(e.counts.misplaced), "unknown": String(e.counts.unknown),
                ])
        case .keyEnrolled(let e):
            let holder = KeyHolder(e.holder).map(holderName) ?? e.holder
            return e.replaces.map { say(words.keyReplaced, ["holder": holder, "key": e.key, "old": $0]) }
                ?? say(words.keyEnrolled, ["holder": holder, "key": e.key])
        case .keyRevoked(let e):
            return say(words.keyRevoked, ["key": e.key, "reason": e.reason])
        case .signaturesRequired(let e):
            return say(words.signaturesRequired, ["reason": e.reason])
        case .transferredOut(let e):
            return say(words.transferredOut, ["to": e.to, "transfer": e.transfer])
        case .objectReceived(let e):
            return say(words.objectReceived, ["from": e.from, "transfer": e.transfer, "case": e.case])
        }
    }

    /// Who or what the entry is about, for a line that names the entry: the officer (`魏江 (000001)`), the
    /// location's code, the case number, the object's id; for a correction, what the corrected entry is about.
    public func subject(of event: CustodyEvent) -> String {
        switch event {
        case .officerAdded(let e): officerName(e.badge, e.name)
        case .officerRetired(let e): people.name(e.badge)
        case .locationAdded(let e): e.code
        case .caseOpened(let e): e.case
        case .caseProgressed(let e): e.case
        case .caseSolved(let e), .caseClosed(let e): e.case
        case .itemRegistered(let e): e.id
        case .dossierRegistered(let e): e.id
        case .chipBound(let e): e.object
        case .chipReplaced(let e): e.object
        case .checkedIn(let e): e.object
        case .checkedOut(let e): e.object
        case .checkoutExtended(let e): e.object
        case .returned(let e): e.object
        case .moved(let e): e.object
        case .disposed(let e): e.object
        case .corrected(let e): e.object ?? e.subject
        case .stocktakeRecorded(let e): e.location
        case .keyEnrolled(let e): KeyHolder(e.holder).map(holderName) ?? e.holder
        case .keyRevoked(let e): e.key
        case .signaturesRequired: ""
        case .transferredOut(let e): e.object
        case .objectReceived(let e): e.object
        }
    }

    /// A key's holder: the officer by name and badge, a device by its id.
    private func holderName(_ holder: KeyHolder) -> String {
        switch holder {
        case .officer(let badge): people.name(badge)
        case .device(let device): device.id
        }
    }

    private func say(_ wording: Wording, _ arguments: [String: String]) -> String {
        wording.text(in: language, arguments)
    }

    private func joined(_ parts: String?...) -> String {
        parts.compactMap { $0 }.joined(separator: words.separator.text(in: language))
    }

    /// An officer just added is not among `people` yet: the entry names them.
    private func officerName(_ badge: String, _ name: String) -> String { "\(name) (\(badge))" }

    /// A corrected field as the reasons' `field` terms word it, told apart by the entry it belongs to (an item's
    /// name is not an officer's); a field without a term shows as it is named in the entry.
    private func fieldName(_ field: String, of type: String) -> String {
        let term: String
        switch (type, field) {
        case ("item.registered", "name"): term = "item-name"
        case ("location.added", "name"): term = "location-name"
        case ("case.opened", "title"): term = "case-title"
        case ("case.progressed", "note"): term = "progress-note"
        default: term = field
        }
        return Catalogue.terms["field"]?[term]?.text(in: language) ?? field
    }
}
