import Testing
@testable import SlutrapportKit

/// WCAG 1.4.11 (issue 16): a bar is told from the white page, and from the
/// bar it meets, at 3:1 or more; a count written on a bar reads at 4.5:1.
@Suite struct PaletteTests {
    static let white = "#ffffff"

    /// The formula against WCAG's own examples: black on white, and #767676, the lightest grey that passes 4.5:1.
    @Test func contrastIsWCAGs() {
        #expect(Palette.contrast("#000000", Self.white) == 21)
        #expect((Palette.contrast("#767676", Self.white) * 100).rounded() == 454)
        #expect((Palette.contrast("#777777", Self.white) * 100).rounded() == 448)
        #expect(Palette.contrast("#E69F00", "#FFFFFF") == Palette.contrast(Self.white, "E69F00"))
    }

    /// Every colour a bar is drawn in stands out from the page.
    @Test(arguments: [("women", Palette.women), ("men", Palette.men), ("other", Palette.other),
                      ("met", Palette.met), ("not met", Palette.notMet), ("hidden's outline", Palette.muted)])
    func aBarStandsOutFromThePage(name: String, color: String) {
        #expect(Palette.contrast(color, Self.white) >= 3, "\(name) \(color): \(Palette.contrast(color, Self.white))")
    }

    /// Women and men meet edge to edge in a subproject's stacked bar.
    @Test func womenAndMenStandOutFromEachOther() {
        #expect(Palette.contrast(Palette.women, Palette.men) >= 3)
    }
}

extension PaletteTests {
    /// A count written inside a bar (the subprojects' stacks) reads at 4.5:1, as text must (WCAG 1.4.3).
    @Test(arguments: [Palette.women, Palette.men, Palette.other])
    func aCountOnABarReads(bar: String) {
        #expect(Palette.contrast(Palette.text(on: bar), bar) >= 4.5, "\(bar)")
    }

}
