/// Roles by name, for configuration files: each case's name in kebab case
/// (`selectedLink` is `selected-link`).
extension Role {
    /// The role's name in a config file.
    public var name: String {
        var result = ""
        for character in String(describing: self) {
            if character.isUppercase {
                result += "-" + character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// The role with this name; nil when there is none.
    public init?(name: String) {
        guard let role = Role.allCases.first(where: { $0.name == name }) else { return nil }
        self = role
    }
}
