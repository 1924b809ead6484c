// libFuzzer harness: the state of an output folder and the system calls
// that fail, read from the input; the stale cleanup and one write run on
// it, and every promise of the output swap is checked (only with `make fuzz`).
import SlutrapportFuzzSupport

// In the build folder (make fuzz runs from the repository): libFuzzer ends with exit, which runs no deinit.
private let harness = SwapFuzzHarness(root: ".build-fuzz/swap-scratch")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSwap(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let broken = harness.run(Array(UnsafeBufferPointer(start: data, count: size)))
    precondition(broken.isEmpty, "a promise of the output swap broke: \(broken)")
    return 0
}

// SwiftPM links an executable's entry point as `fuzz_swap_main`; hand it to libFuzzer's driver.
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(_ argc: UnsafeMutablePointer<Int32>,
                       _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                       _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

@_cdecl("fuzz_swap_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return runDriver(&argc, &argv, fuzzSwap)
}
