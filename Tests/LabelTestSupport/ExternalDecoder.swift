public import Foundation

/// The independent tools the label tests check our output with, run as real processes: `zbarimg` (zbar-tools)
/// decodes barcodes and QR codes from images, `rsvg-convert` (librsvg2-bin) rasterises SVG, `zint` encodes
/// Code 128 for comparison.
public enum ExternalDecoder {
    /// What a process printed and how it ended.
    public struct Run: Sendable {
        public let status: Int32
        public let output: Data
        public let error: Data
        public var text: String { String(decoding: output, as: UTF8.self) }
    }

    /// Runs `arguments[0]` (found on PATH) with the rest, `input` on its standard input.
    public static func run(_ arguments: [String], input: Data? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = Pipe()
        let error = Pipe()
        let stdin = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(input)
            try stdin.fileHandleForWriting.close()
        }
        // Read both pipes before waiting: a full pipe would block the child forever.
        let errorData = ReadBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errorData.data = error.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: outputData, error: errorData.data)
    }

    private final class ReadBox: @unchecked Sendable {
        var data = Data()
    }

    public enum Symbology: String, Sendable {
        case code128
        case qrcode
    }

    /// The symbols zbarimg finds in the image at `path`, of `symbology` only, as exact bytes (`-Sbinary`: no
    /// charset guessing), one per symbol; empty when it finds none (status 4). Throws on any other failure.
    public static func decode(_ path: String, _ symbology: Symbology) throws -> [Data] {
        let run = try run(["zbarimg", "--nodbus", "--raw", "-q", "-Sbinary", "-Sdisable", "-S\(symbology.rawValue).enable", path])
        if run.status == 4 { return [] }
        guard run.status == 0 else { throw Failure("zbarimg exited \(run.status): \(String(decoding: run.error, as: UTF8.self))") }
        // With -Sbinary zbarimg ends each symbol's bytes with a newline; ids and payloads have none of their own.
        return run.output.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true).map { Data($0) }
    }

    /// The SVG at `svgPath` rendered to PNG at `dpi` on white, as a printer driver or the browser would.
    public static func rasterise(svg svgPath: String, dpi: Double, to pngPath: String) throws {
        let run = try run(["rsvg-convert", "--dpi-x", "\(dpi)", "--dpi-y", "\(dpi)", "-b", "white", svgPath, "-o", pngPath])
        guard run.status == 0 else { throw Failure("rsvg-convert exited \(run.status): \(String(decoding: run.error, as: UTF8.self))") }
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        public init(_ description: String) { self.description = description }
    }

    /// A fresh directory under the system's temporary one, removed by the caller.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("labels-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
