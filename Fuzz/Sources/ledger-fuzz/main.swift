import CFuzzerDriver
import Foundation
import FuzzTargets

// One binary for every target: LEDGER_FUZZ_TARGET names the one this run feeds; the arguments are libFuzzer's
// (`-max_total_time=60 CORPUS…`). SwiftPM links an executable's entry point under its module's name, so this is
// `main`, and it hands over to libFuzzer's driver.

/// The target of this run, chosen once.
let target: FuzzTarget = {
    guard let name = ProcessInfo.processInfo.environment["LEDGER_FUZZ_TARGET"], let target = FuzzTarget.named(name) else {
        let names = FuzzTarget.all.map(\.name).joined(separator: " ")
        FileHandle.standardError.write(Data("ledger-fuzz: set LEDGER_FUZZ_TARGET to one of: \(names)\n".utf8))
        exit(2)
    }
    return target
}()

/// One input; under its C name too, since libFuzzer's own `main`, linked in with its driver, refers to it.
@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    do {
        try target.check(data)
    } catch {
        // A property that does not hold is a crash to libFuzzer, which keeps the input for a regression.
        FileHandle.standardError.write(Data("ledger-fuzz: finding in \(target.name): \(error)\n".utf8))
        abort()
    }
    return 0
}

FileHandle.standardError.write(Data("ledger-fuzz: \(target.name): \(target.summary)\n".utf8))
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, testOneInput))
