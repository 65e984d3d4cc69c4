import ArgumentParser
import CaravanConfig

/// The user's config file, unless `ignoring`; a broken one stops the command with its
/// problems, so a typo never silently drops a setting.
func loadUserConfig(ignoring: Bool = false) throws -> Config {
    if ignoring { return Config() }
    let problems = Config.problems(inFileAt: nil)
    guard problems.isEmpty else {
        for problem in problems { printError(problem.description) }
        printError("caravan: fix the config file, or run with --ignore-config")
        throw ExitCode(2)
    }
    return try Config.load(path: nil)
}
