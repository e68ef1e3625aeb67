import Foundation
import PejlingKit

/// What `pejling serve` was asked to do.
///
/// ```swift
/// var options = ServeOptions()
/// options.contentDirectory = "content"
/// options.port = 8080
/// try await PreviewServer(options: options).run()
/// ```
public struct ServeOptions: Sendable, Hashable {
    /// `--content`.
    public var contentDirectory = "content"
    /// `--templates`.
    public var templatesDirectory = "Templates"
    /// `--host`: the address to listen on; the loopback address keeps drafts on this machine.
    public var host = "127.0.0.1"
    /// `--port`.
    public var port = 8080
    /// How often the content and templates folders are looked at, where the system cannot
    /// say when a file is saved (no inotify).
    public var pollInterval: Duration = .milliseconds(200)
    /// Where the system says when a file is saved (Linux inotify): how long no event must
    /// come before a burst of saves counts as settled.
    public var quietInterval: Duration = .milliseconds(25)
    /// Where the system says when a file is saved: how often the folders are still walked in
    /// full, for what it may not report (a file system mounted over the network).
    public var safetyScanInterval: Duration = .seconds(2)
    /// Whether to use the system's notice of saves where there is one; false polls always.
    public var usesChangeNotifications = true
    /// How long the folders must stay unchanged before a rebuild, so that a burst of saves
    /// (an editor writing several files, or a temporary file and a rename) builds once.
    public var settleInterval: Duration = .milliseconds(60)
    /// The longest a burst may delay a rebuild.
    public var maximumSettleTime: Duration = .milliseconds(600)
    /// How often an idle event stream gets a comment line, so that a closed tab is noticed.
    public var keepAliveInterval: Duration = .seconds(15)
    /// Threads for loading and rendering.
    public var jobs = ProcessInfo.processInfo.activeProcessorCount

    public init() {}

    /// The build options of a preview: always with drafts, never strict.
    var buildOptions: BuildOptions {
        var options = BuildOptions()
        options.contentDirectory = contentDirectory
        options.templatesDirectory = templatesDirectory
        options.includeDrafts = true
        options.jobs = jobs
        options.pdf = false  // rendered only when asked for (PreviewResponder)
        return options
    }
}
