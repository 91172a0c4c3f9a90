import Billing
import Testing

@Suite("Session decider")
struct SessionTests {
    let date = day("2026-03-02")

    func decide(_ command: Session.Command, _ state: Session.State) throws(Session.Rejection) -> [Session.Event] {
        try Session.decide(command, state)
    }

    @Test("log records the session and its Part 2 sensitivity")
    func log() throws {
        let record = Fx.session()
        #expect(
            try decide(.log(record, on: date), Session.initial) == [
                .logged(.init(record: record, substanceUse: false, effectiveDate: date))
            ])
        let sud = Fx.session(code: "H0001", minutes: 60, diagnoses: [dx("F11.20")])
        guard case .logged(let e) = try decide(.log(sud, on: date), Session.initial)[0] else {
            Issue.record("expected logged")
            return
        }
        #expect(e.substanceUse)
        #expect(throws: Session.Rejection.alreadyLogged) {
            try decide(
                .log(record, on: date),
                Session.replay([.logged(.init(record: record, substanceUse: false, effectiveDate: date))]))
        }
    }

    @Test("log rejects a time band mismatch in the clerk's words")
    func timeBand() {
        #expect(throws: Session.Rejection.minutes("90837 needs at least 53 minutes; the session lasted 45")) {
            try decide(.log(Fx.session(minutes: 45), on: date), Session.initial)
        }
        #expect(
            Session.Rejection.minutes("90837 needs at least 53 minutes; the session lasted 45").description
                == "90837 needs at least 53 minutes; the session lasted 45")
        #expect(throws: Session.Rejection.minutes("90832 covers 16 to 37 minutes; the session lasted 45")) {
            try decide(.log(Fx.session(code: "90832", minutes: 45), on: date), Session.initial)
        }
    }

    @Test("log checks codes, dates, amounts, diagnoses, pointers, place of service and modifiers")
    func validation() {
        #expect(throws: Session.Rejection.unknownCode("12345")) {
            try decide(.log(Fx.session(code: "12345"), on: date), Session.initial)
        }
        #expect(throws: Session.Rejection.codeNotInForce("99201", date)) {
            try decide(.log(Fx.session(code: "99201"), on: date), Session.initial)
        }
        #expect(throws: Session.Rejection.invalidAmount(code: "90837")) {
            try decide(.log(Fx.session(charge: "-1.00"), on: date), Session.initial)
        }
        #expect(throws: Session.Rejection.diagnosisCount(0)) {
            try decide(.log(Fx.session(diagnoses: []), on: date), Session.initial)
        }
        #expect(throws: Session.Rejection.unknownPlaceOfService("98")) {
            try decide(.log(Fx.session(pos: "98"), on: date), Session.initial)
        }
        #expect(throws: Session.Rejection.invalidModifiers(code: "90837")) {
            try decide(.log(Fx.session(modifiers: ["ZZ"]), on: date), Session.initial)
        }
        var pointers = Fx.session()
        pointers.lines[0].diagnosisPointers = [2]
        #expect(throws: Session.Rejection.invalidPointers(code: "90837")) {
            try decide(.log(pointers, on: date), Session.initial)
        }
        var empty = Fx.session()
        empty.lines = []
        #expect(throws: Session.Rejection.noLines) { try decide(.log(empty, on: date), Session.initial) }
    }

    @Test("correct replaces the record but keeps session and patient; void ends it")
    func correctAndVoid() throws {
        let logged = Session.replay([.logged(.init(record: Fx.session(), substanceUse: false, effectiveDate: date))])
        let fixed = Fx.session(code: "90834", minutes: 45, charge: "150.00")
        let (corrected, _) = try apply(
            Session.decide, Session.evolve, .correct(fixed, reason: "note amended", on: date), to: logged)
        #expect(corrected.record == fixed)
        var moved = fixed
        moved.patientKey = "pk-2"
        #expect(throws: Session.Rejection.identityChanged) {
            try decide(.correct(moved, reason: "x", on: date), logged)
        }
        #expect(throws: Session.Rejection.reasonRequired) { try decide(.correct(fixed, reason: "", on: date), logged) }
        #expect(throws: Session.Rejection.notLogged) { try decide(.void(reason: "x", on: date), Session.initial) }
        let (voided, events) = try apply(
            Session.decide, Session.evolve, .void(reason: "entered twice", on: date), to: logged)
        #expect(
            events == [
                .voided(.init(sessionID: "s-1", patientKey: Fx.patient, reason: "entered twice", effectiveDate: date))
            ])
        #expect(throws: Session.Rejection.voided) { try decide(.correct(fixed, reason: "x", on: date), voided) }
    }
}
