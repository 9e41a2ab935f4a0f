/// Text made safe for HTML (and XML) element content and quoted attribute values.
enum HTMLEscaping {
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// A link destination kept only for schemes that navigate (http, https, mailto) or for relative
    /// and fragment links; `javascript:` and other schemes give nil.
    static func safeURL(_ url: String) -> String? {
        let lower = url.trimmed().lowercased()
        guard let colon = lower.firstIndex(of: ":") else { return url }
        if let slash = lower.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }), slash < colon { return url }
        let scheme = lower[..<colon]
        return ["http", "https", "mailto"].contains(String(scheme)) ? url : nil
    }
}
