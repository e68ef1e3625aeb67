import Foundation
import Testing
@testable import PejlingKit

/// The demo content in `content/`, loaded and built once for the figure tests.
enum DemoSite {
    /// The package's root folder, found from this file's path.
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func options(drafts: Bool) -> BuildOptions {
        var options = BuildOptions()
        options.contentDirectory = root + "/content"
        options.templatesDirectory = root + "/Templates"
        options.includeDrafts = drafts
        options.jobs = 2
        return options
    }

    /// The loaded content (drafts included).
    static let content: SiteContent? = ContentLoader(directory: root + "/content", jobs: 2).load().0

    /// Every file a build writes, with and without drafts.
    static let builtWithDrafts: [String: [UInt8]] = build(drafts: true)
    static let builtWithoutDrafts: [String: [UInt8]] = build(drafts: false)

    static func build(drafts: Bool) -> [String: [UInt8]] {
        let sink = MemorySink()
        let result = SiteBuilder(options: options(drafts: drafts)).render(into: sink)
        return result.failed ? [:] : sink.files
    }

    static func municipality(_ slug: String) throws -> Municipality {
        let content = try #require(content)
        return try #require(content.municipalities.first { $0.slug == slug })
    }

    static func figures(_ slug: String) throws -> MunicipalityFigures {
        let content = try #require(content)
        let municipality = try municipality(slug)
        return MunicipalityFigures(catalogue: content.catalogue, analysis: municipality.analysis?.measurement,
                                   status: municipality.status?.measurement)
    }

    static func text(_ path: String, drafts: Bool = true) throws -> String {
        let bytes = try #require((drafts ? builtWithDrafts : builtWithoutDrafts)[path], "\(path) was not built")
        return String(decoding: bytes, as: UTF8.self)
    }

    /// data.json of a built municipality, parsed.
    static func dataJSON(_ slug: String, drafts: Bool = true) throws -> [String: Any] {
        let bytes = try #require((drafts ? builtWithDrafts : builtWithoutDrafts)["\(slug)/data.json"])
        let object = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        return try #require(object as? [String: Any])
    }
}
