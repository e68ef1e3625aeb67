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
        // Every municipality's diagnostics are in the result: the ones not read again come
        // with their loads from the cache.
        let diagnostics = result.diagnostics
        return BuildOutcome(files: sink.files, replacedSlugs: partial, slugs: result.municipalities,
                            diagnostics: diagnostics, failed: result.failed,
                            failureEntries: result.failed ? ErrorPage.entries(for: diagnostics) : [])
    }

    /// A partial build needs a previous good build to fill in the other pages.
    func canReuse(_ previous: PreviewSnapshot) -> Bool {
        previous.hasBuilt && previous.failure == nil
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
