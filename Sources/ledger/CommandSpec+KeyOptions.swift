import CommandLineSupport
import LedgerPresentation

/// The options of the commands that make a key file (`officer enroll`, `officer rekey`, `cabinet enroll`).
extension CommandSpec {
    /// `--key-out PATH`, whose default is `defaultPath` (shown the same in both languages).
    static func keyOutOption(defaultPath: String) -> Option {
        Option(
            name: "key-out", value: "PATH",
            help: Wording(
                zh: "私钥文件写到这里（默认：\(defaultPath)）；不得已存在", en: "write the key file here (default: \(defaultPath)); it must not exist"))
    }

    static let newPassphraseFDOption = Option(
        name: "new-passphrase-fd", value: "N",
        help: Wording(
            zh: "从文件描述符 N 读取新私钥的口令（一行）；默认在终端上询问两次",
            en: "read the new key's passphrase from file descriptor N (one line); by default it is asked twice on the terminal"))
}
