import Foundation

/// A folder that paths must stay inside (a project's, the templates'), once
/// `.`, `..` and symbolic links are resolved: the one containment check for
/// section files, narrative images and templates.
struct FolderBoundary {
    /// The folder's resolved path, ending in "/".
    let prefix: String

    init(_ folder: String) {
        let root = Self.resolve(URL(fileURLWithPath: folder))
        prefix = root.hasSuffix("/") ? root : root + "/"
    }

    /// `url`'s path with `.`, `..` and links resolved as far as they exist.
    static func resolve(_ url: URL) -> String {
        url.standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// The resolved path of `url` when it lies inside the folder; nil when it leaves it.
    func contained(_ url: URL) -> String? {
        let resolved = Self.resolve(url)
        return resolved.hasPrefix(prefix) ? resolved : nil
    }

    /// A resolved path inside the folder, relative to it.
    func relative(_ resolved: String) -> String {
        String(resolved.dropFirst(prefix.count))
    }
}

extension String {
    func appendingPathComponent(_ component: String) -> String {
        if isEmpty || self == "." { return component }
        return hasSuffix("/") ? self + component : self + "/" + component
    }
}
