import Foundation
import SlutrapportKit

/// What `Fuzz/templates` drives: a template folder made from the input,
/// loaded, and when it loads, rendered for a small fixed project. The input
/// is split at NUL bytes into `report.md`, `report.html` and partials `p0`
/// to `p13` (enough to nest or expand past the loader's limits); the other
/// default templates and the schema stay. Whatever the bytes, loading must
/// end in a template set or diagnostics, and rendering what loaded must end.
public final class TemplateFuzzHarness: @unchecked Sendable {
    static let partials = 14
    private let root: String
    private var templates: String { root + "/templates" }
    private var project: String { root + "/fuzz" }
    private let defaults: String
    private let validator: XMLSchemaValidator?

    public init() {
        root = NSTemporaryDirectory() + "slutrapport-fuzz-templates-\(getpid())-\(UUID().uuidString.prefix(8))"
        defaults = FuzzHarness.defaultTemplates
        validator = try? XMLSchemaValidator(schemaPath: defaults + "/slutrapport.xsd")
        let fm = FileManager.default
        try? fm.createDirectory(atPath: project, withIntermediateDirectories: true)
        try? fm.copyItem(atPath: defaults, toPath: templates)
        let yaml = """
            name: Mallprov
            period: {start: 2021-01-01, end: 2021-12-31}
            subprojects: [{id: a, name: A}, {id: b, name: B}]
            goals: [{id: d, metric: participants, target: 2}]
            sections:
              summary: "Kort *text* ![bild](http://x/y.png)"
              results: "Resultat."
              egen: {title: Egen, text: "| a | b |\\n|---|---|\\n| 1 | 2 |"}

            """
        let csv = "id,subproject,gender,start_date,end_date,exit_reason\n1,a,kvinna,2021-02-01,2021-06-01,arbete\n2,b,man,2021-03-01,,\n"
        try? Data(yaml.utf8).write(to: URL(fileURLWithPath: project + "/project.yaml"))
        try? Data(csv.utf8).write(to: URL(fileURLWithPath: project + "/participants.csv"))
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
    }

    /// The loader's diagnostics, for the tests that replay kept inputs.
    @discardableResult
    public func run(_ data: Data) -> [Diagnostic] {
        let fm = FileManager.default
        let parts = data.split(separator: 0, omittingEmptySubsequences: false)
        for (i, name) in (["report.md", "report.html"] + (0..<Self.partials).map { "p\($0)" }).enumerated() {
            let path = templates + "/\(name).mustache"
            try? fm.removeItem(atPath: path)
            if i < parts.count {
                try? Data(parts[i]).write(to: URL(fileURLWithPath: path))
            } else if i < 2 {
                try? fm.copyItem(atPath: defaults + "/\(name).mustache", toPath: path)
            }
        }
        let (set, log) = TemplateSet.load(folder: templates)
        for d in log.all {
            precondition(d.location.line >= 1 && d.location.column >= 1, "template diagnostic without a position: \(d.code)")
        }
        precondition((set == nil) == log.hasErrors, "a template set with errors, or none without")
        guard let set, let validator else { return log.all }
        _ = ProjectPipeline(options: BuildOptions(), templates: set, validator: validator).build(folder: project)
        return log.all
    }
}
