// libFuzzer harness: the XML of a workbook's parts split at NUL bytes, zipped
// stored and read as fuzz-xlsx reads a file (built only with `make fuzz`).
import Foundation
import SlutrapportFuzzSupport

private let harness = WorkbookFuzzHarness()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSXParts(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let broken = harness.run(parts: Data(bytes: data, count: size)).broken
    // A release build's precondition drops its message: say which promise first.
    if !broken.isEmpty { FileHandle.standardError.write(Data("a promise broke: \(broken)\n".utf8)) }
    precondition(broken.isEmpty, "a promise broke: \(broken)")
    return 0
}

// SwiftPM links an executable's entry point as `fuzz_xlsx_parts_main`; hand it to libFuzzer's driver.
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(_ argc: UnsafeMutablePointer<Int32>,
                       _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                       _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

@_cdecl("fuzz_xlsx_parts_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return runDriver(&argc, &argv, fuzzXLSXParts)
}
