import CLibPQ

extension DatabaseSession {
    /// Sends a batch of statements in libpq's pipeline mode, with one round trip per `chunk` statements,
    /// and returns their results in order. The first failing statement's error is thrown; statements
    /// after it in the same chunk are not run. Outside a transaction each statement commits on its own.
    public func pipeline(_ statements: [(SQL, [SQLParameter])], chunk: Int = 256) throws -> [QueryResult] {
        guard PQenterPipelineMode(handle) == 1 else {
            throw PostgresError(kind: .protocolViolation, message: "could not enter pipeline mode")
        }
        defer { _ = PQexitPipelineMode(handle) }
        var results: [QueryResult] = []
        results.reserveCapacity(statements.count)
        var start = 0
        while start < statements.count {
            let end = min(start + chunk, statements.count)
            for index in start..<end {
                let (sql, parameters) = statements[index]
                let sent = ParameterBuffer(parameters).withCArrays { values, lengths, formats in
                    PQsendQueryParams(
                        handle, sql.text, Int32(parameters.count), nil, values, lengths, formats, 0)
                }
                guard sent == 1 else {
                    throw PostgresError(kind: .connection, statement: sql.name, message: Self.connectionMessage(handle))
                }
            }
            guard PQpipelineSync(handle) == 1 else {
                throw PostgresError(kind: .connection, message: Self.connectionMessage(handle))
            }
            var firstError: PostgresError?
            for index in start..<end {
                let name = statements[index].0.name
                guard let raw = PQgetResult(handle) else {
                    throw PostgresError(kind: .protocolViolation, statement: name, message: "missing pipeline result")
                }
                if PQresultStatus(raw) == PGRES_PIPELINE_ABORTED {
                    PQclear(raw)
                } else {
                    do { results.append(try check(raw, statement: name)) } catch let error as PostgresError {
                        firstError = firstError ?? error
                    }
                }
                while let extra = PQgetResult(handle) { PQclear(extra) }
            }
            guard let sync = PQgetResult(handle) else {
                throw PostgresError(kind: .protocolViolation, message: "missing pipeline sync")
            }
            PQclear(sync)
            if let firstError { throw firstError }
            start = end
        }
        return results
    }
}
