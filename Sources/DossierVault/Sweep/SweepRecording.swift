public import PropertyLedger

/// What recording a sweep wrote: one move to central storage for each dossier that could be moved, and the
/// dossiers on the list that could not (checked out, or never checked in).
public struct SweepRecording: Sendable, Equatable {
    /// The moves, in the order of the list (by due time), each naming the rule.
    public let moves: [RecordedEntry]
    /// The listed dossiers that were moved, in the same order as `moves`.
    public let moved: [SweepItem]
    /// The listed dossiers that could not be moved now.
    public let notMoved: [SweepItem]

    public init(moves: [RecordedEntry], moved: [SweepItem], notMoved: [SweepItem]) {
        self.moves = moves
        self.moved = moved
        self.notMoved = notMoved
    }
}
