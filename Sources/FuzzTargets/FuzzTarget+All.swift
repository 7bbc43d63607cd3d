extension FuzzTarget {
    /// Every target, in the order `make fuzz` runs them: the log's texts, entries, transfers, the cabinet
    /// protocol, label templates, then the times and values people type.
    public static let all: [FuzzTarget] =
        [
            LogTargets.note, LogTargets.checkpoint, LogTargets.signedCheckpoint, LogTargets.noteKey, LogTargets.cosignature,
            LogTargets.receipt, LogTargets.merkleProof,
        ]
        + [EntryTargets.entry]
        + [TransferTargets.bundle, TransferTargets.receipt, TransferTargets.addCheckpoint, TransferTargets.httpHead]
        + [CabinetTargets.request, CabinetTargets.framer]
        + [LabelTargets.template, LabelTargets.layout]
        + [InputTargets.time, InputTargets.bulletinDay, InputTargets.policyValue, InputTargets.approval, InputTargets.backupManifest]
}
