import Foundation

/// Which readers may be used.
///
/// The vsmartcard `vpcd` test driver (readers named `Virtual PCD …`) accepts a "tag" from anyone who can
/// reach its TCP port, so it is refused unless virtual readers are explicitly allowed — by the tests and the
/// demo, with `LEDGER_ALLOW_VIRTUAL_READERS=1`.
public struct ReaderPolicy: Sendable, Equatable {
    public var allowsVirtualReaders: Bool
    /// Only readers whose name contains this (case-insensitive), when set.
    public var nameFilter: String?

    public init(allowsVirtualReaders: Bool, nameFilter: String? = nil) {
        self.allowsVirtualReaders = allowsVirtualReaders
        self.nameFilter = nameFilter
    }

    /// The policy from the environment: virtual readers only with `LEDGER_ALLOW_VIRTUAL_READERS=1`.
    public static func fromEnvironment(nameFilter: String? = nil) -> ReaderPolicy {
        ReaderPolicy(
            allowsVirtualReaders: ProcessInfo.processInfo.environment["LEDGER_ALLOW_VIRTUAL_READERS"] == "1",
            nameFilter: nameFilter)
    }

    public static func isVirtual(_ reader: String) -> Bool { reader.hasPrefix("Virtual PCD") }

    public func allows(_ reader: String) -> Bool {
        if Self.isVirtual(reader) && !allowsVirtualReaders { return false }
        if let nameFilter, !reader.localizedCaseInsensitiveContains(nameFilter) { return false }
        return true
    }
}
