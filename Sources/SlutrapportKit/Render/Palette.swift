import Foundation

/// The charts' colours, in one place for the SVG and the Word charts. Every
/// bar colour has 3:1 or more against the white page, and women's and men's,
/// which meet in a subproject's stacked bar, 3:1 against each other (WCAG
/// 1.4.11); blue against orange keeps them apart for colour-blind readers.
/// A third colour cannot also pass against both, so stacked segments are
/// parted by a white outline (`separator`). `PaletteTests` computes it all.
enum Palette {
    static let women = "#1A3380"
    static let men = "#E66100"
    static let other = "#007A5A"
    static let met = "#0072B2"
    static let notMet = "#D55E00"
    /// The outline between stacked segments: each segment's colour stands out from it as from the page.
    static let separator = page
    /// The page the charts stand on, and the text on a dark bar.
    static let page = "#ffffff"
    static let rule = "#d4d4da"
    static let muted = "#5b5b66"
    /// Text and the goals' target lines.
    static let ink = "#1d1d1f"
    /// The timeline's lines (SPEC §4.10): started in all, and active; told
    /// apart by width as well, and the goal's target dashed in `muted`.
    static let cumulative = women
    static let active = met

    static func gender(_ g: Gender) -> String {
        switch g {
        case .woman: women
        case .man: men
        case .other: other
        }
    }
}

extension Palette {
    /// The colour of a count written on a bar: ink or white, whichever reads better.
    static func text(on bar: String) -> String {
        contrast(ink, bar) >= contrast(page, bar) ? ink : page
    }

    /// WCAG 2's contrast ratio of two `#RRGGBB` colours, 1 to 21.
    static func contrast(_ a: String, _ b: String) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    /// WCAG 2's relative luminance of a `#RRGGBB` (or `RRGGBB`) colour.
    static func luminance(_ color: String) -> Double {
        let rgb = Int(color.drop { $0 == "#" }, radix: 16) ?? 0
        func channel(_ shift: Int) -> Double {
            let c = Double(rgb >> shift & 0xFF) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
    }
}
