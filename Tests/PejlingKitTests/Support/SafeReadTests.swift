import Foundation
import Testing
@testable import PejlingKit

@Suite struct SafeReadTests {
    static func scratch() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pejling-read-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("a plain file is read in full")
    func plainFile() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bytes = (0..<70_000).map { UInt8($0 % 251) }
        FileManager.default.createFile(atPath: folder + "/a.json", contents: Data(bytes))
        #expect(SafePath.readRegularFile(folder + "/a.json") == .success(bytes))
    }

    @Test("a pipe, a folder, a device, a missing file and a file over the limit are refused, without blocking")
    func refused() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(mkfifo(folder + "/pipe.json", 0o644) == 0)
        #expect(SafePath.readRegularFile(folder + "/pipe.json") == .failure(.notRegularFile))
        #expect(SafePath.readRegularFile(folder) == .failure(.notRegularFile))
        #expect(SafePath.readRegularFile("/dev/zero") == .failure(.notRegularFile))
        #expect(SafePath.readRegularFile(folder + "/missing.md") == .failure(.missing))
        FileManager.default.createFile(atPath: folder + "/big.md", contents: Data(count: 2_000))
        #expect(SafePath.readRegularFile(folder + "/big.md", limit: 1_000) == .failure(.tooLarge(2_000)))
        // SourceText turns a refusal into a diagnostic naming the file.
        guard case .failure(let diagnostic) = SourceText.read(path: folder + "/pipe.json", displayPath: "pipe.json") else {
            Issue.record("a pipe was read")
            return
        }
        #expect(diagnostic.location.file == "pipe.json")
        #expect(diagnostic.message.contains("ikke en almindelig fil"))
    }

    @Test("invalid UTF-8 names its byte offset, line and column (in scalars, after a BOM and CRLF)")
    func invalidUTF8() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a\r\nø\r\nxæ".utf8) + [0xFF]
        guard case .failure(let diagnostic) = SourceText.decode(bytes, file: "a.md") else {
            Issue.record("invalid UTF-8 decoded")
            return
        }
        #expect(diagnostic.message == "ugyldig UTF-8 i byte \(bytes.count - 1)")
        #expect(diagnostic.location.line == 3)
        #expect(diagnostic.location.column == 3)
    }
}

@Suite struct SafeRelativeTests {
    /// The rule, written the long way.
    static func reference(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.hasPrefix("~"), !path.utf8.contains(0), !path.utf8.contains(0x5C) else {
            return false
        }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { $0 != ".." && !$0.isEmpty }
    }

    @Test("the byte check agrees with the rule part by part, for paths made of awkward pieces")
    func agreesWithRule() {
        var random = SeededRandom(seed: 3)
        let pieces = ["/", ".", "..", "a", "~", "\\", "\u{0}", "æ", "b/c", "..."]
        var safe = 0
        for _ in 0..<30_000 {
            let path = (0..<Int.random(in: 0...5, using: &random)).map { _ in pieces.randomElement(using: &random) ?? "" }.joined()
            #expect(SafePath.isSafeRelative(path) == Self.reference(path), "\(path.debugDescription)")
            if Self.reference(path) { safe += 1 }
        }
        #expect(safe > 1_000, "both answers are tried")
    }

    @Test(arguments: ["index.html", "a/b.html", "a/.../b", "a/.b", "~a/../"])
    func examples(path: String) {
        #expect(SafePath.isSafeRelative(path) == Self.reference(path))
    }
}
