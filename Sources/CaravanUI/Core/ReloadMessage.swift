import CaravanContent

/// What the status line says when the content was read again after its files changed
/// (`--watch`).
public enum ReloadMessage {
    /// The first error as `caravan check` prints it (`cases/x.md:4:1: error: ...`) and how
    /// many more there are; nil when the content has none. With one layer its folder is
    /// left out of the path, so that the line and the message fit a narrow status line;
    /// with several it stays, since it says which layer the file is in.
    public static func firstError(in model: ContentModel) -> String? {
        let errors = model.errors
        guard let first = errors.first else { return nil }
        var text = first.formatted
        if model.layers.count == 1, let folder = model.layers.first?.displayPath,
            !folder.isEmpty, text.hasPrefix(folder + "/")
        {
            text.removeFirst(folder.count + 1)
        }
        let more = errors.count > 1 ? " (\(errors.count - 1) more)" : ""
        return Sanitizer.visible(text + more)
    }
}
