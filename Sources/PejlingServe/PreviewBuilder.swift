import Foundation
import PejlingKit

/// Builds the site into memory, with drafts, as `pejling build --drafts` would write it.
///
/// After a change confined to some municipality folders, and when the previous build succeeded,
/// only those municipalities' folders are read again and their pages rendered again (the others
/// come from the ``ContentCache``; cross-folder checks run in full, and the overview and
/// stylesheet are always rendered); anything else (site.yml,
/// kriterier.yml, a template or stylesheet) renders everything.
///
/// ```swift
/// let builder = PreviewBuilder(options: options.buildOptions)
/// let outcome = builder.build(pagesOf: ["esbjerg"], previous: state.snapshot)
/// ```
struct PreviewBuilder: Sendable {
    let options: BuildOptions
    /// What the previous builds loaded: a partial build re-reads only the changed folders.
    var cache: ContentCache? = nil

    /// Builds; `slugs` limits the pages rendered again (nil: all), and is ignored when the
    /// previous snapshot cannot be reused.
    func build(pagesOf slugs: Set<String>?, previous: PreviewSnapshot) -> BuildOutcome {
        let partial = slugs.flatMap { canReuse(previous) ? $0 : nil }
        let sink = MemorySink()
        let result = SiteBuilder(options: options).render(into: sink, pagesOf: partial, memory: cache?.reading(partial))
        var diagnostics = result.diagnostics
        if let partial {
            // The pages left alone were rendered last time: keep what that found in their folders.
            // (That build succeeded, so these are warnings; errors always come from this build.)
            diagnostics.append(contentsOf: previous.diagnostics.filter { diagnostic in
                guard let slug = municipalitySlug(of: diagnostic.location.file) else { return false }
                return !partial.contains(slug)
            })
            diagnostics = Diagnostics(diagnostics.sorted)
        }
        return BuildOutcome(files: sink.files, replacedSlugs: partial, slugs: result.municipalities,
                            diagnostics: diagnostics, failed: result.failed,
                            failureEntries: result.failed ? ErrorPage.entries(for: diagnostics) : [])
    }

    /// A partial build needs a previous good build to fill in the other pages.
    func canReuse(_ previous: PreviewSnapshot) -> Bool {
        previous.hasBuilt && previous.failure == nil
    }

    /// The slug of the municipality folder that a diagnostic's file is in, if any.
    func municipalitySlug(of file: String) -> String? {
        let prefix = DisplayPath.join(options.contentDirectory, "kommuner/")
        guard file.hasPrefix(prefix) else { return nil }
        let rest = file.dropFirst(prefix.count)
        guard let slash = rest.firstIndex(of: "/") else { return String(rest) }
        return String(rest[..<slash])
    }

    /// Runs `work` on a thread of its own, so that a long build never holds up the threads
    /// that answer requests.
    static func onThread<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: work()) }
            thread.stackSize = 16 << 20
            thread.name = "pejling-build"
            thread.start()
        }
    }
}
