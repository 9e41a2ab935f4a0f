import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An SVG document parsed back with Foundation's `XMLParser`, so tests check what an XML reader
/// (a browser) sees rather than the strings the renderer wrote.
final class SVGTree: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text: String
        var depth: Int
    }

    private(set) var elements: [Element] = []
    private var open: [Int] = []

    /// Parses `svg`; throws the parser's error (with its line and column) if it is not well-formed.
    init(_ svg: String) throws {
        super.init()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = self
        parser.shouldProcessNamespaces = false
        guard parser.parse() else {
            throw parser.parserError ?? NSError(domain: "SVGTree", code: 1)
        }
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String]) {
        elements.append(Element(name: elementName, attributes: attributes, text: "", depth: open.count))
        open.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let current = open.last { elements[current].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }

    /// The elements with `class="name"`, in document order.
    func elements(class name: String) -> [Element] {
        elements.filter { $0.attributes["class"] == name }
    }

    /// A numeric attribute (0 if missing or not a number).
    static func number(_ element: Element, _ attribute: String) -> Double {
        Double(element.attributes[attribute] ?? "") ?? 0
    }
}
