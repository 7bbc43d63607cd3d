import Foundation

/// A JSON document from outside, read into plain cases so every field can be checked by hand: booleans are
/// never numbers, integers are told from fractions, and nothing is taken on trust.
///
/// Parsed by Foundation's `JSONSerialization` (a round of 500 tags in about 3 ms, where decoding into this
/// enum through `Decodable` took 20 ms: every value tried as an array, an object and each scalar in turn, each
/// failure an error), then converted case by case.
enum JSONInput: Sendable, Hashable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONInput])
    case object([String: JSONInput])

    /// `bytes` read as JSON, or nil when they are not JSON.
    static func parse(_ bytes: some Collection<UInt8>) -> JSONInput? {
        guard let value = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) else { return nil }
        return JSONInput(parsed: value)
    }

    /// The class Foundation gives JSON's `true` and `false`; every other number is a plain `NSNumber`.
    private static let booleanClass = ObjectIdentifier(type(of: NSNumber(value: true)))
    private static let stringType = ObjectIdentifier(String.self)
    private static let arrayType = ObjectIdentifier([Any].self)
    private static let objectType = ObjectIdentifier([String: Any].self)

    /// The value `JSONSerialization` gave, converted. Its types are told apart by their identity first: a
    /// conditional cast (`as? String`) of an `Any` holding something else goes through the runtime's bridging
    /// search on Linux, and was 95% of the time of reading a round of 500 tags.
    private init?(parsed value: Any) {
        let type = ObjectIdentifier(Swift.type(of: value))
        if type == Self.stringType, let text = value as? String {
            self = .string(text)
        } else if type == Self.objectType, let members = value as? [String: Any] {
            var converted: [String: JSONInput] = [:]
            converted.reserveCapacity(members.count)
            for (key, value) in members {
                guard let element = JSONInput(parsed: value) else { return nil }
                converted[key] = element
            }
            self = .object(converted)
        } else if type == Self.arrayType, let values = value as? [Any] {
            var converted: [JSONInput] = []
            converted.reserveCapacity(values.count)
            for value in values {
                guard let element = JSONInput(parsed: value) else { return nil }
                converted.append(element)
            }
            self = .array(converted)
        } else if let number = value as? NSNumber {
            if ObjectIdentifier(Swift.type(of: number)) == Self.booleanClass {
                self = .bool(number.boolValue)
            } else if let kind = String(validatingCString: number.objCType),
                kind == "d" || kind == "f" || (kind == "Q" && number.uint64Value > UInt64(Int64.max))
            {
                self = .number(number.doubleValue)
            } else {
                self = .integer(number.int64Value)
            }
        } else if value is NSNull {
            self = .null
        } else if let text = value as? String {
            // Another string representation (bridged): correct, only slower.
            self = .string(text)
        } else {
            return nil
        }
    }

    subscript(_ key: String) -> JSONInput? {
        guard case .object(let members) = self, let value = members[key], value != .null else { return nil }
        return value
    }

    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var integer: Int64? {
        switch self {
        case .integer(let value): value
        case .number(let value) where value.rounded() == value && abs(value) < 1e15: Int64(value)
        default: nil
        }
    }

    var number: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .number(let value): value
        default: nil
        }
    }

    var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    var isObject: Bool {
        if case .object = self { return true }
        return false
    }
}
