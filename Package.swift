// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "slutrapport",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "slutrapport", targets: ["slutrapport"]),
        .library(name: "SlutrapportKit", targets: ["SlutrapportKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        // Writes the .docx package (a zip); on Linux it links Debian's zlib (zlib1g-dev).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // libcmark-gfm with its core extensions (table, strikethrough, autolink, tagfilter).
        .systemLibrary(
            name: "CCmarkGFM",
            path: "Sources/CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // libxml2 under a name of our own: Foundation links its own libxml2 module.
        .systemLibrary(
            name: "CSlutrapportXML2",
            path: "Sources/CSlutrapportXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // COIN-OR Clp and Cbc (EPL-2.0): the linear and integer programs of
        // disclosure control (docs/disclosure.md). Debian's coinor-libcbc-dev.
        .systemLibrary(
            name: "CCoinOR",
            path: "Sources/CCoinOR",
            pkgConfig: "cbc",
            providers: [.apt(["coinor-libcbc-dev", "coinor-libclp-dev"])]
        ),
        // C for what Swift does not reach well: the atomic swap of two folders
        // (renameat2), the SIMD scanner of plain CSV records, and zlib's
        // inflate for the members of a workbook (Debian's zlib1g-dev).
        .target(name: "CSlutrapportSys", linkerSettings: [.linkedLibrary("z")]),
        .target(
            name: "SlutrapportKit",
            dependencies: [
                "CSlutrapportSys",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                "CCmarkGFM",
                "CSlutrapportXML2",
                "CCoinOR",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // Test support, not shipped: the libFuzzer harnesses' logic, shared by Fuzz/* and the tests.
        .target(name: "SlutrapportFuzzSupport", dependencies: ["SlutrapportKit"]),
        .executableTarget(
            name: "slutrapport",
            dependencies: [
                "SlutrapportKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "SlutrapportKitTests",
            dependencies: [
                "SlutrapportKit",
                "SlutrapportFuzzSupport",
                "CSlutrapportXML2",
                "CSlutrapportSys",
                .product(name: "PropertyBased", package: "swift-property-based"),
                // Reads the .docx packages back.
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["Golden"]
        ),
    ]
)

// libFuzzer harnesses, only when `make fuzz` asks for them (they need
// -sanitize=fuzzer, which supplies their main).
if Context.environment["SLUTRAPPORT_FUZZ"] != nil {
    for name in ["csv", "yaml", "pipeline", "templates", "swap", "xlsx", "xlsx-parts"] {
        package.targets.append(.executableTarget(
            name: "fuzz-\(name)",
            dependencies: ["SlutrapportKit", "SlutrapportFuzzSupport"],
            path: "Fuzz/\(name)",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ))
    }
}
