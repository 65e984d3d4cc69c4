import CaravanContent

extension ExplorerVisit {
    /// The content read again while the visit is open (`--watch`): the explorer keeps its
    /// place in the new content.
    public mutating func reload(_ model: ContentModel) {
        explorer.reload(model)
    }
}
