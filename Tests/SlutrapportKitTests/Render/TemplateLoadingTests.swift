import Foundation
import Testing
@testable import SlutrapportKit

/// What a template folder can do to the loader: partials that include
/// themselves or each other, nesting too deep to render, templates too large
/// for swift-mustache's parser (whose time grows with the square of a
/// template's length). Each is refused when the templates load, before
/// anything renders.
@Suite struct TemplateLoadingTests {
    /// A template folder with the five reports, the schema and `files` on top.
    func load(_ files: [String: String]) throws -> (loaded: Bool, found: [String]) {
        var all = ["report.md.mustache": "md", "report.html.mustache": "html", "report.xml.mustache": "<x/>",
                   "index.md.mustache": "i", "index.html.mustache": "i", "slutrapport.xsd": ""]
        for (name, text) in files { all[name] = text }
        let f = try Fixture(all, name: "templates")
        let (set, log) = TemplateSet.load(folder: f.folder)
        return (set != nil, positions(log, relativeTo: f.folder))
    }

    @Test func aPartialIncludingItselfIsRefusedAtItsTag() throws {
        let (loaded, found) = try load(["report.md.mustache": "# {{project.name}}\n{{#sections}}\n  {{> report.md}}\n{{/sections}}\n"])
        #expect(!loaded)
        #expect(found == ["report.md.mustache:3:3 error template-partial-cycle"])
    }

    @Test func aCycleThroughTwoPartialsIsRefusedWhereItCloses() throws {
        let (loaded, found) = try load([
            "report.html.mustache": "<p>{{> a}}</p>\n",
            "a.mustache": "a\n{{#x}}{{> b}}{{/x}}\n",
            "b.mustache": "b {{> c}}\n\n    {{> a}}\n",
            "c.mustache": "c\n",
        ])
        #expect(!loaded)
        #expect(found == ["b.mustache:3:5 error template-partial-cycle"])
    }

    @Test func theCycleMessageNamesEveryPartialOnIt() throws {
        let f = try Fixture(["report.md.mustache": "{{> a}}", "a.mustache": "{{> b}}", "b.mustache": "{{> a}}",
                             "report.html.mustache": "", "report.xml.mustache": "", "index.md.mustache": "",
                             "index.html.mustache": "", "slutrapport.xsd": ""], name: "templates")
        let (_, log) = TemplateSet.load(folder: f.folder)
        #expect(log.all.map(\.message) == ["partial 'a' includes itself: a → b → a; a partial cannot include itself, directly or through others"])
    }

    /// Set-delimiter tags change what a tag looks like; the cycle is found all the same.
    @Test func aCycleBehindOtherDelimitersIsFound() throws {
        let (loaded, found) = try load(["report.md.mustache": "{{! a comment {{> report.md}} }}\n{{=<% %>=}}\nx <%> report.md %>\n"])
        #expect(!loaded)
        #expect(found == ["report.md.mustache:3:3 error template-partial-cycle"])
    }

    @Test func partialsNestedPastTheLimitAreRefusedAtTheTagThatGoesTooDeep() throws {
        var files: [String: String] = ["report.md.mustache": "{{> p1}}"]
        let depth = TemplateSet.maximumPartialDepth + 1
        for level in 1...depth { files["p\(level).mustache"] = level < depth ? "p\(level)\n {{> p\(level + 1)}}" : "end" }
        let (loaded, found) = try load(files)
        #expect(!loaded)
        #expect(found == ["report.md.mustache:1:1 error template-partial-depth"])
        // One level less loads.
        files["p\(depth - 1).mustache"] = "end"
        #expect(try load(files).loaded)
    }

    /// Each template includes the next one ten times: small files, a huge expansion.
    @Test func partialsThatExpandPastTheLimitAreRefused() throws {
        var files: [String: String] = ["report.md.mustache": "{{> q1}}"]
        for level in 1...7 { files["q\(level).mustache"] = String(repeating: "{{> q\(level + 1)}}", count: 10) }
        files["q8.mustache"] = String(repeating: "x", count: 20)
        let (loaded, found) = try load(files)
        #expect(!loaded)
        // q4 expands to 288,880 bytes (its own 80 and ten q5s), q3 to ten of those:
        // past 1 MiB at its fourth tag. q1 and q2 only include an over-large partial.
        #expect(found == ["q3.mustache:1:25 error template-too-large"])
    }

    @Test func aDynamicPartialIsRefused() throws {
        let (loaded, found) = try load(["report.md.mustache": "x\n{{>*project.name}}"])
        #expect(!loaded)
        #expect(found == ["report.md.mustache:2:1 error template-dynamic-partial"])
    }

    /// swift-mustache reads a tag in time proportional to the rest of the
    /// template, so a template of many tags loads in quadratic time (40,000
    /// tags: two minutes). A template past the limit is refused unread.
    @Test func aTemplatePastTheSizeLimitIsRefusedBeforeItIsParsed() throws {
        let tag = "{{#a}}{{/a}}"
        let big = String(repeating: tag, count: TemplateSet.maximumTemplateBytes / tag.utf8.count + 1)
        let (loaded, found) = try load(["big.mustache": big])
        #expect(!loaded)
        #expect(found == ["big.mustache:1:1 error template-too-large"])
        let fits = String(repeating: "x", count: TemplateSet.maximumTemplateBytes)
        #expect(try load(["big.mustache": fits]).loaded)
    }

    @Test func templatesPastTheTotalLimitAreRefused() throws {
        var files: [String: String] = [:]
        let each = String(repeating: "x", count: TemplateSet.maximumTemplateBytes)
        for i in 0..<(TemplateSet.maximumTotalTemplateBytes / TemplateSet.maximumTemplateBytes) { files["t\(i + 10).mustache"] = each }
        let (loaded, found) = try load(files)
        #expect(!loaded)
        // The default files come first in name order; the last of the sixteen large ones crosses the line.
        #expect(found == ["t25.mustache:1:1 error template-too-large"])
    }

    /// The tag scanner follows Mustache's own rules: comments, triple
    /// mustaches, set-delimiter tags, tags over several lines.
    @Test func partialTagsAreFoundWithTheirPositions() {
        let text = "a {{{x}}} {{> one}}\n{{! {{> not}} }}{{>\ntwo\n}}\n{{=| |=}}|> three| {{> not}}\n|={{ }}=|  {{>*four}}{{<five}}{{/five}}"
        #expect(TemplateSet.partialTags(in: text).map { "\($0.name)@\($0.line):\($0.column)\($0.dynamic ? "*" : "")" }
            == ["one@1:11", "two@2:17", "three@5:10", "four@6:12*", "five@6:22"])
    }

    @Test func theDefaultTemplatesLoad() {
        let (set, log) = TemplateSet.load(folder: templatesFolder)
        #expect(set != nil)
        #expect(log.all.isEmpty)
    }
}
