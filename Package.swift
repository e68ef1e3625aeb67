// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "pejling",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "pejling", targets: ["pejling"]),
        .library(name: "PejlingKit", targets: ["PejlingKit"]),
    ],
    // `Serve`, on by default: `pejling serve`, with Hummingbird and SwiftNIO. `make site` builds
    // without it (`--disable-default-traits`): rendering the site needs no web server, and
    // compiling one in release mode was most of a fresh clone's `make site`.
    traits: [
        .trait(name: "Serve", description: "pejling serve: the preview server (Hummingbird, SwiftNIO)"),
        .default(enabledTraits: ["Serve"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.80.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
        // Whole numbers of any size, for the exact side of Fisher's test.
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
        // The zip container of xlsx case reviews.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // libcmark, the CommonMark reference implementation, behind a two-file shim.
        .systemLibrary(
            name: "Ccmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // libxml2, the XML parser of xlsx case reviews' parts (its SAX2 interface), behind a
        // two-file shim like Ccmark.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Every stage of the pipeline: configuration, content, markdown, measurement,
        // formatting, templates and site.
        .target(
            name: "PejlingKit",
            dependencies: [
                "Ccmark",
                "CLibXML2",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "BigInt", package: "BigInt"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // `pejling serve`: the staff preview server with live reload. Its own target so that
        // PejlingKit never depends on Hummingbird.
        .target(
            name: "PejlingServe",
            dependencies: [
                "PejlingKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The thin command line on top.
        .executableTarget(
            name: "pejling",
            dependencies: [
                "PejlingKit",
                .target(name: "PejlingServe", condition: .when(traits: ["Serve"])),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "PejlingKitTests",
            dependencies: ["PejlingKit", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Golden", "Spreadsheet/Fixtures"]
        ),
        .testTarget(
            name: "PejlingServeTests",
            dependencies: [
                "PejlingServe",
                "PejlingKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        // Runs the built binary (.build/debug/pejling) on the broken inputs of Tests/Corpus,
        // kills builds while they write, and checks what reaches the pages.
        .testTarget(name: "EndToEndTests"),
    ]
)
