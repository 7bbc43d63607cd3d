extension Returned {
    /// The condition recorded when nobody gave one (the clerk's scanning loop): a language-neutral code, worded
    /// when shown (完好, intact). Conditions people give are their own words, stored as typed.
    public static let intact = "intact"
}
