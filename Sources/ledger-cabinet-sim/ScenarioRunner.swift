import CabinetSimulator

/// Runs one scenario against `LEDGER [--store S] [--lang L] cabinet hook CABINET`, one line per message sent, per
/// response received and per physical move, through `emit`.
struct ScenarioRunner: Sendable {
    /// How a scenario ended.
    enum Outcome: Equatable, Sendable {
        /// It ran to its end and the ledger answered every request with `ok`.
        case done
        /// The ledger refused, failed or did not reconcile.
        case failed
        /// `--die-after` made the adapter vanish, as planned.
        case died
    }

    var options: SimulatorOptions
    /// The language of the simulator's own words.
    var language: SimulatorLanguage
    var emit: @Sendable (String) -> Void

    /// The ledger's arguments: its global options, then `cabinet hook CABINET`.
    var ledgerArguments: [String] {
        (options.store.map { ["--store", $0] } ?? []) + (options.language.map { ["--lang", $0.rawValue] } ?? [])
            + ["cabinet", "hook", options.cabinet]
    }

    /// Runs the scenario; returns the exit status (0 done or died as asked, 1 otherwise).
    func run() async -> Int32 {
        let channel: any CabinetChannel
        do {
            if let socket = options.socket {
                channel = try await SocketCabinetChannel.connect(to: socket, responseTimeout: options.timeout)
            } else {
                channel = try await ProcessCabinetChannel.spawn(
                    executable: options.ledger ?? "ledger", arguments: ledgerArguments, capturesStandardError: false,
                    responseTimeout: options.timeout)
            }
        } catch {
            emit("✕ \(error)")
            return 1
        }
        let cabinet = SimulatedCabinet(code: options.cabinet, slots: options.slots ?? [], noise: options.noise, link: channel)
        let (emit, showsJSON) = (self.emit, options.showsJSON)
        await cabinet.observe { traffic in emit(TrafficLine.text(for: traffic, showsJSON: showsJSON)) }
        var outcome: Outcome
        do {
            outcome = try await play(cabinet)
        } catch {
            emit("✕ \(error)")
            outcome = .failed
        }
        guard let hook = channel as? ProcessCabinetChannel else {
            // The daemon goes on serving; this connection ends here (a death is the connection closing mid-session).
            await channel.close()
            return outcome == .failed ? 1 : 0
        }
        // The hook ends when its standard input does: let it, then make sure.
        if outcome != .died { try? await hook.finishWriting() }
        let exit = try? await hook.exit(within: .seconds(10))
        if exit == nil { hook.terminate() }
        await hook.close()
        if let exit, exit != .exited(0) {
            emit("✕ " + language.text("ledger 结束：\(exit)", "ledger ended: \(exit)"))
            if outcome == .done { outcome = .failed }
        }
        return outcome == .failed ? 1 : 0
    }

    private func play(_ cabinet: SimulatedCabinet) async throws -> Outcome {
        guard try await cabinet.hello(adapter: options.adapter).isOK else { return .failed }
        if options.scenario == .hello { return .done }
        let slots = await cabinet.slots
        guard let first = slots.first else {
            emit("✕ " + language.text("柜子没有格位（可用 --slots 指定）", "the cabinet has no slots (give --slots)"))
            return .failed
        }
        try await cabinet.stock(startingContents(firstSlot: first))
        switch options.scenario {
        case .hello:
            return .done
        case .alarm:
            return try await cabinet.alarm(kind: options.alarmKind, session: options.session).isOK ? .done : .failed
        case .resume:
            return try await reconcile(cabinet, session: options.session)
        case .demo, .session:
            return try await doorSession(cabinet)
        }
    }

    /// `--tag`s, and each tag to be taken that no `--tag` places, in the first slot.
    func startingContents(firstSlot: String) -> [SimulatedTag] {
        var contents = options.tags
        for uid in options.takes + (options.alsoTake.map { [$0] } ?? []) where !contents.contains(where: { $0.uid == uid }) {
            contents.append(SimulatedTag(uid: uid, slot: firstSlot))
        }
        return contents
    }

    private func doorSession(_ cabinet: SimulatedCabinet) async throws -> Outcome {
        guard let credential = options.credential else { return .failed }
        let allowed = try await cabinet.authorize(credential, witness: options.witness)
        guard allowed.isOK, allowed.isAllowed, let session = allowed.session else { return .failed }
        if try await dies(.authorize, cabinet, session) { return .died }
        guard try await cabinet.openDoor(session: session).isOK else { return .failed }
        if try await dies(.doorOpened, cabinet, session) { return .died }
        for uid in options.takes {
            let tag = try await cabinet.take(uid: uid)
            emit("· " + language.text("取出 \(uid)（\(tag.slot)）", "takes \(uid) from \(tag.slot)"))
        }
        if let uid = options.alsoTake {
            let tag = try await cabinet.take(uid: uid)
            emit("· " + language.text("又取出 \(uid)（\(tag.slot)），未获批准", "also takes \(uid) from \(tag.slot), not approved"))
        }
        for tag in options.puts {
            try await cabinet.put(uid: tag.uid, slot: tag.slot)
            emit("· " + language.text("放入 \(tag.uid)（\(tag.slot)）", "puts \(tag.uid) into \(tag.slot)"))
        }
        if try await dies(.taken, cabinet, session) { return .died }
        guard try await cabinet.closeDoor(session: session).isOK else { return .failed }
        if try await dies(.doorClosed, cabinet, session) { return .died }
        return try await reconcile(cabinet, session: session)
    }

    private func reconcile(_ cabinet: SimulatedCabinet, session: JSONValue?) async throws -> Outcome {
        if options.dieAfter == .round {
            guard try await cabinet.inventoryRound(session: session).isOK else { return .failed }
            _ = try await dies(.round, cabinet, session)
            return .died
        }
        let response = try await cabinet.inventoryUntilReconciled(session: session, maxRounds: options.maxRounds)
        guard response.isOK, let reconciled = response.reconciled else {
            if response.isOK {
                emit(
                    "✕ "
                        + language.text(
                            "\(options.maxRounds) 轮盘点后仍未核对完成", "not reconciled after \(options.maxRounds) rounds"))
            }
            return .failed
        }
        if reconciled.findings.isEmpty {
            emit(language.text("无发现", "No findings"))
        } else {
            emit(language.text("发现（\(reconciled.findings.count)）：", "Findings (\(reconciled.findings.count)):"))
            for finding in reconciled.findings { emit(TrafficLine.finding(finding)) }
        }
        return .done
    }

    /// Whether `--die-after` names `step`; if so the adapter dies now.
    private func dies(_ step: SimulatorOptions.Step, _ cabinet: SimulatedCabinet, _ session: JSONValue?) async throws
        -> Bool
    {
        guard options.dieAfter == step else { return false }
        await cabinet.die()
        let open = TrafficLine.value(session)
        emit("✕ " + language.text("适配器退出（通道关闭），会话 \(open) 未结束", "the adapter dies (its channel closes), session \(open) open"))
        return true
    }
}
