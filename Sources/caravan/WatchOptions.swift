import ArgumentParser
import CaravanContent
import CaravanTerminal

/// `--watch`: load the content again whenever its files change, for authors writing it.
struct WatchOptions: ParsableArguments {
    @Flag(
        name: .long,
        help:
            "Load the content again when its files change, keeping your place; problems show in the status line."
    )
    var watch = false

    /// A watcher on the model's folders and files, or nil without `--watch`.
    ///
    /// - Throws: a usage error when there is nothing on disk to watch (the built-in paper
    ///   alone) or the folders cannot be watched.
    func watcher(for model: ContentModel) throws -> FolderWatcher? {
        guard watch else { return nil }
        var folders: [String] = []
        var files: [String] = []
        for layer in model.layers {
            switch (layer.source, layer.realPath) {
            case (.folder, let path?): folders.append(path)
            case (.file, let path?): files.append(path)
            default: break
            }
        }
        guard !folders.isEmpty || !files.isEmpty else {
            throw UsageError(
                "--watch needs content on disk (--content DIR); the built-in paper does not change")
        }
        do {
            return try FolderWatcher(folders: folders, files: files)
        } catch {
            throw UsageError("--watch: \(error)")
        }
    }
}
