extension OutputWriter {
    /// Writes a batch's index files (`IndexWriter`) into `folder`, each
    /// staged in a marked folder as a project's output is, then renamed in
    /// place, so a reader never sees half of one and a killed build leaves
    /// nothing the next cannot clear. Each ends in `OutputMarker.indexLine`;
    /// a file at OUT/index.* without it was not written by slutrapport and is kept.
    static func writeIndex(_ files: [OutputFile], to folder: String, calls: OutputCalls, log: inout DiagnosticLog) {
        var free: [(file: OutputFile, path: String)] = []
        for file in files {
            let path = folder.appendingPathComponent(file.name)
            if OutputMarker.occupant(index: path) == .foreign {
                log.error(.outputNotOurs, "\(path) was not written by slutrapport (it does not end in slutrapport's line); move it away or choose another --out",
                          at: SourceLocation(file: path, line: 1, column: 1))
            } else {
                free.append((file, path))
            }
        }
        guard !free.isEmpty else { return }
        // "_" is in no project id, so this staging folder is never taken for a project's.
        let staging: String
        do throws(Failure) {
            staging = try makeStaging(in: folder, named: "_index", calls: calls).path
        } catch {
            for file in free { log.error(error.code, error.message, at: SourceLocation(file: file.path, line: 1, column: 1)) }
            return
        }
        defer { discard(staging) }
        for (file, path) in free {
            do throws(Failure) {
                let staged = try stage((file.name, file.contents + Array(OutputMarker.indexLine.utf8)), in: staging, shownAs: path, calls: calls)
                let error = calls.rename(staged, path)
                if error != 0 { throw .failed("cannot write \(path): \(reason(error))") }
            } catch {
                log.error(error.code, error.message, at: SourceLocation(file: path, line: 1, column: 1))
            }
        }
    }
}
