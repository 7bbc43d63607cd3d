extension CustodyCommand {
    /// The command with every identifier and reference in the one form the rules compare and store: NFKC
    /// (full-width `０４Ａ１` is `04A1`) and trimmed (``FieldRules/reference(_:_:)``). Optional references left
    /// blank become nil. Invisible and control characters are refused here, naming the field; free text is
    /// checked by the rules, which keep it as typed.
    func normalized() throws -> CustodyCommand {
        func id(_ value: String, _ what: String) throws -> String { try FieldRules.reference(value, what) }
        func optionalID(_ value: String?, _ what: String) throws -> String? {
            try value.map { try id($0, what) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        switch self {
        case .addOfficer(let badge, let name, let unit, let role):
            return .addOfficer(badge: try id(badge, "badge"), name: name, unit: unit, role: role)
        case .retireOfficer(let badge, let reason, let overridesHoldings):
            return .retireOfficer(badge: try id(badge, "badge"), reason: reason, overridesHoldings: overridesHoldings)
        case .addLocation(let code, let name, let kind, let parent, let isCentral):
            return .addLocation(
                code: try id(code, "location-code"), name: name, kind: kind, parent: try optionalID(parent, "parent-location"),
                isCentral: isCentral)
        case .openCase(let number, let title, let kind, let isPropertyCrime, let unit):
            return .openCase(number: try id(number, "case-number"), title: title, kind: kind, isPropertyCrime: isPropertyCrime, unit: unit)
        case .recordProgress(let number, let note):
            return .recordProgress(caseNumber: try id(number, "case-number"), note: note)
        case .solveCase(let number, let note):
            return .solveCase(caseNumber: try id(number, "case-number"), note: note)
        case .closeCase(let number, let note):
            return .closeCase(caseNumber: try id(number, "case-number"), note: note)
        case .registerItem(var registration):
            registration.caseNumber = try id(registration.caseNumber, "case-number")
            registration.seizedBy = try registration.seizedBy.map { try id($0, "seizer") }
            return .registerItem(registration)
        case .registerDossier(var registration):
            registration.caseNumber = try id(registration.caseNumber, "case-number")
            return .registerDossier(registration)
        case .bindChip(let object, let uid):
            return .bindChip(object: try id(object, "object"), uid: try id(uid, "chip-uid"))
        case .replaceChip(let object, let uid, let reason):
            return .replaceChip(object: try id(object, "object"), uid: try id(uid, "chip-uid"), reason: reason)
        case .checkIn(let object, let location, let caseNumber):
            return .checkIn(
                object: try id(object, "object"), location: try id(location, "location"),
                caseNumber: try optionalID(caseNumber, "case-number"))
        case .checkOut(let object, let to, let reason, let approvedBy, let due, let note, let caseNumber, let approval):
            return .checkOut(
                object: try id(object, "object"), to: try id(to, "recipient-badge"), reason: reason,
                approvedBy: try id(approvedBy, "approver"), due: due, note: note, caseNumber: try optionalID(caseNumber, "case-number"),
                approval: approval)
        case .returnObject(let object, let location, let condition, let by, let caseNumber):
            return .returnObject(
                object: try id(object, "object"), location: try id(location, "location"), condition: condition,
                by: try optionalID(by, "returner"), caseNumber: try optionalID(caseNumber, "case-number"))
        case .extendCheckout(let object, let due, let approvedBy, let reason, let caseNumber, let approval):
            return .extendCheckout(
                object: try id(object, "object"), due: due, approvedBy: try id(approvedBy, "approver"), reason: reason,
                caseNumber: try optionalID(caseNumber, "case-number"), approval: approval)
        case .move(let object, let location, let reason, let caseNumber, let rule):
            return .move(
                object: try id(object, "object"), location: try id(location, "location"), reason: reason,
                caseNumber: try optionalID(caseNumber, "case-number"), rule: try optionalID(rule, "rule"))
        case .dispose(let object, let method, let approvedBy, let recipient, let note, let caseNumber, let approval):
            return .dispose(
                object: try id(object, "object"), method: method, approvedBy: try id(approvedBy, "approver"), recipient: recipient,
                note: note, caseNumber: try optionalID(caseNumber, "case-number"), approval: approval)
        case .correct(let index, let field, let value, let reason):
            return .correct(index: index, field: try id(field, "field-name"), value: value, reason: reason)
        case .recordStocktake(let location, let seenUIDs):
            return .recordStocktake(location: try id(location, "location"), seenUIDs: try seenUIDs.map { try id($0, "chip-uid") })
        case .enrollKey(var enrolment):
            switch enrolment.holder {
            case .officer(let badge): enrolment.holder = .officer(try id(badge, "badge"))
            case .device(let device): enrolment.holder = .device(Device(device.kind, id: try id(device.id, "device")))
            }
            enrolment.replaces = try optionalID(enrolment.replaces, "key")
            return .enrollKey(enrolment)
        case .revokeKey(let key, let reason):
            return .revokeKey(key: try id(key, "key"), reason: reason)
        case .requireSignatures:
            return self
        case .transferOut(let object, let to, let transfer):
            return .transferOut(object: try id(object, "object"), to: to, transfer: transfer)
        case .receiveObject(var received):
            received.case = try id(received.case, "case-number")
            return .receiveObject(received)
        }
    }
}

extension CustodyCommand {
    /// The command with its `chip:UID` object references replaced by the ids `resolve` gives for them.
    func resolvingChips(using resolve: (String) throws -> String) throws -> CustodyCommand {
        switch self {
        case .bindChip(let object, let uid): return .bindChip(object: try resolve(object), uid: uid)
        case .replaceChip(let object, let uid, let reason): return .replaceChip(object: try resolve(object), uid: uid, reason: reason)
        case .checkIn(let object, let location, let c): return .checkIn(object: try resolve(object), location: location, caseNumber: c)
        case .checkOut(let object, let to, let reason, let approvedBy, let due, let note, let c, let approval):
            return .checkOut(
                object: try resolve(object), to: to, reason: reason, approvedBy: approvedBy, due: due, note: note, caseNumber: c,
                approval: approval)
        case .returnObject(let object, let location, let condition, let by, let c):
            return .returnObject(object: try resolve(object), location: location, condition: condition, by: by, caseNumber: c)
        case .extendCheckout(let object, let due, let approvedBy, let reason, let c, let approval):
            return .extendCheckout(
                object: try resolve(object), due: due, approvedBy: approvedBy, reason: reason, caseNumber: c, approval: approval)
        case .move(let object, let location, let reason, let c, let rule):
            return .move(object: try resolve(object), location: location, reason: reason, caseNumber: c, rule: rule)
        case .dispose(let object, let method, let approvedBy, let recipient, let note, let c, let approval):
            return .dispose(
                object: try resolve(object), method: method, approvedBy: approvedBy, recipient: recipient, note: note, caseNumber: c,
                approval: approval)
        default: return self
        }
    }
}
