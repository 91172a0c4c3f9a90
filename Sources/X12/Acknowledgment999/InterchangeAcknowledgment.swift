/// A TA1: the receiver's answer to a whole interchange.
public struct InterchangeAcknowledgment: Sendable, Hashable, Codable {
    /// TA101: the acknowledged ISA13.
    public var controlNumber: String
    /// TA102: the acknowledged interchange date, `YYMMDD`.
    public var date: String
    /// TA103: its time, `HHMM`.
    public var time: String
    /// TA104: `A` accepted, `E` accepted with errors, `R` rejected.
    public var acknowledgmentCode: String
    /// TA105: the note code (`000` no error, `001`… the problem found).
    public var noteCode: String
    /// The segment number of the TA1.
    public var segmentNumber: Int

    /// A TA1.
    public init(controlNumber: String, date: String, time: String, acknowledgmentCode: String, noteCode: String,
                segmentNumber: Int = 0) {
        self.controlNumber = controlNumber
        self.date = date
        self.time = time
        self.acknowledgmentCode = acknowledgmentCode
        self.noteCode = noteCode
        self.segmentNumber = segmentNumber
    }

    /// Reads a TA1 segment.
    init(segment: Segment) throws(X12Error) {
        controlNumber = try segment.required(1, "TA101 (interchange control number)")
        date = try segment.required(2, "TA102 (interchange date)")
        time = try segment.required(3, "TA103 (interchange time)")
        acknowledgmentCode = try segment.required(4, "TA104 (acknowledgment code)")
        guard ["A", "E", "R"].contains(acknowledgmentCode) else {
            throw X12Error(.value, at: segment.location(4), "\(quoted(segment.bytes(4))) is not an acknowledgment code (A, E or R)")
        }
        noteCode = try segment.required(5, "TA105 (note code)")
        segmentNumber = segment.number
    }
}
