import Foundation
import Testing
@testable import SlutrapportKit

/// The same participants exported four ways give byte-identical XML.
@Suite struct EncodingTests {
    let yaml = minimalYAML + """
        report: {as_of: 2022-06-30}
        subprojects: [{id: norr, name: Norr}, {id: syd, name: Syd}]
        activities: [{code: coaching, label: Coaching}, {code: praktik, label: Praktik}]
        """

    let canonical = """
        id,subproject,gender,birth_year,start_date,end_date,exit_reason,activities
        a1,norr,kvinna,1990,2021-02-01,2021-06-01,arbete,coaching;praktik
        a2,norr,man,1991,2021-02-01,,,coaching
        "a,3",syd,kvinna,1992,2021-03-01,2022-01-01,annan_orsak,
        a4,syd,man,1993,2021-03-01,2022-07-15,fullfoljt,praktik
        a5,syd,annat,1994,2021-04-01,2022-02-01,studier,coaching

        """

    /// Swedish Excel: semicolons, CRLF, Swedish headers and labels, a quoted field with a line break.
    let swedish = "Deltagar_id;Delprojekt;Kön;Födelseår;Startdatum;Slutdatum;Avslutsorsak;Aktiviteter\r\n"
        + "a1;norr;K;1990;2021-02-01;2021-06-01;Arbete;\"coaching;praktik\"\r\n"
        + "a2;norr;M;1991;2021-02-01;;;coaching\r\n"
        + "\"a,3\";syd;Kvinna;1992;2021-03-01;2022-01-01;Annan orsak;\r\n"
        + "a4;syd;Man;1993;2021-03-01;2022-07-15;Fullföljt projektet;praktik\r\n"
        + "a5;syd;ej angivet;1994;2021-04-01;2022-02-01;Studier;\"coaching\r\n\"\r\n"

    func build(_ csv: [UInt8]) throws -> (xml: String, log: [String]) {
        let f = try Fixture(["project.yaml": yaml])
        try Data(csv).write(to: URL(fileURLWithPath: f.folder + "/participants.csv"))
        let outcome = buildReports([f.folder], out: f.parent + "/out").outcome
        let log = positions(outcome.projects[0].log, relativeTo: f.folder)
        let xml = try #require(try? String(contentsOfFile: f.parent + "/out/test/slutrapport.xml", encoding: .utf8), "\(log)")
        return (xml, log)
    }

    @Test func fourEncodingsOneResult() throws {
        let utf8 = try build(Array(canonical.utf8))
        #expect(utf8.log == [])
        #expect(utf8.xml.contains("<participants total=\"5\" women=\"2\" men=\"2\" other=\"1\" active=\"2\" ended=\"3\"/>"))

        let bomSemicolonCRLF = try build([0xEF, 0xBB, 0xBF] + Array(canonical.replacingOccurrences(of: ",", with: ";")
            .replacingOccurrences(of: "\"a;3\"", with: "\"a,3\"").replacingOccurrences(of: "coaching;praktik", with: "\"coaching;praktik\"")
            .replacingOccurrences(of: "\n", with: "\r\n").utf8))
        #expect(bomSemicolonCRLF.log == [])
        #expect(bomSemicolonCRLF.xml == utf8.xml)

        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in canonical.replacingOccurrences(of: ",", with: "\t").replacingOccurrences(of: "\"a\t3\"", with: "\"a,3\"").utf16 {
            utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        let fromUTF16 = try build(utf16)
        #expect(fromUTF16.log == [])
        #expect(fromUTF16.xml == utf8.xml)

        let cp1252 = try #require(swedish.data(using: .windowsCP1252))
        #expect(String(data: cp1252, encoding: .utf8) == nil)  // really not UTF-8
        let fromExcel = try build(Array(cp1252))
        #expect(fromExcel.log == ["participants.csv:1:1 note csv-windows-1252"])
        #expect(fromExcel.xml == utf8.xml)
    }
}
