import Application
import ArgumentParser

/// The fields of a session as the EHR gives them, shared by `session log` and `session correct`.
struct SessionFields: ParsableArguments {
    @Option var patient: String
    @Option(help: "Date of service, YYYY-MM-DD.") var date: String
    @Option(help: "Rendering provider id.") var provider: String
    @Option(help: "Supervising provider id.") var supervisor: String?
    @Option(help: "Place of service.") var pos: String = "11"
    @Option(help: "audioVideo or audioOnly.") var telehealth: String?
    @Option var minutes: Int
    @Option(help: "Comma-separated ICD-10-CM codes.") var dx: String
    @Option(help: "CODE[:MOD…]=CHARGE[xUNITS]; repeatable.") var service: [String]
    @Option(
        help: "Diagnosis pointers of a service (1,3: the first and third --dx codes); one per --service, in order. Default: the first four."
    ) var pointers: [String] = []

    /// The fields as a row the core turns into a session record (naming the field it refuses).
    func row(sessionID: String) -> SessionRow {
        SessionRow(
            line: 0, sessionID: sessionID, patientKey: patient, date: date, rendering: provider, supervising: supervisor, placeOfService: pos,
            telehealth: telehealth, minutes: String(minutes), diagnoses: dx, services: service, pointers: pointers)
    }
}
