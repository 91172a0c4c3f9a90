import Billing
import X12

/// Lossless conversions between the billing domain's values and X12's: both keep cents and thousandths as
/// integers, so no text is reparsed and no floating point is involved.
extension Money {
    /// The same amount as an X12 amount.
    public var x12Amount: X12Amount { X12Amount(cents: cents) }

    /// The same amount as X12 carried it.
    public init(_ amount: X12Amount) { self.init(cents: amount.cents) }
}

extension Quantity {
    /// The same quantity as an X12 quantity.
    public var x12Quantity: X12Quantity { X12Quantity(thousandths: thousandths) }

    /// The same quantity as X12 carried it.
    public init(_ quantity: X12Quantity) { self.init(thousandths: quantity.thousandths) }
}

extension LocalDate {
    /// The same calendar day as an X12 date.
    public var x12Date: X12Date { X12Date(year: year, month: month, day: day)! }

    /// The same calendar day as X12 carried it.
    public init(_ date: X12Date) { self = LocalDate(year: date.year, month: date.month, day: date.day)! }
}

extension X12Date {
    /// The day `days` later (or earlier when negative).
    func adding(days: Int) -> X12Date { LocalDate(self).adding(days: days).x12Date }
}
