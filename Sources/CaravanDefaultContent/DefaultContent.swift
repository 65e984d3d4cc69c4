import CaravanContent
import Foundation

/// The content shipped with Caravan, compiled into the binary so it runs anywhere.
public enum DefaultContent {
    /// The embedded files, as the loader reads them.
    public static var files: [SourceFile] {
        encodedFiles.map { entry in
            SourceFile(
                path: entry.path, bytes: [UInt8](Data(base64Encoded: entry.base64) ?? Data()))
        }
    }

    /// Loads the embedded content, its files named `<built-in>/...`.
    public static func load() -> ContentModel {
        load(sources: [.builtin])
    }

    /// Loads content in layers, with the embedded content wherever `.builtin` or a
    /// folder's `extends: builtin` asks for it.
    public static func load(sources: [ContentSource]) -> ContentModel {
        ContentLoader.load(sources: sources, builtinFiles: { files })
    }
}
