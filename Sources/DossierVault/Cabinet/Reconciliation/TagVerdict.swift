/// What the reconciler makes of one tag.
enum TagVerdict {
    /// As the ledger believes: inside (in its slot), or — for a tag not believed inside — not read at all.
    case unchanged
    case absent
    case present(slot: String?)
    case moved(SlotChange)
    case located(slot: String)
    case spurious
    /// Not sure yet.
    case undecided
}
