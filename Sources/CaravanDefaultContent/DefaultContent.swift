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

    /// Loads the embedded content.
    public static func load() -> ContentModel {
        ContentLoader.load(files: files)
    }
}
