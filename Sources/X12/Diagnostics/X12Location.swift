/// Where in a file something was found: the file name (optional), the segment number counted from 1 over
/// the whole file, the segment id, and the element and component positions (1-based).
public struct X12Location: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The file name, when the caller gave one.
    public var file: String?
    /// The segment number, counted from 1 over the whole file (every interchange).
    public var segmentNumber: Int?
    /// The segment id (`CLP`), when it could be read.
    public var segmentID: String?
    /// The element position within the segment, from 1.
    public var element: Int?
    /// The component position within a composite element, from 1.
    public var component: Int?

    /// A location.
    public init(file: String? = nil, segmentNumber: Int? = nil, segmentID: String? = nil,
                element: Int? = nil, component: Int? = nil) {
        self.file = file
        self.segmentNumber = segmentNumber
        self.segmentID = segmentID
        self.element = element
        self.component = component
    }

    /// `remit.835: segment 14 (CLP), element 4, component 2`, leaving out what is unknown.
    public var description: String {
        var parts: [String] = []
        if let segmentNumber {
            parts.append(segmentID.map { "segment \(segmentNumber) (\($0))" } ?? "segment \(segmentNumber)")
        } else if let segmentID {
            parts.append("segment \(segmentID)")
        }
        if let element {
            parts.append(component.map { "element \(element), component \($0)" } ?? "element \(element)")
        }
        let place = parts.joined(separator: ", ")
        switch (file, place.isEmpty) {
        case (let file?, false): return "\(file): \(place)"
        case (let file?, true): return file
        case (nil, _): return place
        }
    }
}
