import Foundation

/// The form of an identity record as a practice may register it: lengths, characters and formats the
/// 837P (005010X222A1) and common sense require, checked before anything is stored. Each problem names the
/// field and the rule, never the value (the values are PHI).
extension PatientIdentity {
    /// NM104, the first name: at most 35 characters.
    public static let firstNameLimit = 35
    /// NM103, the last name: at most 60 characters.
    public static let lastNameLimit = 60
    /// N301 + N302 + N401–N403 with separators: an address longer than this is not an address.
    public static let addressLimit = 200
    /// NM109: an identification code is 2 to 80 characters.
    public static let memberIDLimits = 2...80
    /// The oldest date of birth taken (a patient born before 1900 is a typing mistake).
    public static let earliestBirth = LocalDate(year: 1900, month: 1, day: 1)!

    /// Every problem of the record's form, each "field: rule"; empty when the record may be stored.
    public func formProblems(today: LocalDate) -> [String] {
        var problems: [String] = []
        problems += Self.nameProblems("first name", firstName, limit: Self.firstNameLimit)
        problems += Self.nameProblems("last name", lastName, limit: Self.lastNameLimit)
        if dateOfBirth > today { problems.append("date of birth: it is in the future") }
        if dateOfBirth < Self.earliestBirth { problems.append("date of birth: it is before 1900-01-01") }
        if address.count > Self.addressLimit {
            problems.append("address: \(address.count) characters; at most \(Self.addressLimit)")
        }
        if address.unicodeScalars.contains(where: Self.isForbidden) {
            problems.append("address: holds a control character or one of ~ * ^ (the 837P's separators)")
        }
        if !phone.isEmpty && !Self.isPhone(phone) {
            problems.append("phone: 10 digits (a US number, optionally with a leading 1), with only spaces, dots, dashes, + or parentheses between them")
        }
        problems += Self.identifierProblems("member id", memberID)
        if let subscriberID { problems += Self.identifierProblems("subscriber id", subscriberID) }
        return problems
    }

    /// A name: 1 to `limit` characters, letters of any alphabet with the marks, digits (a generation, "III"
    /// or "3rd"), spaces, apostrophes, hyphens and periods names carry; at least one letter.
    static func nameProblems(_ field: String, _ value: String, limit: Int) -> [String] {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return ["\(field): required"] }
        var problems: [String] = []
        if trimmed.count > limit { problems.append("\(field): \(trimmed.count) characters; at most \(limit) (the 837P's limit)") }
        let allowed = trimmed.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark || ("0"..."9").contains(scalar)
                || " '’-.".unicodeScalars.contains(scalar)
        }
        if !allowed || !trimmed.contains(where: \.isLetter) {
            problems.append("\(field): letters, digits, spaces, apostrophes, hyphens and periods only, with at least one letter")
        }
        return problems
    }

    /// A member or subscriber id: empty (self-pay), or 2 to 80 letters, digits and hyphens (NM109).
    static func identifierProblems(_ field: String, _ value: String) -> [String] {
        guard !value.isEmpty else { return [] }
        let plain = value.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }
        guard Self.memberIDLimits.contains(value.count), plain else {
            return ["\(field): \(memberIDLimits.lowerBound) to \(memberIDLimits.upperBound) letters, digits or hyphens, as on the insurance card"]
        }
        return []
    }

    /// Control characters and the separators our 837P writes.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || "~*^".unicodeScalars.contains(scalar)
    }

    /// A North American number: 10 digits, or 11 with a leading 1, and only punctuation between them.
    static func isPhone(_ value: String) -> Bool {
        guard value.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || " .-+()".unicodeScalars.contains($0) }) else { return false }
        let digits = value.filter(\.isNumber)
        return digits.count == 10 || (digits.count == 11 && digits.hasPrefix("1"))
    }
}
