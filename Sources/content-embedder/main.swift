// Compiles the content folder into the `caravan` binary: its Markdown files, and the
// model made from them (parsed, validated, linked and indexed here, at build time), each
// as a string literal of bytes (`EmbeddedBytes`) in a generated Swift file.
//
// usage: content-embedder CONTENT_DIR OUTPUT.swift
import CaravanContent
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: content-embedder CONTENT_DIR OUTPUT.swift\n".utf8))
    exit(2)
}
let root = URL(fileURLWithPath: arguments[1])
let output = URL(fileURLWithPath: arguments[2])

var files: [SourceFile] = []
if let walker = FileManager.default.enumerator(
    at: root, includingPropertiesForKeys: [.isRegularFileKey],
    options: [.skipsHiddenFiles])
{
    for case let url as URL in walker where url.pathExtension == "md" {
        let relative = String(
            url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
        guard let data = FileManager.default.contents(atPath: url.path) else {
            FileHandle.standardError.write(Data("content-embedder: cannot read \(url.path)\n".utf8))
            exit(1)
        }
        files.append(SourceFile(path: "Content/" + relative, bytes: [UInt8](data)))
    }
}
files.sort { $0.path < $1.path }

// The built-in layer exactly as `DefaultContent.load()` makes it from the same files.
let embedded = files
let model = ContentLoader.load(sources: [.builtin], builtinFiles: { embedded })
let archive = ModelArchive.encode(
    model, origin: ModelArchive.Origin(program: "built-in", key: "builtin", stamps: []))

let source = """
    // Generated from the Content folder at build time. Do not edit.
    extension DefaultContent {
        /// The built-in paper's Markdown files (`ModelArchive.encode(files:)`).
        static let filesLiteral: StaticString = "\(EmbeddedBytes.literal(ModelArchive.encode(files: files)))"
        /// The model made from them (`ModelArchive`).
        static let modelLiteral: StaticString = "\(EmbeddedBytes.literal(archive))"
    }

    """
do {
    try source.write(to: output, atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(
        Data("content-embedder: cannot write \(output.path): \(error)\n".utf8))
    exit(1)
}
