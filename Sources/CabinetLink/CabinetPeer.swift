/// Who is at the other end of a connection.
///
/// Over a Unix socket the ids are the peer process's credentials as the kernel reports them (`SO_PEERCRED`,
/// taken when the peer connected); over standard input and output they are `nil`, because a pipe has no peer
/// credentials.
public struct CabinetPeer: Sendable, Hashable {
    /// The connection's number: 0 for standard input and output, 1, 2, … for the server's connections in the
    /// order they were accepted.
    public var connection: Int
    public var pid: Int32?
    public var uid: UInt32?
    public var gid: UInt32?

    public init(connection: Int, pid: Int32? = nil, uid: UInt32? = nil, gid: UInt32? = nil) {
        self.connection = connection
        self.pid = pid
        self.uid = uid
        self.gid = gid
    }
}
