/// A fenced code block found in a report, such as a ```` ```maaling ```` block.
struct FencedBlock: Sendable, Hashable {
    /// The info string after the opening fence, trimmed (`maaling`).
    public var info: String
    /// The text between the fences.
    public var content: String
    /// The 1-based line of the opening fence, counted from the start of the Markdown text.
    public var line: Int
}
