extension Wording {
    /// This wording (a plural, with `{count}`) for `count`, or `one` when the count is 1: `3 entries`,
    /// `1 entry`. Other placeholders are filled from `arguments`.
    public func text<N: BinaryInteger>(count: N, one: Wording, in language: Language, _ arguments: [String: String] = [:]) -> String {
        (count == 1 ? one : self).text(in: language, arguments.merging(["count": String(count)]) { $1 })
    }
}
