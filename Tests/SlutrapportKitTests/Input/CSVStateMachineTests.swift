import Testing
@testable import SlutrapportKit

/// The state machine on bytes in memory, no file: its events, and the same
/// records however the input is cut.
@Suite struct CSVStateMachineTests {
    /// Records as "field|field@line", fed `step` bytes more after each `.needMore`.
    func records(_ text: String, step: Int) throws -> [String] {
        let bytes = Array(text.utf8)
        var machine = CSVStateMachine(delimiter: UInt8(ascii: ","), fieldLimit: 100)
        var quoted: [UInt8] = []
        var out: [String] = [], fields: [String] = []
        var consumed = 0, line = 1, available = min(step, bytes.count)
        machine.start(at: 0, line: 1)
        while true {
            let event = try bytes.withUnsafeBufferPointer { p in
                try machine.next(UnsafeBufferPointer(rebasing: p[0..<available]), atEnd: available == bytes.count, quoted: &quoted)
            }
            switch event {
            case .field(let f, let endsRecord):
                let range = f.start..<f.end
                fields.append(String(decoding: f.isQuoted ? quoted[range] : bytes[range], as: UTF8.self))
                if endsRecord {
                    out.append(fields.joined(separator: "|") + "@\(machine.recordLine)")
                    fields = []
                    quoted = []
                    (consumed, line) = (machine.cursor, machine.line)
                    machine.start(at: consumed, line: line)
                }
            case .needMore:
                // The record is read again whole, with more input.
                fields = []
                quoted = []
                machine.start(at: machine.recordStart, line: machine.recordLine)
                available = min(available + step, bytes.count)
            case .end:
                return out
            }
        }
    }

    @Test func eventsAreTheSameHoweverTheInputIsCut() throws {
        let text = "a,b\r\n\r\n\"x,\"\"1\"\"\",\"two\nlines\"\n,\rlast,\"q\"tail\r\n3,"
        let whole = try records(text, step: text.utf8.count)
        #expect(whole == ["a|b@1", "x,\"1\"|two\nlines@3", "|@5", "last|qtail@6", "3|@7"])
        for step in 1...9 { #expect(try records(text, step: step) == whole) }
    }

    @Test func problemsGiveOffsetsNotMessages() throws {
        #expect(throws: CSVStateMachine.Problem.self) { try records("a\n\"open", step: 3) }
        do {
            _ = try records("a,b\nc,\"open\n", step: 100)
            Issue.record("an unterminated quote was read")
        } catch {
            guard case .unterminatedQuote(let line, let lineStart, let at)? = error as? CSVStateMachine.Problem else { Issue.record("got \(error)"); return }
            #expect([line, lineStart, at] == [2, 4, 6])
        }
        do {
            _ = try records("a\n" + String(repeating: "x", count: 101) + "\n", step: 7)
            Issue.record("a field past the limit was read")
        } catch {
            guard case .fieldTooLong(let line, let lineStart, let at)? = error as? CSVStateMachine.Problem else { Issue.record("got \(error)"); return }
            #expect([line, lineStart, at] == [2, 2, 2])
        }
    }
}
