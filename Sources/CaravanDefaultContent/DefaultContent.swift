import CaravanContent
import Foundation

/// The content shipped with Caravan, compiled into the binary so it runs anywhere: its
/// Markdown files, and the model made from them at build time.
public enum DefaultContent {
    /// The embedded files, as the loader reads them.
    public static var files: [SourceFile] {
        let bytes = EmbeddedBytes.bytes(filesLiteral) ?? []
        return (try? ModelArchive.decodeFiles(bytes)) ?? []
    }

    /// The built-in paper as compiled in: read, not parsed. Made from the files again
    /// should the compiled model not read (it always does when the build is whole).
    public static var precompiled: ContentModel {
        if let bytes = EmbeddedBytes.bytes(modelLiteral),
            let model = try? ModelArchive.decode(bytes)
        {
            return model
        }
        return load()
    }

    /// Loads the embedded content from its files, named `<built-in>/...`.
    public static func load() -> ContentModel {
        load(sources: [.builtin])
    }

    /// Loads content in layers from its files, with the embedded content wherever
    /// `.builtin` or a folder's `extends: builtin` asks for it. What `caravan check` reads.
    public static func load(sources: [ContentSource]) -> ContentModel {
        ContentLoader.load(sources: sources, builtinFiles: { files })
    }

    /// Opens content to read it: the compiled model for the built-in paper, a current
    /// cached model for folders when `cache` has one, or else the files, loaded and then
    /// kept in `cache` before this returns.
    public static func open(sources: [ContentSource], cache: ModelCache?) -> ContentModel {
        let (model, cacheWrite) = openDeferringCache(sources: sources, cache: cache)
        cacheWrite?.finish()
        return model
    }

    /// Opens content as ``open(sources:cache:)`` does, except that a model loaded from
    /// its files is not yet kept in `cache`: the caller starts that write when it suits
    /// (after a first screen, say) and finishes it before it ends.
    public static func openDeferringCache(sources: [ContentSource], cache: ModelCache?)
        -> (model: ContentModel, cacheWrite: PendingCacheWrite?)
    {
        if sources == [.builtin] { return (precompiled, nil) }
        guard let cache else { return (load(sources: sources), nil) }
        if let cached = cache.read(sources) { return (cached, nil) }
        let readStart = Date()
        let model = load(sources: sources)
        return (
            model,
            PendingCacheWrite(model: model, sources: sources, readStart: readStart, cache: cache)
        )
    }
}
