import Foundation

/// A large 835 for the restart tests: `count` payments (one transaction set each, so each posts in its own
/// transaction) from Aetna (payer id 60054) to the practice `CLI.seedPractice` adds (NPI 1234567893), each
/// paying one claim the practice never billed, which posts as unapplied money. Amounts differ per payment.
enum LargeRemittance {
    static func file(count: Int, date: Date = Date()) -> String {
        let formatter = DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd"
        let day = formatter.string(from: date)
        var segments = [
            "ISA*00*          *00*          *ZZ*PAYERSIM       *ZZ*NWBILLING      *\(day.dropFirst(2))*0900*^*00501*000000777*0*P*:",
            "GS*HP*PAYERSIM*NWBILLING*\(day)*0900*777*X*005010X221A1",
        ]
        for index in 1...count {
            let control = String(format: "%04d", index)
            let charge = 100 + index % 50
            let paidCents = charge * 80 + index % 7
            let paid = "\(paidCents / 100).\(String(format: "%02d", paidCents % 100))"
            let set = [
                "ST*835*\(control)",
                "BPR*I*\(paid)*C*CHK************\(day)",
                "TRN*1*RESTART\(control)*60054",
                "N1*PR*AETNA*XV*60054",
                "N1*PE*ACME COUNSELING LLC*XX*1234567893",
                "LX*1",
                "CLP*NOTOURS\(control)*1*\(charge)*\(paid)**12*ICN\(control)",
            ]
            segments += set + ["SE*\(set.count + 1)*\(control)"]
        }
        segments += ["GE*\(count)*777", "IEA*1*000000777"]
        return segments.joined(separator: "~\n") + "~\n"
    }
}
