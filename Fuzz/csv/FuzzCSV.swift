// libFuzzer harness: the bytes of a participants.csv, read and checked
// against a fixed project (built only with `make fuzz`).
import Foundation
import SlutrapportKit

private let harness = FuzzHarness(projectYAML: """
    name: Fuzz
    period: {start: 2020-01-01, end: 2023-12-31}
    subprojects: [{id: a, name: A, group: G}, {id: b, name: B}]
    activities: [{code: coaching, label: Coaching}, {code: praktik, label: Praktik}]
    goals: [{id: g, metric: exit_share, reasons: [arbete], target: 50%}]
    """)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    harness.run(files: ["participants.csv": Data(bytes: data, count: size)])
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
