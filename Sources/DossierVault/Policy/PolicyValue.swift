public import Foundation
import PropertyLedger

/// The value of a policy parameter: a whole number of calendar months, or a duration in minutes. Written in one
/// canonical form (``text``), whatever form it was typed in.
public enum PolicyValue: Sendable, Hashable, CustomStringConvertible {
    case months(Int)
    case duration(minutes: Int)
    case count(Int)
    case flag(Bool)

    /// The canonical form: months as a number (`1`); a duration in the largest unit that divides it exactly
    /// (`1d` for `24h`, `36h`, `90m`).
    public var text: String {
        switch self {
        case .months(let months), .count(let months):
            return String(months)
        case .flag(let on):
            return on ? "on" : "off"
        case .duration(let minutes):
            if minutes % PolicyParameter.day == 0 { return "\(minutes / PolicyParameter.day)d" }
            if minutes % 60 == 0 { return "\(minutes / 60)h" }
            return "\(minutes)m"
        }
    }

    public var description: String { text }

    /// The months, for a months value.
    public var months: Int? {
        if case .months(let months) = self { return months }
        return nil
    }

    /// The number, for a count value.
    public var count: Int? {
        if case .count(let count) = self { return count }
        return nil
    }

    /// Whether it is on, for a flag value.
    public var isOn: Bool? {
        if case .flag(let on) = self { return on }
        return nil
    }

    /// The duration in seconds, for a duration value.
    public var seconds: TimeInterval? {
        if case .duration(let minutes) = self { return TimeInterval(minutes * 60) }
        return nil
    }

    /// `text` read as a value of `parameter`: a whole number of months (`1`–`12`), or a duration — digits and
    /// one unit, `m` (minutes), `h` (hours) or `d` (days) — within the parameter's bounds. Full-width digits are
    /// read as ASCII (NFKC), surrounding spaces and the unit's case ignored.
    ///
    /// - Throws: ``LedgerError`` (`invalidInput`): `policy-months-invalid`, `policy-duration-invalid` or
    ///   `policy-duration-out-of-range`, naming the parameter and the text.
    public init(parsing text: String, for parameter: PolicyParameter) throws {
        let typed = text.precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespaces).lowercased()
        switch parameter.form {
        case .months(let range):
            guard typed.count <= 4, typed.allSatisfy({ $0.isASCII && $0.isNumber }), let months = Int(typed), range.contains(months)
            else {
                throw LedgerError(.invalidInput, .policyMonthsInvalid(parameter, text, range: range))
            }
            self = .months(months)
        case .duration(let range):
            guard let unit = typed.last, let scale = ["m": 1, "h": 60, "d": PolicyParameter.day][unit], typed.count >= 2,
                typed.count <= 10, typed.dropLast().allSatisfy({ $0.isASCII && $0.isNumber }), let count = Int(typed.dropLast())
            else {
                throw LedgerError(.invalidInput, .policyDurationInvalid(parameter, text))
            }
            guard range.contains(count * scale) else {
                throw LedgerError(
                    .invalidInput,
                    .policyDurationOutOfRange(
                        parameter, text, least: PolicyValue.duration(minutes: range.lowerBound),
                        most: PolicyValue.duration(minutes: range.upperBound)))
            }
            self = .duration(minutes: count * scale)
        case .count(let range):
            guard typed.count <= 4, typed.allSatisfy({ $0.isASCII && $0.isNumber }), let count = Int(typed), range.contains(count)
            else {
                throw LedgerError(.invalidInput, .policyCountInvalid(parameter, text, range: range))
            }
            self = .count(count)
        case .flag:
            guard let on = ["on": true, "off": false][typed] else { throw LedgerError(.invalidInput, .policyFlagInvalid(parameter, text)) }
            self = .flag(on)
        }
    }
}
