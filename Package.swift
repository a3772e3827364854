// swift-tools-version:6.0
import PackageDescription

/// Invariant checks (heap order, stock conservation) compile only in debug builds.
let checkedSettings: [SwiftSetting] = [
    .define("FSLSIM_INTERNAL_CHECKS", .when(configuration: .debug))
]

let package = Package(
    name: "fslsim",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "fslsim", targets: ["fslsim"]),
        .executable(name: "fslsim-bench", targets: ["fslsim-bench"]),
        .library(name: "FSLCommandLine", targets: ["FSLCommandLine"]),
    ],
    targets: [
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"])]
        ),
        .target(name: "FSLKernel", dependencies: ["CGSL"], swiftSettings: checkedSettings),
        .target(name: "FSLNetwork", dependencies: ["FSLKernel"], swiftSettings: checkedSettings),
        .target(name: "FSLSimulation", dependencies: ["FSLKernel", "FSLNetwork"], swiftSettings: checkedSettings),
        .target(name: "FSLStrategies", dependencies: ["CGSL", "FSLKernel", "FSLNetwork", "FSLSimulation"], swiftSettings: checkedSettings),
        .target(
            name: "FSLExperiments",
            dependencies: ["CGSL", "FSLKernel", "FSLNetwork", "FSLSimulation", "FSLStrategies"],
            swiftSettings: checkedSettings
        ),
        .target(
            name: "FSLCommandLine",
            dependencies: ["FSLKernel", "FSLNetwork", "FSLSimulation", "FSLStrategies", "FSLExperiments"],
            swiftSettings: checkedSettings
        ),
        .executableTarget(name: "fslsim", dependencies: ["FSLCommandLine"]),
        .executableTarget(
            name: "fslsim-bench",
            dependencies: ["CGSL", "FSLKernel", "FSLNetwork", "FSLSimulation", "FSLStrategies", "FSLExperiments"]
        ),
        .target(
            name: "TestSupport",
            dependencies: ["FSLKernel", "FSLNetwork", "FSLSimulation", "FSLStrategies", "FSLExperiments"],
            path: "Tests/TestSupport"
        ),
        .testTarget(name: "FSLKernelTests", dependencies: ["FSLKernel", "TestSupport"]),
        .testTarget(name: "FSLNetworkTests", dependencies: ["FSLNetwork", "TestSupport"]),
        .testTarget(name: "FSLSimulationTests", dependencies: ["FSLSimulation", "FSLStrategies", "TestSupport"]),
        .testTarget(name: "FSLStrategiesTests", dependencies: ["FSLNetwork", "FSLSimulation", "FSLStrategies", "TestSupport"]),
        .testTarget(name: "FSLExperimentsTests", dependencies: ["FSLExperiments", "TestSupport"]),
        .testTarget(
            name: "FSLCommandLineTests",
            dependencies: ["FSLCommandLine", "FSLExperiments", "FSLNetwork", "FSLSimulation", "FSLStrategies", "TestSupport"]
        ),
    ]
)
