/// Every `ledger` command, in the order `ledger --help` lists them. Adding a command is one file in
/// `Commands/` and one line here; help, parsing and the completion scripts follow from it.
enum CommandRegistry {
    static let all: [any LedgerCommand.Type] = [
        // The log: create, verify, sign, prove.
        InitCommand.self,
        VerifyCommand.self,
        CheckpointCommand.self,
        KeyCommand.self,
        ProveCommand.self,
        EntryCommand.self,
        // Custody: officers, locations, cases, items, dossiers, chips, custody moves and queries.
        OfficerAddCommand.self,
        OfficerListCommand.self,
        OfficerRetireCommand.self,
        OfficerCardCommand.self,
        OfficerEnrollCommand.self,
        OfficerRekeyCommand.self,
        OfficerRevokeKeyCommand.self,
        LoginCommand.self,
        LogoutCommand.self,
        AgentServeCommand.self,
        LocationAddCommand.self,
        LocationListCommand.self,
        CaseOpenCommand.self,
        CaseProgressCommand.self,
        CaseSolveCommand.self,
        CaseCloseCommand.self,
        CaseShowCommand.self,
        ItemRegisterCommand.self,
        DossierRegisterCommand.self,
        ChipBindCommand.self,
        ChipReplaceCommand.self,
        CheckinCommand.self,
        CheckoutCommand.self,
        CheckoutExtendCommand.self,
        ApproveCheckoutCommand.self,
        ReturnCommand.self,
        MoveCommand.self,
        DisposeCommand.self,
        ItemUnrelatedCommand.self,
        CorrectCommand.self,
        ShowCommand.self,
        HistoryCommand.self,
        WhereCommand.self,
        ListCommand.self,
        ExportCommand.self,
        LabelCommand.self,
        RebuildCommand.self,
        // Deadlines (DossierVault): what is due, the rules' parameters, the sweep to central storage, the bulletin.
        DueCommand.self,
        PolicyShowCommand.self,
        PolicySetCommand.self,
        PolicyRequireSignaturesCommand.self,
        DossierSweepCommand.self,
        BulletinCommand.self,
        // Smart cabinets (DossierVault): their state, door sessions and findings.
        CabinetHookCommand.self,
        CabinetServeCommand.self,
        CabinetRunCommand.self,
        CabinetStatusCommand.self,
        CabinetEnrollCommand.self,
        CabinetSessionsCommand.self,
        FindingsCommand.self,
        FindingResolveCommand.self,
        // Other agencies (Transfers): the peers, and the witness of their logs.
        PeerAddCommand.self,
        PeerListCommand.self,
        PeerUnfreezeCommand.self,
        PeerWitnessKeyCommand.self,
        WitnessAddCheckpointCommand.self,
        WitnessKeyCommand.self,
        WitnessServeCommand.self,
        TransferCreateCommand.self,
        TransferBundleCommand.self,
        TransferReceiveCommand.self,
        TransferCloseCommand.self,
        TransferReceiptCommand.self,
        TransferListCommand.self,
        TransferShowCommand.self,
        // Readers: list them, the clerk's scanning loop, stocktakes.
        ReadersCommand.self,
        ScanCommand.self,
        AuditCommand.self,
        // The shell.
        CompletionCommand.self,
    ]

    /// The command called `name` (`verify`, `officer add`), if any.
    static func named(_ name: String) -> (any LedgerCommand.Type)? {
        all.first { $0.spec.name == name }
    }
}
