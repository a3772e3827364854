/// Reading tables back: `merge` and `regress` read the `replications.csv` that runs wrote.
extension MetricTables {
    /// Parses the text of a `replications.csv` into records, in file order.
    ///
    /// Numbers written by ``CSVWriter/format(_:)`` parse back to the identical `Double` (an
    /// empty value is NaN), so records read here give the same bytes when written again.
    ///
    /// - Throws: ``CSVReadError`` naming `file` and the line: a header that is not
    ///   ``replicationsHeader``, a row with the wrong number of fields, or a replication, seed or
    ///   value that is not a number.
    public static func replicationRecords(fromCSV text: String, file: String) throws(CSVReadError) -> [ReplicationRecord] {
        let rows = try CSVReader.rows(text, file: file)
        guard let header = rows.first else {
            throw CSVReadError(file: file, line: 0, message: "is empty; expected the header \(replicationsHeader.joined(separator: ","))")
        }
        guard header.fields == replicationsHeader else {
            throw CSVReadError(file: file, line: header.line,
                               message: "header is \"\(header.fields.joined(separator: ","))\"; expected \"\(replicationsHeader.joined(separator: ","))\"")
        }
        var records: [ReplicationRecord] = []
        records.reserveCapacity(rows.count - 1)
        for row in rows.dropFirst() {
            let f = row.fields
            guard f.count == replicationsHeader.count else {
                throw CSVReadError(file: file, line: row.line, message: "has \(f.count) fields; expected \(replicationsHeader.count)")
            }
            guard let replication = Int(f[3]), replication >= 0 else {
                throw CSVReadError(file: file, line: row.line, message: "replication \"\(f[3])\" is not a whole number ≥ 0")
            }
            guard let seed = UInt64(f[4]) else {
                throw CSVReadError(file: file, line: row.line, message: "seed \"\(f[4])\" is not a whole number from 0 to 2^64−1")
            }
            let value: Double
            if f[7].isEmpty {
                value = .nan
            } else if let number = Double(f[7]), !number.isNaN {
                value = number
            } else {
                throw CSVReadError(file: file, line: row.line, message: "value \"\(f[7])\" is not a number")
            }
            records.append(ReplicationRecord(scenario: f[0], routing: f[1], allocation: f[2], replication: replication,
                                             seed: seed, metric: f[5], segment: f[6], value: value))
        }
        return records
    }
}
