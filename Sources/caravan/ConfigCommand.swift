import ArgumentParser
import CaravanConfig
import Foundation

/// `caravan config`: print the default config, check a config file, or say where it is.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the default config, check a config file, or show where it is read.",
        discussion: """
            Settings are read from ${XDG_CONFIG_HOME:-~/.config}/caravan/config.toml. Start \
            one with: caravan config --default > "$(caravan config --path)". --check prints \
            each problem as path:line: message and exits 2 when there is one.
            """)

    @Flag(
        name: .customLong("default"),
        help: "Print a commented config file with every setting at its default.")
    var printDefault = false

    @Flag(help: "Check a config file (PATH, or the one caravan reads) and list every problem.")
    var check = false

    @Flag(help: "Print where caravan reads its config file.")
    var path = false

    @Argument(
        help: ArgumentHelp("The config file to check (with --check).", valueName: "PATH"),
        completion: .file(extensions: ["toml"]))
    var file: String?

    func validate() throws {
        guard [printDefault, check, path].filter({ $0 }).count == 1 else {
            throw ValidationError("give one of --default, --check or --path")
        }
        if file != nil, !check {
            throw ValidationError("a PATH goes only with --check")
        }
    }

    func run() throws {
        if printDefault {
            emit(Config.defaultText)
        } else if path {
            print(Config.defaultPath)
        } else {
            try runCheck()
        }
    }

    private func runCheck() throws {
        let target = file ?? Config.defaultPath
        if file == nil, !FileManager.default.fileExists(atPath: target) {
            print("\(target): no config file; the defaults apply")
            return
        }
        let problems = Config.problems(inFileAt: file)
        guard !problems.isEmpty else {
            print("\(target): ok")
            return
        }
        for problem in problems {
            print(problem.description)
        }
        throw ExitCode(2)
    }
}
