// libFuzzer harness: a project.yaml and a participants.csv in one input,
// split at the first NUL byte, built to all outputs (only with `make fuzz`).
import Foundation
import SlutrapportKit

private let harness = FuzzHarness(projectYAML: nil)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPipeline(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let split = bytes.firstIndex(of: 0) ?? size
    let yaml = Data(UnsafeBufferPointer(rebasing: bytes[0..<split]))
    let csv = split < size ? Data(UnsafeBufferPointer(rebasing: bytes[(split + 1)...])) : Data()
    harness.run(files: ["project.yaml": yaml, "participants.csv": csv])
    return 0
}

// SwiftPM links an executable's entry point as `fuzz_pipeline_main`; hand it to libFuzzer's driver.
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(_ argc: UnsafeMutablePointer<Int32>,
                       _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                       _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

@_cdecl("fuzz_pipeline_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return runDriver(&argc, &argv, fuzzPipeline)
}
