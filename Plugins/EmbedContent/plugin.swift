import Foundation
import PackagePlugin

/// Compiles the package's `Content` folder into the target that uses this plugin.
@main
struct EmbedContent: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let content = context.package.directoryURL.appending(path: "Content")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedContent.swift")
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(
            at: content, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])
        {
            for case let url as URL in walker where url.pathExtension == "md" {
                inputs.append(url)
            }
        }
        return [
            .buildCommand(
                displayName: "Embedding the default content",
                executable: try context.tool(named: "content-embedder").url,
                arguments: [content.path, output.path],
                inputFiles: inputs.sorted { $0.path < $1.path },
                outputFiles: [output])
        ]
    }
}
