import Mustache
import Testing
@testable import SlutrapportKit

/// The generated `child(named:)` lookups must reach every stored property,
/// as Mirror would: a property added to a view type but not regenerated
/// (scripts/gen-template-lookup.py) would silently render as nothing.
@Suite struct TemplateLookupTests {
    func check(_ value: Any, path: String, seen: inout Int) {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .collection {
            for child in mirror.children { check(child.value, path: path + "[]", seen: &seen) }
            return
        }
        if mirror.displayStyle == .optional {
            if let wrapped = mirror.children.first { check(wrapped.value, path: path, seen: &seen) }
            return
        }
        guard mirror.displayStyle == .struct, !(value is String) else { return }
        guard let parent = value as? MustacheParent else {
            Issue.record("\(path): \(type(of: value)) has no generated lookup")
            return
        }
        for child in mirror.children {
            guard let label = child.label else { continue }
            let isNil = Mirror(reflecting: child.value).displayStyle == .optional && Mirror(reflecting: child.value).children.isEmpty
            let found = parent.child(named: label)
            #expect((found == nil) == isNil, "\(path).\(label)")
            seen += 1
            check(child.value, path: "\(path).\(label)", seen: &seen)
        }
    }

    @Test func everyStoredPropertyIsReachable() throws {
        let folder = repositoryRoot + "/data/vak2"
        let (view, figures) = try reportView(folder: folder, ReportChoices(lang: .sv, suppressBelow: 5))
        let project = try #require(ProjectLoader.load(folder: folder, lang: nil).0)
        var seen = 0
        check(view, path: "view", seen: &seen)
        #expect(seen > 1000)
        let index = IndexView(lang: "sv", labels: Labels(.sv), title: "T",
                              rows: [IndexView.Row(project: project, figures: figures, lang: .sv)])
        check(index, path: "index", seen: &seen)
    }
}
