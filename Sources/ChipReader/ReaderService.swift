/// The PC/SC calls the monitor makes on its thread. ``PCSCContext`` is the real one; tests drive the monitor
/// with a fake to cover what the virtual reader cannot do, such as a reader unplugged in the middle of a wait.
protocol ReaderService: AnyObject {
    /// What ``ReaderServiceFactory/cancel`` needs to end a blocked wait from another thread.
    var cancellationHandle: Int { get }
    func readers() throws -> [String]
    /// What each reader reports now, or nil when nothing changed within `milliseconds`.
    func waitForChange(_ readers: [(name: String, last: ReaderSnapshot?)], milliseconds: Int, watchPlugAndPlay: Bool)
        throws -> [String: ReaderSnapshot]?
    func readUID(reader: String) throws -> TagUID
}

/// How the monitor connects to the service and cancels a wait.
struct ReaderServiceFactory: Sendable {
    /// Establishes a connection to the service (a PC/SC context); throws while the service is away.
    var connect: @Sendable () throws -> any ReaderService
    /// Ends a wait blocked on the connection with this handle; called from another thread.
    var cancel: @Sendable (Int) -> Void

    static let pcsc = ReaderServiceFactory(connect: { try PCSCContext() }, cancel: { PCSCContext.cancel($0) })
}

extension PCSCContext: ReaderService {
    var cancellationHandle: Int { Int(handle) }
}
