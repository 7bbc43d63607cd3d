import Foundation
import FuzzTargets
import Testing

/// Every committed fuzz input through its target, without a sanitizer: the seeds under `Fuzz/Corpus/<target>/`
/// and the inputs of findings under `Fuzz/Regressions/<target>/`, so that a crash the fuzzer once found fails
/// `make test` if it comes back.
struct FuzzInputTests {
    /// `Fuzz/` beside `Tests/`, found through #filePath (Bundle.module is fragile on Linux).
    static let fuzzDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz")

    /// `kind/target/file` for every input file, sorted.
    static let inputs: [String] = ["Corpus", "Regressions"].flatMap { kind in
        let directory = fuzzDirectory.appendingPathComponent(kind)
        let targets = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return targets.flatMap { target in
            let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent(target).path)) ?? []
            return files.filter { !$0.hasPrefix(".") }.map { "\(kind)/\(target)/\($0)" }
        }
    }.sorted()

    @Test(arguments: inputs) func inputKeepsItsTargetsProperties(_ input: String) throws {
        let target = try #require(FuzzTarget.named(String(input.split(separator: "/")[1])), "no fuzz target for \(input)")
        let data = try Data(contentsOf: Self.fuzzDirectory.appendingPathComponent(input))
        try target.check(data)
    }

    @Test func everyTargetHasSeeds() {
        let seeded = Set(Self.inputs.filter { $0.hasPrefix("Corpus/") }.map { String($0.split(separator: "/")[1]) })
        #expect(Set(FuzzTarget.all.map(\.name)).subtracting(seeded).isEmpty)
    }

    @Test func targetNamesAreUnique() {
        #expect(Set(FuzzTarget.all.map(\.name)).count == FuzzTarget.all.count)
    }
}
