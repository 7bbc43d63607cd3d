import CommandLineSupport
import Foundation
import LedgerPresentation
import PropertyLedger

/// How a command that needs a supervisor's approval gets it once the supervisor has a key (`checkout`,
/// `checkout extend`, `dispose`): an approval file he made elsewhere (`--approval FILE`, from `ledger approve`), or
/// made here, on this terminal, with his passphrase (`--approver-passphrase-fd N`, else asked).
struct ApprovalOptions: Sendable, Equatable {
    var file: String?
    var passphraseFD: Int32?

    /// An approval made on this terminal is used at once: it expires in 10 minutes.
    static let onTheSpotValidity: TimeInterval = 10 * 60

    static let options: [Option] = [
        Option(
            name: "approval", value: "FILE",
            help: Wording(
                zh: "审批领导签名的审批文件（ledger approve … --out FILE 生成）；审批领导已登记密钥时，不给此项则在本终端输入其口令",
                en: "the approver's signed approval file (made with ledger approve … --out FILE); when the approver has a key and "
                    + "this is not given, his passphrase is asked on this terminal")),
        Option(
            name: "approver-passphrase-fd", value: "N",
            help: Wording(
                zh: "从文件描述符 N 读取审批领导的私钥口令（一行），在本终端签发审批",
                en: "read the approver's key passphrase from file descriptor N (one line), to approve on this terminal")),
    ]

    init(taking arguments: inout ArgumentReader) throws {
        file = arguments.take("approval")
        passphraseFD = try Passphrase.descriptor(arguments.take("approver-passphrase-fd"))
    }

    init() {}

    /// The approval file at `path`.
    static func read(_ path: String) throws -> SignedApproval {
        do {
            return try JSONDecoder().decode(SignedApproval.self, from: try InputFile.data(path))
        } catch let error as LedgerError {
            throw error
        } catch {
            throw LedgerError(.invalidInput, .approvalFileMalformed(path))
        }
    }
}

extension CommandContext {
    /// `command` with the approval it needs attached: the approval file, or one the approver signs here, when
    /// the approver has an enrolled key; unchanged when he has none or the command needs no approval.
    func approved(_ command: CustodyCommand, in store: LedgerStore) async throws -> CustodyCommand {
        guard let request = try await ApprovalRequest(command, in: store),
            let approval = try await approval(for: request, in: store)
        else { return command }
        return request.attaching(approval)
    }

    /// The approval `request` asks for: the approval file, or one the approver signs here, on this terminal;
    /// nil when there is no file and the approver has no enrolled key (he approves by name).
    func approval(for request: ApprovalRequest, in store: LedgerStore) async throws -> SignedApproval? {
        if let file = approvals.file { return try ApprovalOptions.read(file) }
        guard let key = try await store.activeKey(of: .officer(request.approver)) else { return nil }
        let signer = try await OfficerSigners.shared.signer(
            badge: request.approver, key: key, store: store, keyFile: nil, passphraseFD: approvals.passphraseFD, language: language)
        let statement = try ApprovalStatement(
            origin: store.identity.origin, action: request.action, terms: request.terms, approver: request.approver,
            expires: Date().addingTimeInterval(ApprovalOptions.onTheSpotValidity))
        return try SignedApproval.signing(statement, with: signer)
    }
}

/// What a command asks its approver to approve: the action and its terms, as the rules will compare them.
struct ApprovalRequest {
    let action: ApprovalStatement.Action
    let terms: [String: String]
    let approver: String
    let attaching: @Sendable (SignedApproval) -> CustodyCommand

    /// The approval `command` needs, or nil for a command that needs none or already carries one.
    init?(_ command: CustodyCommand, in store: LedgerStore) async throws {
        func badge(_ text: String) -> String { text.precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespaces) }
        switch command {
        case .checkOut(let object, let to, let reason, let approvedBy, let due, let note, let caseNumber, nil):
            let id = try await store.resolve(object)
            action = .checkout
            terms = ["object": id, "to": badge(to), "reason": reason.rawValue, "due": Timestamp.string(due)]
            approver = badge(approvedBy)
            attaching = {
                .checkOut(
                    object: object, to: to, reason: reason, approvedBy: approvedBy, due: due, note: note, caseNumber: caseNumber,
                    approval: $0)
            }
        case .extendCheckout(let object, let due, let approvedBy, let reason, let caseNumber, nil):
            let id = try await store.resolve(object)
            action = .extension_
            terms = ["object": id, "due": Timestamp.string(due), "reason": reason.trimmingCharacters(in: .whitespacesAndNewlines)]
            approver = badge(approvedBy)
            attaching = {
                .extendCheckout(object: object, due: due, approvedBy: approvedBy, reason: reason, caseNumber: caseNumber, approval: $0)
            }
        case .dispose(let object, let method, let approvedBy, let recipient, let note, let caseNumber, nil):
            let id = try await store.resolve(object)
            action = .disposal
            terms = ["object": id, "method": method.rawValue]
            approver = badge(approvedBy)
            attaching = {
                .dispose(
                    object: object, method: method, approvedBy: approvedBy, recipient: recipient, note: note, caseNumber: caseNumber,
                    approval: $0)
            }
        default:
            return nil
        }
    }
}
