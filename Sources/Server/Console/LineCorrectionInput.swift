import Application
import Billing
import Foundation

/// The claim page's correction form read into a `LineCorrection`: each field checked here and refused with its
/// name (so the page shows the sentence beside it); blank fields keep the session's value. The codes, the place
/// of service and the pointers against the session's diagnoses are checked again by the session's own rules.
struct LineCorrectionInput {
    let form: FormBody

    /// The correction, or a refusal naming its field.
    func correction() throws -> LineCorrection {
        guard let line = form["line"], line.count <= 60 else {
            throw ClaimActions.FieldError(field: "line", message: "choose the line to correct")
        }
        var correction = LineCorrection(line: LineID(line))
        if let code = form["code"] {
            let upper = code.uppercased()
            guard upper.count == 5, upper.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
                throw ClaimActions.FieldError(field: "code", message: "code is a 5-character CPT or HCPCS code such as 90837")
            }
            correction.code = upper
        }
        if let text = form["units"] {
            guard let units = Quantity(parsing: text), units > .zero else {
                throw ClaimActions.FieldError(field: "units", message: "units must be a number above zero, e.g. 1 or 1.5")
            }
            correction.units = units
        }
        if let text = form["charge"] {
            guard let charge = Money(parsing: text), !charge.isNegative else {
                throw ClaimActions.FieldError(field: "charge", message: "charge must be dollars and cents, e.g. 150.00")
            }
            correction.charge = charge
        }
        if let text = form["pointers"] {
            let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let pointers = parts.compactMap { Int($0) }
            guard pointers.count == parts.count, (1...4).contains(pointers.count), pointers.allSatisfy({ (1...12).contains($0) }),
                Set(pointers).count == pointers.count
            else {
                throw ClaimActions.FieldError(field: "pointers", message: "diagnosis pointers are 1 to 4 distinct numbers such as 1 or 1,2")
            }
            correction.diagnosisPointers = pointers
        }
        if let place = form["pos"] {
            guard place.count == 2, place.allSatisfy(\.isNumber) else {
                throw ClaimActions.FieldError(field: "pos", message: "place of service is two digits, e.g. 11 (office) or 02 (telehealth)")
            }
            correction.placeOfService = place
        }
        let changed = correction.code != nil || correction.units != nil || correction.charge != nil || correction.diagnosisPointers != nil
            || correction.placeOfService != nil
        guard changed else {
            throw ClaimActions.FieldError(field: "code", message: "change at least one field: code, units, charge, pointers or place of service")
        }
        return correction
    }
}
