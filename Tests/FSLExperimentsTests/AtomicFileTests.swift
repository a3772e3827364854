import Foundation
import Testing
@testable import FSLExperiments

/// A fresh, empty directory for one test, removed afterwards.
private final class TemporaryDirectory {
    let path: String

    init() throws {
        var base = NSTemporaryDirectory()
        while base.hasSuffix("/") { base.removeLast() }
        var template = Array((base + "/fslsim-atomic-XXXXXX").utf8CString)
        let created = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard created != nil else { throw OutputError(path: "tmp", message: "mkdtemp failed") }
        path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Entry names in the directory, sorted; hidden temporary files included.
    func entries(_ subpath: String = "") throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: subpath.isEmpty ? path : path + "/" + subpath).sorted()
    }

    func read(_ name: String) throws -> String { try String(contentsOfFile: path + "/" + name, encoding: .utf8) }
}

private struct Interrupted: Error {}

@Suite struct AtomicFileTests {
    @Test func writesAndReplacesLeavingNoTemporaryFile() throws {
        let directory = try TemporaryDirectory()
        let target = directory.path + "/summary.csv"
        try AtomicFile.write("a,b\n1,2\n", to: target)
        #expect(try directory.read("summary.csv") == "a,b\n1,2\n")
        try AtomicFile.write("a,b\n3,4\n", to: target)
        #expect(try directory.read("summary.csv") == "a,b\n3,4\n")
        #expect(try directory.entries() == ["summary.csv"])
    }

    @Test func targetNeverExistsPartially() throws {
        let directory = try TemporaryDirectory()
        let target = directory.path + "/replications.csv"
        try AtomicFile.write("old\n", to: target)
        #expect(throws: Interrupted.self) {
            try AtomicFile.write(to: target) { sink in
                try sink.write("new first half\n")
                // Mid-write the target still holds the old, complete contents.
                #expect(try directory.read("replications.csv") == "old\n")
                #expect(try directory.entries().count == 2)  // target and the hidden temporary
                throw Interrupted()
            }
        }
        #expect(try directory.read("replications.csv") == "old\n")
        #expect(try directory.entries() == ["replications.csv"])
    }

    @Test func missingDirectoryFailsNamingTheTarget() throws {
        let directory = try TemporaryDirectory()
        let target = directory.path + "/absent/summary.csv"
        #expect {
            try AtomicFile.write("x\n", to: target)
        } throws: { error in
            let outputError = try #require(error as? OutputError)
            return outputError.path == target && outputError.description.contains("No such file")
        }
        #expect(try directory.entries() == [])
    }

    @Test func failedRenameRemovesTheTemporaryFile() throws {
        // A non-empty directory where the file should go: the data is written, the rename fails.
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.path + "/paired.csv/inner",
                                                withIntermediateDirectories: true)
        #expect(throws: OutputError.self) {
            try AtomicFile.write("x\n", to: directory.path + "/paired.csv")
        }
        #expect(try directory.entries() == ["paired.csv"])
        #expect(try directory.entries("paired.csv") == ["inner"])
    }
}

@Suite struct OutputDirectoryTests {
    @Test func createsNestedDirectoriesAndPublishesEveryFile() throws {
        let root = try TemporaryDirectory()
        let output = try OutputDirectory(creatingAt: root.path + "/results/demo-1")
        try output.publish([OutputFile(name: "summary.csv", contents: "s\n"),
                            OutputFile(name: "paired.csv", contents: "p\n"),
                            OutputFile(name: "run.json", contents: "{}\n")])
        #expect(try root.entries("results/demo-1") == ["paired.csv", "run.json", "summary.csv"])
        #expect(try root.read("results/demo-1/paired.csv") == "p\n")
        _ = try OutputDirectory(creatingAt: root.path + "/results/demo-1")  // existing is fine
    }

    @Test func failureLeavesNoNewFileAndNoTemporary() throws {
        let root = try TemporaryDirectory()
        let output = try OutputDirectory(creatingAt: root.path + "/out")
        try FileManager.default.createDirectory(atPath: output.path(of: "summary.csv"), withIntermediateDirectories: false)
        #expect {
            try output.publish([OutputFile(name: "replications.csv", contents: "r\n"),
                                OutputFile(name: "summary.csv", contents: "s\n")])
        } throws: { error in
            (error as? OutputError)?.path == output.path(of: "summary.csv")
        }
        #expect(try root.entries("out") == ["summary.csv"])  // only the pre-existing directory
    }

    @Test func directoryBlockedByAFileFails() throws {
        let root = try TemporaryDirectory()
        try AtomicFile.write("not a directory\n", to: root.path + "/results")
        #expect {
            try OutputDirectory(creatingAt: root.path + "/results/demo")
        } throws: { error in
            (error as? OutputError)?.path == root.path + "/results"
        }
    }
}
