extension ProjectBuilder {
    mutating func images(in markdown: String, source: NarrativeSource) -> [String: EmbeddedImage] { [:] }
}
