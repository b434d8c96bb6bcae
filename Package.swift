// swift-tools-version:6.1
// mimi-harness: conformance and interop harness for the IETF MIMI protocols (see ARCHITECTURE.md).
import PackageDescription

let package = Package(
    name: "mimi-harness",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "mimi-harness", targets: ["mimi-harness"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // Wire codecs: no package dependencies. CodedErrors is the error design every module shares.
        .target(name: "CodedErrors"),
        .target(name: "TLSCodec", dependencies: ["CodedErrors"]),
        .target(name: "CBOR", dependencies: ["CodedErrors"]),
        .target(name: "Results"),
        // Cryptography and MLS (RFC 9420).
        .target(name: "MLSCrypto", dependencies: ["TLSCodec", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "MLS", dependencies: ["CodedErrors", "TLSCodec", "MLSCrypto"]),
        // MIMI content format (draft-ietf-mimi-content).
        .target(name: "MIMIContent", dependencies: ["CodedErrors", "CBOR", .product(name: "Crypto", package: "swift-crypto")]),
        // Published and generated test vectors.
        .target(name: "Vectors", dependencies: [
            "Results", "TLSCodec", "CBOR", "MLSCrypto", "MLS", "MIMIContent",
        ]),
        // HTTP: libcurl client and loopback server behind one transport seam.
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(name: "Transport", dependencies: ["CCurl", .product(name: "FlyingFox", package: "FlyingFox")]),
        // MIMI protocol (draft-ietf-mimi-protocol) wire structures and simulated providers.
        .target(name: "MIMIProtocol", dependencies: ["TLSCodec", "MLSCrypto", "MLS"]),
        .target(name: "SimProviders", dependencies: ["MIMIProtocol", "MLS", "MLSCrypto", "MIMIContent", "Transport", "TLSCodec"]),
        // Scenario runner, requirement registry and reports.
        .target(name: "Scenario", dependencies: [
            "Results", "Vectors", "SimProviders", "MIMIProtocol", "MIMIContent", "MLS", "Transport", "TLSCodec",
            .product(name: "Yams", package: "Yams"),
        ]),
        // Command line.
        .target(name: "HarnessCLI", dependencies: [
            "Results", "Vectors", "Scenario", "MIMIContent", "CBOR", "Transport",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Yams", package: "Yams"),
        ]),
        // Benchmarks (release mode): vectors, commit creation and processing for large groups.
        .executableTarget(name: "mimi-bench", dependencies: ["MLS", "MLSCrypto", "Vectors"]),
        .executableTarget(name: "mimi-harness", dependencies: [
            "HarnessCLI", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .testTarget(name: "TLSCodecTests", dependencies: ["TLSCodec"]),
        .testTarget(name: "CBORTests", dependencies: ["CBOR"]),
        .testTarget(name: "ResultsTests", dependencies: ["Results"]),
        .testTarget(name: "MLSCryptoTests", dependencies: ["MLSCrypto", "TLSCodec", "Vectors"]),
        .testTarget(name: "MLSTests", dependencies: ["MLS", "MLSCrypto", "TLSCodec", "Vectors", "Results"]),
        .testTarget(name: "MIMIContentTests", dependencies: ["MIMIContent", "CBOR", "Vectors", "Results", "TLSCodec"]),
        .testTarget(name: "VectorsTests", dependencies: ["Vectors", "Results", "TLSCodec"]),
        .testTarget(name: "TransportTests", dependencies: ["Transport"]),
        .testTarget(name: "MIMIProtocolTests", dependencies: ["MIMIProtocol", "TLSCodec", "MLS", "Vectors"]),
        .testTarget(name: "SimProvidersTests", dependencies: [
            "SimProviders", "MIMIProtocol", "MIMIContent", "MLS", "MLSCrypto", "TLSCodec", "Transport",
        ]),
        .testTarget(name: "ScenarioTests", dependencies: ["Scenario", "Results"]),
        .testTarget(name: "HarnessCLITests", dependencies: ["HarnessCLI"]),
    ],
    swiftLanguageModes: [.v6]
)
