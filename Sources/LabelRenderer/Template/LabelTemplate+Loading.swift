import Foundation

extension LabelTemplate {
    /// The names of the built-in templates, sorted.
    public static var builtInNames: [String] { builtInSources.keys.sorted() }

    /// The built-in template `name`, or nil when there is none by that name.
    public static func builtIn(named name: String, vocabulary: (LabelObject) -> Set<String>) throws(LabelTemplateError) -> LabelTemplate? {
        guard let source = builtInSources[name] else { return nil }
        return try LabelTemplate(parsing: Data(source.utf8), name: name, vocabulary: vocabulary)
    }

    /// The built-in template that labels `object` when none is named: the 40 × 30 mm tag for items, the cover
    /// label for dossiers.
    public static func defaultName(for object: LabelObject) -> String {
        switch object {
        case .item: "item-40x30"
        case .dossier: "dossier-cover"
        }
    }
}
