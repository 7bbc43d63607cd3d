import CommandLineSupport
import Foundation
import Testing

@testable import ledger

/// What the registry promises a newcomer: one file per command, named after its type; one spec per name;
/// every command that records an entry takes `--dry-run`.
struct CommandRegistryTests {
    static let commandsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/ledger/Commands").standardized

    @Test func everyCommandIsOneFileNamedAfterItsType() {
        for type in CommandRegistry.all {
            let file = Self.commandsDirectory.appendingPathComponent("\(type).swift")
            #expect(FileManager.default.fileExists(atPath: file.path), "\(type.spec.name): no \(file.path)")
        }
    }

    @Test func namesAndOptionsAreUnique() {
        let names = CommandSpec.all.map(\.name)
        #expect(Set(names).count == names.count)
        for spec in CommandSpec.all {
            let options = (spec.options + CommandSpec.globalOptions).map(\.name)
            #expect(Set(options).count == options.count, "\(spec.name): \(options)")
        }
    }

    @Test func recordingCommandsTakeDryRun() {
        for type in CommandRegistry.all where type is any RecordingCommand.Type {
            #expect(type.spec.writesEntry, "\(type.spec.name)")
        }
        for spec in CommandSpec.all {
            #expect(spec.options.contains { $0.name == "dry-run" } == spec.writesEntry, "\(spec.name)")
        }
    }
}
