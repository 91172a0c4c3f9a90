/// The National Provider Identifier check digit (Luhn over `80840` + the first nine digits).
public enum NPI {
    /// Whether `value` is ten digits, starts with 1 or 2, and its check digit holds.
    public static func isValid(_ value: String) -> Bool {
        let digits = value.utf8.map { Int($0) - 0x30 }
        guard digits.count == 10, digits.allSatisfy({ (0...9).contains($0) }), digits[0] == 1 || digits[0] == 2 else {
            return false
        }
        var sum = 24
        for (offset, digit) in digits.prefix(9).reversed().enumerated() {
            if offset % 2 == 0 {
                let doubled = digit * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += digit
            }
        }
        return (10 - sum % 10) % 10 == digits[9]
    }
}
