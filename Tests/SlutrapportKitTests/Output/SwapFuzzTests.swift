import Foundation
import Testing
@testable import SlutrapportFuzzSupport
@testable import SlutrapportKit

/// The output-swap harness of `make fuzz`, run in `make test` on its seeds
/// (Tests/Fixtures/fuzz-swap) and on inputs from a fixed generator.
@Suite struct SwapFuzzTests {
    static let folder = repositoryRoot + "/Tests/Fixtures/fuzz-swap"
    static let seeds = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0 != "README.md" }.sorted()

    @Test func everySeedKeepsEveryPromise() throws {
        #expect(Self.seeds.count >= 50)
        let harness = SwapFuzzHarness()
        for name in Self.seeds {
            let input = try [UInt8](Data(contentsOf: URL(fileURLWithPath: "\(Self.folder)/\(name)")))
            #expect(harness.run(input) == [], "\(name)")
        }
    }

    @Test func generatedStatesKeepEveryPromise() {
        let harness = SwapFuzzHarness()
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15  // xorshift64: the same inputs on every run
        for run in 0..<200 {
            let input = (0..<25).map { _ -> UInt8 in
                state ^= state << 13
                state ^= state >> 7
                state ^= state << 17
                return UInt8(truncatingIfNeeded: state)
            }
            #expect(harness.run(input) == [], "input \(run): \(input)")
        }
    }
}
