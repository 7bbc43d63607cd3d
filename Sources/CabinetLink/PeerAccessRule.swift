/// Who may talk to the cabinet daemon: the server's own user, root, and the users of the configured group.
///
/// Membership comes from the user database (the user's primary group and the groups listing the user), not
/// from the peer process's current groups: a process that merely holds the group as a supplementary group,
/// enough for the filesystem to let it connect to the 0660 socket, is not thereby a member.
struct PeerAccessRule: Sendable, Hashable {
    /// The server's effective uid.
    var serverUID: UInt32
    /// The group whose users are allowed; nil allows only the server's user and root.
    var group: UInt32?

    /// Whether a peer running as `uid` may be served. May consult the user database: call from a thread of our
    /// own.
    func allows(uid: UInt32) -> Bool {
        if uid == serverUID || uid == 0 { return true }
        guard let group else { return false }
        return UserDatabase.groups(ofUser: uid)?.contains(group) ?? false
    }
}
