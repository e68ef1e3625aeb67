import Foundation
import PejlingKit
import ServiceLifecycle

/// Watches the content and templates folders, rebuilds after a burst of saves has settled,
/// publishes the new snapshot and tells the open pages. Runs as a service beside the HTTP
/// server and stops on Ctrl-C with it.
///
/// ```swift
/// let rebuilder = PreviewRebuilder(options: options, state: state, hub: hub, report: { print($0) })
/// rebuilder.buildNow(changes: nil)
/// ```
public struct PreviewRebuilder: Service {
    public let options: ServeOptions
    public let state: PreviewState
    public let hub: ReloadHub
    /// Receives one line (or block) of text for the terminal after every build.
    public let report: @Sendable (BuildReport) -> Void
    /// The folders as they were before the first build, so that a save during it is not missed.
    public var startingScan: FolderWatcher.Scan?
    /// What the builds loaded, kept between them.
    let cache = ContentCache()

    public init(options: ServeOptions, state: PreviewState, hub: ReloadHub,
                report: @escaping @Sendable (BuildReport) -> Void) {
        self.options = options
        self.state = state
        self.hub = hub
        self.report = report
    }

    /// What a build found, for the terminal.
    public struct BuildReport: Sendable {
        public var diagnostics: Diagnostics
        public var failed: Bool
        public var municipalities: Int
        public var seconds: Double
        /// The files that triggered it; empty for the first build.
        public var changedFiles: [String]
        /// Whether only some municipalities' pages were rendered again.
        public var partial: Bool
        /// Whether anything a browser shows changed.
        public var visibleChange: Bool
        /// Whether the diagnostics differ from the previous build's (the terminal repeats them only then).
        public var diagnosticsChanged: Bool
    }

    var watcher: FolderWatcher {
        FolderWatcher(content: options.contentDirectory, templates: options.templatesDirectory)
    }

    /// Builds now (everything when `changes` is nil or reaches outside the municipality folders)
    /// and publishes the result.
    @discardableResult
    public func buildNow(changes: FolderWatcher.Changes?) async -> BuildReport {
        let builder = PreviewBuilder(options: options.buildOptions, cache: cache)
        let previous = state.snapshot
        let slugs = changes?.municipalities
        let started = ContinuousClock.now
        let outcome = await PreviewBuilder.onThread { builder.build(pagesOf: slugs, previous: previous) }
        let elapsed = ContinuousClock.now - started
        let changed = state.update { $0.applying(outcome) }
        if changed { hub.send(.changed) }
        let report = BuildReport(
            diagnostics: outcome.diagnostics, failed: outcome.failed, municipalities: outcome.slugs.count,
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
            changedFiles: (changes?.files ?? []).map { key in
                DisplayPath.join(key.root == .content ? options.contentDirectory : options.templatesDirectory, key.relative)
            },
            partial: outcome.replacedSlugs != nil, visibleChange: changed,
            diagnosticsChanged: !previous.hasBuilt && previous.failure == nil
                || outcome.diagnostics.sorted != previous.diagnostics.sorted)
        self.report(report)
        return report
    }

    /// Watches until the service is cancelled or the server shuts down: woken by the system
    /// when a file is saved (``ChangeSignal``, Linux), or looking every ``ServeOptions/pollInterval``.
    public func run() async throws {
        let watcher = self.watcher
        let initial = startingScan ?? watcher.scan()
        await cancelWhenGracefulShutdown {
            let clock = ContinuousClock()
            var known = initial
            var lastKeepAlive = clock.now
            let signal = options.usesChangeNotifications
                ? ChangeSignal.make(content: options.contentDirectory, templates: options.templatesDirectory) : nil
            while !Task.isCancelled {
                let next = if let signal { await notifiedScan(after: known, signal: signal) } else { await polledScan(after: known) }
                guard let current = next else { break }
                let changes = watcher.changes(from: known, to: current)
                known = current
                if !changes.isEmpty { await buildNow(changes: changes) }
                if clock.now - lastKeepAlive >= options.keepAliveInterval {
                    hub.send(.keepAlive)
                    lastKeepAlive = clock.now
                }
            }
        }
        hub.close()
    }

    /// The folders after the next burst of saves, looked at again only where the saves were
    /// (in full after a save outside the municipality folders, and every
    /// ``ServeOptions/safetyScanInterval``); nil when cancelled.
    func notifiedScan(after known: FolderWatcher.Scan, signal: ChangeSignal) async -> FolderWatcher.Scan? {
        let options = self.options
        let touched = await PreviewBuilder.onThread {
            signal.wait(timeout: options.safetyScanInterval, quiet: options.quietInterval, limit: options.maximumSettleTime)
        }
        if Task.isCancelled { return nil }
        if let slugs = touched?.municipalities { return watcher.rescan(known, municipalities: slugs) }
        return watcher.scan()
    }

    /// The folders a poll interval later; when they changed, once a burst of saves has
    /// settled (two looks a moment apart agree). Nil when cancelled.
    func polledScan(after known: FolderWatcher.Scan) async -> FolderWatcher.Scan? {
        do { try await Task.sleep(for: options.pollInterval) } catch { return nil }
        var current = watcher.scan()
        guard current != known else { return current }
        let clock = ContinuousClock()
        let started = clock.now
        while clock.now - started < options.maximumSettleTime {
            do { try await Task.sleep(for: options.settleInterval) } catch { break }
            let again = watcher.scan()
            if again == current { break }
            current = again
        }
        return current
    }
}
