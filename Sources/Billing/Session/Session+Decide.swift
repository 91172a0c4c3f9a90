import Foundation

extension Session {
    /// Decides what a session command records.
    public static func decide(_ command: Command, _ state: State) throws(Rejection) -> [Event] {
        switch command {
        case .log(let record, let date):
            guard state.record == nil else { throw .alreadyLogged }
            try validate(record)
            return [.logged(.init(record: record, substanceUse: record.isSubstanceUse, effectiveDate: date))]
        case .correct(let record, let reason, let date):
            guard let current = state.record else { throw .notLogged }
            guard !state.voided else { throw .voided }
            guard !reason.isEmpty else { throw .reasonRequired }
            guard record.sessionID == current.sessionID, record.patientKey == current.patientKey else {
                throw .identityChanged
            }
            try validate(record)
            return [
                .corrected(
                    .init(record: record, reason: reason, substanceUse: record.isSubstanceUse, effectiveDate: date))
            ]
        case .void(let reason, let date):
            guard let current = state.record else { throw .notLogged }
            guard !state.voided else { throw .voided }
            guard !reason.isEmpty else { throw .reasonRequired }
            return [
                .voided(
                    .init(
                        sessionID: current.sessionID, patientKey: current.patientKey, reason: reason,
                        effectiveDate: date))
            ]
        }
    }

    /// Checks a record against the code sets on its date of service.
    public static func validate(_ record: SessionRecord) throws(Rejection) {
        guard !record.lines.isEmpty else { throw .noLines }
        guard record.minutes >= 0 else { throw .negativeMinutes }
        guard (1...12).contains(record.diagnoses.count) else { throw .diagnosisCount(record.diagnoses.count) }
        guard let pos = PlaceOfServiceCatalog.entries[record.placeOfService],
            pos.effective.contains(record.dateOfService)
        else { throw .unknownPlaceOfService(record.placeOfService) }
        for line in record.lines {
            guard let definition = ProcedureCatalog.definition(line.code) else { throw .unknownCode(line.code) }
            guard definition.effective.contains(record.dateOfService) else {
                throw .codeNotInForce(line.code, record.dateOfService)
            }
            if let problem = definition.minutesProblem(record.minutes) { throw .minutes(problem) }
            guard line.units > .zero, !line.charge.isNegative else { throw .invalidAmount(code: line.code) }
            guard (1...4).contains(line.diagnosisPointers.count),
                line.diagnosisPointers.allSatisfy({ (1...record.diagnoses.count).contains($0) })
            else { throw .invalidPointers(code: line.code) }
            guard line.modifiers.count <= 4, line.modifiers.allSatisfy({ ModifierCatalog.entries[$0] != nil }) else {
                throw .invalidModifiers(code: line.code)
            }
        }
    }

    /// Applies a fact to the session.
    public static func evolve(_ state: State, _ event: Event) -> State {
        var s = state
        switch event {
        case .logged(let e): s.record = e.record
        case .corrected(let e): s.record = e.record
        case .voided: s.voided = true
        }
        return s
    }
}
