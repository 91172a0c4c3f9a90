/// One logical BAI2 record: a record code and its fields, with its continuation (88) rows folded in, and the
/// physical rows it took (trailers count physical rows).
struct BAI2Record {
    /// The two-digit record code (01, 02, 03, 16, 49, 98, 99).
    var code: String
    /// The fields after the code, delimiters removed.
    var fields: [String]
    /// The 1-based line of the record's first row.
    var line: Int
    /// Physical rows: 1 plus its 88 continuations.
    var rows: Int

    /// Folds physical lines into logical records. A row ending in `/` closes its last field and a
    /// continuation adds fields after it; a row without `/` (a 16's text running to the end of the row)
    /// continues its last field after a space.
    static func records(in text: String) throws(BAI2Error) -> [BAI2Record] {
        var records: [BAI2Record] = []
        var pending: (code: String, content: String, line: Int, rows: Int)?
        func close() {
            guard let open = pending else { return }
            let content = String(open.content.dropLast())  // every piece ends in the "," or " " that joins the next
            records.append(BAI2Record(code: open.code, fields: content.split(separator: ",", omittingEmptySubsequences: false).map(String.init), line: open.line, rows: open.rows))
            pending = nil
        }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        for (index, raw) in lines.enumerated() {
            let line = index + 1
            var row = String(raw)
            while row.last == " " || row.last == "\r" { row.removeLast() }
            if row.isEmpty { continue }
            let code = String(row.prefix(2))
            guard row.count >= 3, row.dropFirst(2).first == ",", ["01", "02", "03", "16", "49", "88", "98", "99"].contains(code) else { throw BAI2Error(record: line, "not a BAI2 record (a record starts with one of the codes 01, 02, 03, 16, 49, 88, 98, 99 and a comma)") }
            let body = String(row.dropFirst(3))
            let piece = body.hasSuffix("/") ? String(body.dropLast()) + "," : body + " "
            if code == "88" {
                guard pending != nil else { throw BAI2Error(record: line, "a continuation (88) with no record before it") }
                pending!.content += piece
                pending!.rows += 1
            } else {
                close()
                pending = (code, piece, line, 1)
            }
        }
        close()
        return records
    }
}
