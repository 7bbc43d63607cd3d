import Glibc
import Testing

@testable import CabinetLink

/// The access rule against this machine's real user database (Debian's default users: `daemon` is uid 1 with
/// primary group 1, `bin` uid 2 with primary group 2). These need no privileges.
struct PeerAccessRuleTests {
    private static let me = geteuid()
    /// A uid that is neither root nor the test's own user.
    private static let someoneElse: UInt32 = me == 1 ? 2 : 1

    @Test func theServersOwnUserAndRootAreAlwaysAllowed() {
        for group: UInt32? in [nil, 1, 65_534] {
            let rule = PeerAccessRule(serverUID: Self.me, group: group)
            #expect(rule.allows(uid: Self.me))
            #expect(rule.allows(uid: 0))
        }
    }

    @Test func withoutAGroupNobodyElseIsAllowed() {
        let rule = PeerAccessRule(serverUID: Self.me, group: nil)
        #expect(!rule.allows(uid: Self.someoneElse))
        #expect(!rule.allows(uid: 65_534))
    }

    @Test func aUserWhosePrimaryGroupIsTheGroupIsAllowed() throws {
        try #require(getpwuid(1)?.pointee.pw_gid == 1)
        let rule = PeerAccessRule(serverUID: 4_000_000, group: 1)
        #expect(rule.allows(uid: 1))
        #expect(!rule.allows(uid: 2))
    }

    @Test func aUidWithoutAUserIsRefused() throws {
        try #require(getpwuid(3_999_999) == nil)
        #expect(!PeerAccessRule(serverUID: Self.me, group: 1).allows(uid: 3_999_999))
    }

    @Test func groupsComeFromTheUserDatabase() throws {
        try #require(getpwuid(2)?.pointee.pw_gid == 2)
        #expect(UserDatabase.groups(ofUser: 2) == [2])
        #expect(UserDatabase.groups(ofUser: 3_999_999) == nil)
    }

    /// A user listed as a member of a group other than its primary one, if this machine has one (Debian's
    /// defaults have none; the test is then skipped, not passed).
    @Test(.enabled(if: PeerAccessRuleTests.supplementaryMember() != nil, "no user here is a listed member of a group"))
    func aUserListedAsAMemberOfTheGroupIsAllowed() throws {
        let (uid, group) = try #require(Self.supplementaryMember())
        #expect(PeerAccessRule(serverUID: 4_000_000, group: group).allows(uid: uid))
        #expect(!PeerAccessRule(serverUID: 4_000_000, group: nil).allows(uid: uid))
    }

    /// A (uid, gid) where the user is a listed member of the group and the group is not the user's primary one.
    static func supplementaryMember() -> (UInt32, UInt32)? {
        setgrent()
        defer { endgrent() }
        while let group = getgrent() {
            var member = group.pointee.gr_mem
            while let name = member?.pointee {
                if let user = getpwnam(name), user.pointee.pw_gid != group.pointee.gr_gid, user.pointee.pw_uid != 0 {
                    return (user.pointee.pw_uid, group.pointee.gr_gid)
                }
                member = member?.advanced(by: 1)
            }
        }
        return nil
    }
}
