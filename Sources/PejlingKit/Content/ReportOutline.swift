/// What loading learnt from a report's Markdown, so that rendering only renders: its
/// headings with their ids, what each ```` ```maaling ```` block shows, and its links to
/// places on the page. Made by ``load(_:catalogue:diagnostics:)``, which reports every
/// problem in the text; the ids are made unique on the page by
/// ``Municipality/assignHeadingIDs(diagnostics:)``.
///
/// ```swift
/// var diagnostics = Diagnostics()
/// report.outline = ReportOutline.load(report, catalogue: catalogue, diagnostics: &diagnostics)
/// ```
struct ReportOutline: Sendable, Hashable {
    /// A heading of the report.
    public struct Heading: Sendable, Hashable {
        /// The level as written: `#` is 1 (the page shows it one level down).
        public var level: Int
        /// The text as a reader sees it, without markup.
        public var text: String
        /// The id in the page (the CMS fragment puts `pejling-` before it).
        public var id: String
        public var location: SourceLocation
    }

    /// A ```` ```maaling ```` block, by the line of its opening fence in the Markdown text.
    public struct MaalingBlock: Sendable, Hashable {
        /// The 1-based line of the opening fence, counted from the start of the body (as
        /// ``FencedBlock/line``).
        public var line: Int
        /// The pejlemærke whose figures it shows; nil when the block is wrong (reported),
        /// and then it shows nothing.
        public var bearingID: String?
    }

    /// A link to a place on the same page: `[…](#id)`.
    public struct Anchor: Sendable, Hashable {
        /// The id written after `#`, percent-decoded.
        public var target: String
        public var location: SourceLocation
    }

    public var headings: [Heading] = []
    public var maalingBlocks: [MaalingBlock] = []
    public var anchors: [Anchor] = []

    public init(headings: [Heading] = [], maalingBlocks: [MaalingBlock] = [], anchors: [Anchor] = []) {
        self.headings = headings
        self.maalingBlocks = maalingBlocks
        self.anchors = anchors
    }

    /// The pejlemærke a block at `line` shows, or nil.
    public func bearingID(atLine line: Int) -> String? {
        maalingBlocks.first { $0.line == line }?.bearingID
    }
}
