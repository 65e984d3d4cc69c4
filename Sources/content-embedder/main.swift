// Writes a Swift source file that embeds every Markdown file of a content folder,
// so the default content is compiled into the `caravan` binary.
//
// usage: content-embedder CONTENT_DIR OUTPUT.swift
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: content-embedder CONTENT_DIR OUTPUT.swift\n".utf8))
    exit(2)
}
let root = URL(fileURLWithPath: arguments[1])
let output = URL(fileURLWithPath: arguments[2])

var entries: [(path: String, data: Data)] = []
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
        entries.append(("Content/" + relative, data))
    }
}
entries.sort { $0.path < $1.path }

var source = """
    // Generated from the Content folder at build time. Do not edit.
    import CaravanContent
    import Foundation

    extension DefaultContent {
        static let encodedFiles: [(path: String, base64: String)] = [

    """
for entry in entries {
    let path = entry.path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
        of: "\"", with: "\\\"")
    source += "        (\"\(path)\", \"\(entry.data.base64EncodedString())\"),\n"
}
source += "    ]\n}\n"
do {
    try source.write(to: output, atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(
        Data("content-embedder: cannot write \(output.path): \(error)\n".utf8))
    exit(1)
}
