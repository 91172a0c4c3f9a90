import Postgres

/// The variants of one read statement: a fixed part and optional filters. Each combination of filters is
/// its own prepared statement, so the planner sees only the conditions a call uses (no `$n IS NULL OR …`).
///
/// `$1…$fixed` are the fixed parameters; each filter that is present takes the next number, in the order
/// the filters are listed. Filter text is fixed here, never built from values.
struct StatementShapes: Sendable {
    /// One optional condition: a short tag for the statement's name and its text for a placeholder number.
    struct Filter {
        let tag: String
        let condition: (Int) -> String
    }

    private let statements: [SQL]
    private let fixed: Int

    /// `head` is `SELECT … WHERE <fixed conditions>`; `tail` is what follows the filters (`ORDER BY …`).
    init(name: String, fixed: Int, head: String, filters: [Filter], tail: String) {
        precondition(filters.count <= 8, "too many optional filters for one statement")
        self.fixed = fixed
        statements = (0..<(1 << filters.count)).map { mask in
            var text = head
            var tags: [String] = []
            var number = fixed
            for (bit, filter) in filters.enumerated() where mask & (1 << bit) != 0 {
                number += 1
                text += " AND " + filter.condition(number)
                tags.append(filter.tag)
            }
            return SQL(tags.isEmpty ? name : name + "_" + tags.joined(separator: "_"), text + " " + tail)
        }
    }

    /// The statement for the filters present (non-nil) and the parameters to bind to it.
    func bind(_ fixedParameters: [SQLParameter], _ optional: [SQLParameter?]) -> (SQL, [SQLParameter]) {
        precondition(fixedParameters.count == fixed, "wrong number of fixed parameters")
        var mask = 0
        var parameters = fixedParameters
        for (bit, parameter) in optional.enumerated() {
            guard let parameter else { continue }
            mask |= 1 << bit
            parameters.append(parameter)
        }
        return (statements[mask], parameters)
    }
}
