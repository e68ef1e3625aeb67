import PejlingKit

/// One state of the preview, as requests see it: the files of the last good build, and the
/// latest build's problems when it failed. Immutable; ``PreviewState`` swaps in a new one.
///
/// Every file remembers the generation in which its bytes last changed, so that an open page
/// reloads only when what it shows has changed.
///
/// ```swift
/// let snapshot = PreviewSnapshot(instance: "a1").applying(outcome)
/// snapshot.files["index.html"]       // the overview's bytes, as `pejling build --drafts` writes them
/// ```
public struct PreviewSnapshot: Sendable {
    /// Output paths (`esbjerg/index.html`) and their bytes, from the last build that succeeded.
    public private(set) var files: [String: [UInt8]] = [:]
    /// The municipality slugs of the last good build.
    public private(set) var slugs: [String] = []
    /// Set while the latest build failed; cleared by the next build that succeeds.
    public private(set) var failure: BuildFailure?
    /// The latest build's diagnostics (errors and warnings).
    public private(set) var diagnostics = Diagnostics()
    /// Counts every change that a browser can see.
    public private(set) var generation = 0
    /// Whether any build has succeeded yet.
    public var hasBuilt: Bool { goodBuilds > 0 }

    /// Tells this process's versions from those of an earlier run, so that a page left open
    /// across a restart is refreshed.
    let instance: String
    /// The generation in which each file's bytes last changed.
    private(set) var changedIn: [String: Int] = [:]
    /// The generation in which the set of paths last changed (a 404 page's version).
    private(set) var pathsChangedIn = 0
    /// The generation in which a `.css` file last changed (or appeared, or went).
    private(set) var stylesheetsChangedIn = 0
    private var goodBuilds = 0

    public init(instance: String) {
        self.instance = instance
    }

    /// The snapshot after a build: with the build's files when it succeeded; with the old files
    /// and the build's problems when it failed.
    func applying(_ outcome: BuildOutcome) -> PreviewSnapshot {
        var next = self
        next.diagnostics = outcome.diagnostics
        let generation = self.generation + 1
        guard !outcome.failed else {
            let failure = BuildFailure(entries: outcome.failureEntries, generation: generation)
            if self.failure?.entries != failure.entries {
                next.failure = failure
                next.generation = generation
            }
            return next
        }
        // A partial build touches only its municipalities' files: the others (tens of
        // thousands on a large site) keep their bytes and generations without being looked at.
        var files = outcome.replacedSlugs == nil ? [:] : self.files
        var changedIn = outcome.replacedSlugs == nil ? [:] : self.changedIn
        var changed = self.failure != nil
        var pathsChanged = false
        var stylesheetChanged = false
        func remove(_ path: String) {
            files[path] = nil
            changedIn[path] = nil
            pathsChanged = true
            if path.hasSuffix(".css") { stylesheetChanged = true }
        }
        if let replaced = outcome.replacedSlugs {
            for path in self.files.keys {
                guard let slash = path.utf8.firstIndex(of: 0x2F), replaced.contains(String(path[..<slash])),
                      outcome.files[path] == nil else { continue }
                remove(path)
            }
        } else {
            for path in self.files.keys where outcome.files[path] == nil { remove(path) }
        }
        for (path, bytes) in outcome.files {
            if let old = self.files[path], old == bytes, let when = self.changedIn[path] {
                changedIn[path] = when
            } else {
                if self.files[path] == nil { pathsChanged = true }
                changedIn[path] = generation
                changed = true
                if path.hasSuffix(".css") { stylesheetChanged = true }
            }
            files[path] = bytes
        }
        if pathsChanged {
            next.pathsChangedIn = generation
            changed = true
        }
        if stylesheetChanged {
            next.stylesheetsChangedIn = generation
            changed = true
        }
        next.files = files
        next.changedIn = changedIn
        next.slugs = outcome.slugs
        next.failure = nil
        next.goodBuilds += 1
        if changed { next.generation = generation }
        return next
    }

    /// What an open page at `target` shows, as a short string that changes whenever it does.
    func version(of target: PreviewRoute.Target) -> String {
        if let failure, target.showsErrorPage { return "\(instance)-e\(failure.generation)" }
        switch target {
        case .file(let path): return "\(instance)-\(changedIn[path] ?? 0)"
        default: return "\(instance)-p\(pathsChangedIn)"
        }
    }

    /// A version of the stylesheets: changes whenever any `.css` file does.
    var stylesheetVersion: String { "\(instance)-\(stylesheetsChangedIn)" }
}

/// Why the latest build failed: its problems, ready to show in the browser.
public struct BuildFailure: Sendable, Hashable {
    public var entries: [ErrorPage.Entry]
    /// The generation in which these problems first appeared.
    public var generation: Int
}

/// What one build produced, before it is applied to a snapshot.
struct BuildOutcome: Sendable {
    /// The files this build rendered.
    var files: [String: [UInt8]]
    /// The municipalities whose folders a partial build re-rendered; nil for a full build,
    /// which replaces every file.
    var replacedSlugs: Set<String>?
    var slugs: [String]
    var diagnostics: Diagnostics
    var failed: Bool
    /// The diagnostics as the error page shows them (with their source lines).
    var failureEntries: [ErrorPage.Entry]
}
