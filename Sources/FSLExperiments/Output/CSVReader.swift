/// A CSV file that cannot be read: which file, which line, what is wrong and what to do.
public struct CSVReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file, as given by the caller.
    public let file: String
    /// The 1-based line where the problem starts; 0 when it concerns the whole file.
    public let line: Int
    /// What is wrong.
    public let message: String

    /// Creates the error.
    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message`.
    public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}

/// Reads RFC 4180 CSV text, the inverse of ``CSVWriter``: quoted fields with doubled quotes,
/// LF or CRLF line ends, no trailing empty line.
public enum CSVReader {
    /// One parsed row with the line it starts on (1-based).
    public struct Row: Sendable, Equatable {
        /// The fields, unquoted.
        public var fields: [String]
        /// The line the row starts on.
        public var line: Int
    }

    /// Splits `text` into rows of fields.
    ///
    /// - Throws: ``CSVReadError`` for an unterminated quoted field or a quote in the middle of
    ///   an unquoted field.
    /// - Complexity: O(length of `text`).
    public static func rows(_ text: String, file: String) throws(CSVReadError) -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var rowLine = 1
        var isQuoted = false
        var wasQuoted = false
        var atFieldStart = true
        let scalars = Array(text.unicodeScalars)
        var i = 0
        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            atFieldStart = true
            wasQuoted = false
        }
        while i < scalars.count {
            let c = scalars[i]
            i += 1
            if isQuoted {
                if c == "\"" {
                    if i < scalars.count, scalars[i] == "\"" {
                        field.append("\"")
                        i += 1
                    } else {
                        isQuoted = false
                        wasQuoted = true
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.append(c)
                }
                continue
            }
            switch c {
            case ",":
                endField()
            case "\r" where i < scalars.count && scalars[i] == "\n":
                continue
            case "\n":
                endField()
                rows.append(Row(fields: fields, line: rowLine))
                fields = []
                line += 1
                rowLine = line
            case "\"":
                guard atFieldStart else {
                    throw CSVReadError(file: file, line: line, message: "a double quote inside an unquoted field; quote the whole field and double the quote")
                }
                isQuoted = true
                atFieldStart = false
            default:
                if wasQuoted {
                    throw CSVReadError(file: file, line: line, message: "text after the closing quote of a field")
                }
                field.append(c)
                atFieldStart = false
            }
        }
        if isQuoted { throw CSVReadError(file: file, line: rowLine, message: "a quoted field is never closed; the file may be truncated") }
        if !fields.isEmpty || !field.isEmpty || !atFieldStart || wasQuoted {
            endField()
            rows.append(Row(fields: fields, line: rowLine))
        }
        return rows
    }
}
