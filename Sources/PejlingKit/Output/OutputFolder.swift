import Foundation

/// The output folder and its atomic replacement.
///
/// A build writes into a staging folder beside the output (same file system), then swaps
/// it in with one `rename`: a failed or killed build leaves the previous output exactly as
/// it was. The output carries a manifest (``OutputFolder/manifestName``); a non-empty folder
/// without one was not made by pejling, and is never replaced.
///
/// The output that a swap replaces is kept beside it (`.<output>.pejling-kept`), and the next
/// build stages in it: it already holds every file that did not change since, so a rebuild
/// touches only what changed instead of linking every file into a fresh folder and removing
/// the old one afterwards (at 10,000 municipalities, 60,000 of each). Its files share their
/// bytes with the output by hard links where they are the same; a staged file is always
/// written as a new file (``DirectorySink``), never through such a link.
///
/// ```swift
/// let folder = OutputFolder(path: "output")
/// let (staging, differing) = try folder.prepareStaging()   // differing: where the kept output differs
/// // … write into staging …
/// try folder.publish(staging: staging, manifest: manifest)
/// ```
struct OutputFolder: Sendable {
    /// The manifest's file name inside the output folder.
    public static let manifestName = ".pejling-manifest.json"
    static let stagingMarker = ".pejling-staging"

    /// The folder as the user named it.
    public let path: String

    public init(path: String) {
        var path = path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        self.path = path
    }

    var parent: String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    var name: String {
        path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
    }

    /// Where the build keeps what it saw of its input files (``InputStatCache``): beside the
    /// output, not in it, as it differs from machine to machine.
    var statCachePath: String { "\(parent)/.\(name).pejling-stat" }

    /// The output that the last build replaced, where the next build stages (see above).
    var keptPath: String { "\(parent)/.\(name).pejling-kept" }

    /// Why the folder may not be replaced, or nil when it may: it is absent, empty, or has a manifest.
    public func refusal() -> String? {
        if name == "." || name == ".." || name.isEmpty {
            return "--output skal angive en mappe for sig selv, ikke '\(path)'"
        }
        guard SafePath.exists(path) else { return nil }
        guard SafePath.isDirectory(path) else {
            return "'\(path)' findes og er ikke en mappe; pejling erstatter den ikke"
        }
        if let mountPoint = mountPointRefusal() { return mountPoint }
        let entries = SafePath.listing(path)
        if entries.isEmpty || entries.contains(Self.manifestName) { return nil }
        return "'\(path)' er ikke tom og er ikke skrevet af pejling (den har ingen \(Self.manifestName)); "
            + "pejling erstatter kun sit eget output. Vælg en anden mappe med --output, eller tøm mappen først"
    }

    /// Why a folder that is a mount point cannot be the output: pejling builds beside it and
    /// swaps the new folder in, and a mount point cannot be swapped.
    func mountPointRefusal() -> String? {
        var own = stat()
        var above = stat()
        guard stat(path, &own) == 0, stat(parent, &above) == 0, own.st_dev != above.st_dev else { return nil }
        return Self.mountPointMessage(path)
    }

    static func mountPointMessage(_ path: String) -> String {
        "'\(path)' er et monteringspunkt (et andet filsystem er monteret på mappen); pejling bygger ved siden af "
            + "mappen og bytter den nye ind, og det kan man ikke med et monteringspunkt. "
            + "Angiv en mappe inden i den, fx --output \(path)/site"
    }

    /// The manifest of the current output, if any.
    public func currentManifest() -> BuildManifest? {
        guard let bytes = SafePath.contents(path + "/" + Self.manifestName) else { return nil }
        return BuildManifest(json: bytes)
    }

    /// Whether every file the manifest lists is still in the folder.
    /// Asked on every rebuild, so the municipalities are checked on `jobs` threads, without
    /// first merging their file lists.
    public func contains(_ manifest: BuildManifest, jobs: Int = 1) -> Bool {
        @Sendable func present(_ files: [String: String]) -> Bool {
            files.keys.allSatisfy { SafePath.isSafeRelative($0) && SafePath.exists(path + "/" + $0) }
        }
        guard present(manifest.shared) else { return false }
        let entries = Array(manifest.municipalities.values)
        return ParallelMap.map(entries, jobs: jobs) { present($0.files) }.allSatisfy { $0 }
    }

    /// What the kept output says of itself (``keptNote``): the municipalities whose files in it
    /// differ from the output's, one per line after a first line naming the format.
    static let keptNote = ".pejling-kept"
    static let keptNoteHeader = "pejling-kept 1"

    /// The staging folder beside the output, with the municipalities in which what it already
    /// holds differs from the output: the kept previous output (taken over by a `rename`, so no
    /// other build can take it too), or a new, empty folder (nil) when there is none or its
    /// note cannot be read. Stale staging folders of killed builds are removed first.
    public func prepareStaging() throws -> (path: String, differing: Set<String>?) {
        removeStaleStagingFolders()
        let staging = "\(parent)/.\(name).pejling-staging-\(getpid())"
        do {
            if SafePath.exists(staging) { OpenFolder.removeTree(staging) }
            if rename(keptPath, staging) == 0 {
                let note = SafePath.contents(staging + "/" + Self.keptNote).map { String(decoding: $0, as: UTF8.self) }
                let lines = note?.split(separator: "\n", omittingEmptySubsequences: false) ?? []
                if lines.first == Self.keptNoteHeader[...], lines.last == "" {
                    // The note and the old manifest go; the manifest is written again at the end.
                    unlink(staging + "/" + Self.keptNote)
                    unlink(staging + "/" + Self.manifestName)
                    try FileWriting.write([], to: staging + "/" + Self.stagingMarker)
                    return (staging, Set(lines.dropFirst().dropLast().map(String.init)))
                }
                OpenFolder.removeTree(staging)
            }
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
            try FileWriting.write([], to: staging + "/" + Self.stagingMarker)
        } catch {
            throw OutputError("pejling kan ikke skrive output til '\(path)': den nye udgave bygges i en mappe ved siden af "
                              + "(i '\(parent)'), og den kan ikke oprettes, fordi \(SystemError.describe(error)). "
                              + "Vælg en mappe, hvor pejling kan skrive, med --output")
        }
        return (staging, nil)
    }

    /// Removes from staging what this build did not write or take over: a municipality no
    /// longer built, a file of an older version. The municipalities' folders (`municipalities`)
    /// were made right by ``DirectorySink`` itself; the site-wide files (`shared`: the overview,
    /// `assets/`) are compared entry by entry.
    static func prune(_ staging: String, shared: [String], municipalities: Set<String>) {
        var expected: [String: Set<String>] = ["": municipalities]   // folder (relative) → names in it
        for path in shared {
            var folder = ""
            for part in path.split(separator: "/") {
                expected[folder, default: []].insert(String(part))
                folder = folder.isEmpty ? String(part) : folder + "/" + part
            }
        }
        expected["", default: []].insert(stagingMarker)
        func prune(_ relative: String) {
            guard let open = OpenFolder(relative.isEmpty ? staging : staging + "/" + relative) else { return }
            for entry in open.removeEntries(notIn: expected[relative] ?? []) where entry.isFolder {
                if relative.isEmpty, municipalities.contains(entry.name) { continue }
                prune(relative.isEmpty ? entry.name : relative + "/" + entry.name)
            }
        }
        prune("")
    }

    /// Writes the manifest into staging and swaps staging in for the output; the old output is
    /// then kept beside it for the next build (``keptPath``), replacing the one kept before.
    ///
    /// `written` are the municipalities this build rendered: in them, and only in them, the kept
    /// output's files differ from the new output's, and its note says so for the next build.
    func publish(staging: String, manifest: BuildManifest, written: Set<String> = [], jobs: Int = 1) throws {
        unlink(staging + "/" + Self.manifestName)
        let file = try FileWriting.Appending(path: staging + "/" + Self.manifestName)
        try manifest.json(jobs: jobs) { piece in
            var piece = piece
            try piece.withUTF8 { try file.append($0) }
        }
        try? FileManager.default.removeItem(atPath: staging + "/" + Self.stagingMarker)
        if SafePath.exists(path) {
            if let refusal = refusal() { throw OutputError(refusal) }
            try AtomicSwap.exchange(staging, path)
            // The old output now sits at the staging path: kept for the next build to stage in.
            if SafePath.exists(keptPath) { Self.remove(keptPath, jobs: jobs) }
            unlink(staging + "/" + Self.keptNote)
            let note = ([Self.keptNoteHeader] + written.sorted()).map { $0 + "\n" }.joined()
            if (try? FileWriting.write(Array(note.utf8), to: staging + "/" + Self.keptNote)) == nil || rename(staging, keptPath) != 0 {
                Self.remove(staging, jobs: jobs)
            }
        } else {
            if !SafePath.isDirectory(parent) {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            }
            guard rename(staging, path) == 0 else {
                throw OutputError(Self.moveFailure(path, errno))
            }
        }
    }

    /// Why the new output could not be moved into place at `path`, in Danish.
    static func moveFailure(_ path: String, _ code: Int32) -> String {
        if code == EBUSY || code == EXDEV { return mountPointMessage(path) }
        return "pejling kan ikke lægge det nye output på plads i '\(path)', fordi \(SystemError.describe(code))"
    }

    /// Removes a folder, its entries on `jobs` threads (``OpenFolder``: one lookup per file).
    static func remove(_ folder: String, jobs: Int) {
        guard let open = OpenFolder(folder) else {
            try? FileManager.default.removeItem(atPath: folder)
            return
        }
        _ = ParallelMap.map(open.entries(), jobs: jobs) { entry in open.remove(entry) }
        OpenFolder.removeTree(folder)
    }

    /// Removes a staging folder after a failed build, on `jobs` threads.
    func discard(staging: String, jobs: Int = 1) {
        Self.remove(staging, jobs: jobs)
    }

    /// Staging folders of this output whose build is gone (killed). Where the two-rename
    /// swap (no `renameat2`) was killed between its renames, the old output is put back.
    func removeStaleStagingFolders() {
        let prefix = ".\(name).pejling-staging-"
        let asidePrefix = "\(name).pejling-old-"
        let statPrefix = ".\(name).pejling-stat."
        func isGone(_ pid: Int32) -> Bool { pid == getpid() || (kill(pid, 0) != 0 && errno == ESRCH) }
        for entry in SafePath.listing(parent) {
            if entry.hasPrefix(statPrefix), let pid = Int32(entry.dropFirst(statPrefix.count)), isGone(pid) {
                unlink(parent + "/" + entry)  // a stat cache's temporary file, its build killed
            } else if entry.hasPrefix(prefix), let pid = Int32(entry.dropFirst(prefix.count)), isGone(pid) {
                try? FileManager.default.removeItem(atPath: parent + "/" + entry)
            } else if entry.hasPrefix(asidePrefix), let pid = Int32(entry.dropFirst(asidePrefix.count)), isGone(pid) {
                let aside = parent + "/" + entry
                if !SafePath.exists(path), rename(aside, path) == 0 { continue }
                try? FileManager.default.removeItem(atPath: aside)
            }
        }
    }
}

/// Exchanges two paths in one step (Linux `renameat2(RENAME_EXCHANGE)`); where that is not
/// available, two renames, with the gap between them as short as it can be.
enum AtomicSwap {
    static func exchange(_ a: String, _ b: String) throws {
        #if os(Linux)
        // glibc (2.28+) has renameat2, but Swift's Glibc module does not import it: look it up.
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") {
            let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
            let renameExchange: UInt32 = 1 << 1
            if renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0 { return }
        }
        #endif
        let aside = b + ".pejling-old-\(getpid())"
        guard rename(b, aside) == 0 else {
            throw OutputError(OutputFolder.moveFailure(b, errno))
        }
        guard rename(a, b) == 0 else {
            let code = errno
            _ = rename(aside, b)
            throw OutputError(OutputFolder.moveFailure(b, code))
        }
        _ = rename(aside, a)
    }
}
