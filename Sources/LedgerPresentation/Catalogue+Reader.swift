extension Catalogue {
    /// ChipReader's reasons (``ChipReader/ReaderError/reasons``). `detail` is pcsc-lite's own text, `code`
    /// its return code.
    static let reader: [String: Wording] = [
        "pcsc-unreachable": .init(zh: "无法连接 pcscd：{detail}（{code}）", en: "cannot reach pcscd: {detail} ({code})"),
        "pcsc-list-failed": .init(zh: "无法列出读卡器：{detail}（{code}）", en: "cannot list readers: {detail} ({code})"),
        "pcsc-wait-failed": .init(zh: "等待读卡器时出错：{detail}（{code}）", en: "waiting for readers: {detail} ({code})"),
        "tag-connect-failed": .init(
            zh: "无法连接读卡器 {reader} 上的芯片：{detail}（{code}）",
            en: "cannot connect to the tag on {reader}: {detail} ({code})"),
        "uid-read-failed": .init(
            zh: "读取读卡器 {reader} 上的芯片 UID 时出错：{detail}（{code}）",
            en: "reading the UID on {reader}: {detail} ({code})"),
        "response-too-short": .init(
            zh: "读卡器只返回了 {bytes} 个字节；应答至少有 2 个字节",
            en: "the reader answered {bytes} byte(s); a response has at least 2"),
        "uid-empty": .init(zh: "读卡器返回的 UID 为空", en: "the reader returned an empty UID"),
        "uid-status-error": .init(zh: "读卡器未能读出 UID（状态字 {statusWord}）", en: "the reader could not read the UID (status {statusWord})"),
        "wedge-uid-invalid": .init(zh: "“{text}”不是 {format} 格式的 UID", en: "\"{text}\" is not a {format} UID"),
        "reader-failed": .init(zh: "读卡器出错：{detail}", en: "the reader failed: {detail}"),
        "pcsc-stopped": .init(zh: "程序正在退出，不再访问读卡器", en: "the program is exiting and reads no more readers"),
    ]
}
