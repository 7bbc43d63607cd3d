/// How the objects go: `move`, the goods travel with the case (随案移送); `custody`, custody changes on paper
/// and the goods stay where they are stored (权属移交，实物不动).
public enum TransferMode: String, Codable, Sendable, CaseIterable {
    case move
    case custody
}
