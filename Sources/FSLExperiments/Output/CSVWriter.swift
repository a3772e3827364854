/// One field of a CSV row, formatted deterministically.
public enum CSVField: Sendable, Equatable {
    /// Text, quoted when it needs to be.
    case text(String)
    /// A signed integer, written in decimal.
    case integer(Int)
    /// An unsigned integer such as a 64-bit seed, written in decimal.
    case unsigned(UInt64)
    /// A real number, written by ``CSVWriter/format(_:)``.
    case number(Double)
    /// `true` or `false`.
    case boolean(Bool)
}

/// Builds RFC 4180 CSV text row by row.
///
/// Rows end in `\n` (RFC 4180 says CRLF; every reader we target accepts LF, and LF keeps diffs
/// of committed baselines clean). A field is quoted when it contains a comma, a double quote, CR
/// or LF, and its double quotes are doubled. Numbers are formatted so that the same value gives
/// the same bytes on every platform (see ``format(_:)``). Rows appear in the order appended:
/// callers fix the order, and never feed a Dictionary or Set straight into a writer.
public struct CSVWriter: Sendable {
    /// The CSV text so far, header first.
    public private(set) var text: String
    /// The number of fields every row must have.
    public let columnCount: Int

    /// Starts a document with `header` as its first row.
    ///
    /// - Precondition: the header is not empty.
    public init(header: [String]) {
        precondition(!header.isEmpty, "a CSV header needs at least one column")
        columnCount = header.count
        text = ""
        appendLine(header.map(Self.escape))
    }

    /// Appends one row.
    ///
    /// - Precondition: the row has as many fields as the header.
    /// - Complexity: O(length of the row).
    public mutating func appendRow(_ fields: [CSVField]) {
        precondition(fields.count == columnCount,
                     "CSV row has \(fields.count) fields, the header has \(columnCount)")
        appendLine(fields.map(Self.render))
    }

    private mutating func appendLine(_ rendered: [String]) {
        for (index, field) in rendered.enumerated() {
            if index > 0 { text.append(",") }
            text.append(field)
        }
        text.append("\n")
    }

    /// The text of one field, quoted if needed.
    public static func render(_ field: CSVField) -> String {
        switch field {
        case .text(let value): escape(value)
        case .integer(let value): String(value)
        case .unsigned(let value): String(value)
        case .number(let value): format(value)
        case .boolean(let value): value ? "true" : "false"
        }
    }

    /// Quotes `value` when it contains a comma, a double quote, CR or LF, doubling its quotes;
    /// returns it unchanged otherwise.
    public static func escape(_ value: String) -> String {
        // Scan scalars, not Characters: "\r\n" is one Character and would match neither.
        let needsQuotes = value.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return value }
        var quoted = "\""
        for scalar in value.unicodeScalars {
            if scalar == "\"" { quoted.unicodeScalars.append("\"") }
            quoted.unicodeScalars.append(scalar)
        }
        quoted.append("\"")
        return quoted
    }

    /// Formats a real number for CSV, the same bytes on every platform.
    ///
    /// - NaN is the empty field (a missing value to pandas, R and spreadsheets).
    /// - Integral values below 10¹⁶ in magnitude are written as integers, without `.0`
    ///   (`120`, not `120.0`); −0 is written `0`. From 10¹⁶ on, `description` switches to
    ///   exponent form (`1e+16`), which has no `.0` either.
    /// - Anything else uses Swift's shortest round-trip `description` (`0.1`, `1e-05`,
    ///   `1e+16`, `inf`, `-inf`), which parses back to the identical Double.
    public static func format(_ value: Double) -> String {
        if value.isNaN { return "" }
        if value == value.rounded(.towardZero), abs(value) < 1e16 {
            return String(Int64(value))
        }
        return value.description
    }
}
