// libFuzzer harness: the bytes of a participants.csv, read and checked
// against two fixed projects, the second with the ESF+ columns and
// breakdowns (built only with `make fuzz`).
import Foundation
import SlutrapportFuzzSupport

private let harnesses = [FuzzHarness(projectYAML: FuzzHarness.csvProject), FuzzHarness(projectYAML: FuzzHarness.esfCSVProject)]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Data(bytes: data, count: size)
    for harness in harnesses {
        let broken = harness.runCSV(input).broken
        precondition(broken.isEmpty, "a promise broke: \(broken)")
    }
    return 0
}

// SwiftPM links an executable's entry point as `fuzz_csv_main`; hand it to libFuzzer's driver.
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(_ argc: UnsafeMutablePointer<Int32>,
                       _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                       _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

@_cdecl("fuzz_csv_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return runDriver(&argc, &argv, fuzzCSV)
}
