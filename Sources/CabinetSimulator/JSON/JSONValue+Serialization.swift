public import Foundation

extension JSONValue {
    /// Reads one JSON text with JSONSerialization.
    public init(parsing data: Data) throws {
        self = try Self(foundation: JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
    }

    /// The value JSONSerialization gave: NSNumber, String, NSNull, arrays and dictionaries of them.
    init(foundation object: Any) throws {
        switch object {
        case is NSNull:
            self = .null
        case let number as NSNumber:
            // On Linux `1 is Bool` is true too, so only the number's own encoding tells true from 1: "c" is a
            // boolean, "f" and "d" a fraction or exponent, anything else an integer.
            switch String(cString: number.objCType) {
            case "c": self = .bool(number.boolValue)
            case "f", "d": self = .number(number.doubleValue)
            case "Q" where number.uint64Value > UInt64(Int.max): self = .number(number.doubleValue)
            default: self = .integer(number.intValue)
            }
        case let string as String:
            self = .string(string)
        case let array as [Any]:
            self = .array(try array.map(Self.init(foundation:)))
        case let dictionary as [String: Any]:
            self = .object(try dictionary.mapValues(Self.init(foundation:)))
        default:
            throw CocoaError(.propertyListReadCorrupt)
        }
    }

    /// The value as JSONSerialization takes it.
    var foundationObject: Any {
        switch self {
        case .null: NSNull()
        case .bool(let value): value
        case .integer(let value): value
        case .number(let value): value
        case .string(let value): value
        case .array(let elements): elements.map(\.foundationObject)
        case .object(let members): members.mapValues(\.foundationObject)
        }
    }

    /// Compact JSON, keys sorted, through JSONSerialization: one protocol line (without its newline).
    public var jsonText: String {
        // JSONSerialization refuses only non-finite numbers and top-level fragments it cannot write; a value
        // built from Swift values that are finite always serialises.
        guard
            let data = try? JSONSerialization.data(
                withJSONObject: foundationObject, options: [.sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed])
        else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }
}
