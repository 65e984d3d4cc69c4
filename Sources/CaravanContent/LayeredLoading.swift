import Foundation

extension ContentLoader {
    /// Loads content in layers, bottom first: `[.builtin, .folder("seminar")]` puts a
    /// lecturer's folder on top of the built-in paper. Each folder's `extends` are loaded
    /// below it. Ids refer across layers; an id defined twice is an error in the higher
    /// layer. The words, requirements and regions the layers declare add up, a higher
    /// layer's words for a kind replacing a lower one's.
    ///
    /// - Parameters:
    ///   - builtinFiles: the built-in paper's files, for `.builtin` and `extends: builtin`.
    ///   - displayPaths: how to name a folder's files in diagnostics, by the path given.
    public static func load(
        sources: [ContentSource], builtinFiles: (@Sendable () -> [SourceFile])? = nil,
        displayPaths: [String: String] = [:]
    ) -> ContentModel {
        let (layers, resolved) = LayerResolver.resolve(sources, displayPaths: displayPaths)
        var diagnostics = resolved
        var files: [SourceFile] = []
        var setup = ContentSetup()
        for layer in layers {
            switch layer.source {
            case .builtin:
                guard let builtinFiles else {
                    diagnostics.append(
                        Diagnostic(
                            .error, "the built-in content is not available here",
                            at: SourceLocation(path: ContentSource.builtinPrefix)))
                    continue
                }
                files += builtinFiles().map(builtinFile)
            case .folder(let path):
                let read = ContentFolderReader.read(folder: path, displayPrefix: layer.displayPath)
                files += read.files
                diagnostics += read.diagnostics
            case .file(let path):
                let read = ContentFolderReader.read(file: path)
                files += read.files
                diagnostics += read.diagnostics
            }
            if let manifest = layer.manifest {
                setup.vocabulary = setup.vocabulary.overlaid(with: manifest.vocabulary)
                setup.regions = setup.regions.adding(manifest.regions)
            }
        }
        setup.layers = layers
        return load(files: files, diagnostics: diagnostics, setup: setup)
    }

    /// A built-in file named as the built-in layer's: `<built-in>/cases/x.md`.
    @Sendable static func builtinFile(_ file: SourceFile) -> SourceFile {
        var file = file
        let prefix = "Content/"
        let relative =
            file.path.hasPrefix(prefix) ? file.path.dropFirst(prefix.count) : file.path[...]
        file.path = ContentSource.builtinPrefix + "/" + relative
        return file
    }
}

extension ContentFolderReader {
    /// Reads one Markdown file given on its own, as a folder's files are read.
    public static func read(file path: String) -> Result {
        var result = Result(files: [], diagnostics: [])
        var info = stat()
        guard stat(path, &info) == 0 else {
            result.diagnostics.append(
                Diagnostic(.error, "file not found", at: SourceLocation(path: path)))
            return result
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            result.diagnostics.append(
                Diagnostic(.error, "not a regular file; not read", at: SourceLocation(path: path)))
            return result
        }
        readFile(at: path, displayPath: path, into: &result)
        return result
    }
}
