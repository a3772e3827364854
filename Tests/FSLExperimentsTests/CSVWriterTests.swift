import Testing
@testable import FSLExperiments

@Suite struct CSVWriterTests {
    static let escapeCases: [(String, String)] = [
        ("plain", "plain"),
        ("", ""),
        (" spaced ", " spaced "),
        ("tier=gold", "tier=gold"),
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("\"", "\"\"\"\""),
        ("line\nbreak", "\"line\nbreak\""),
        ("carriage\rreturn", "\"carriage\rreturn\""),
        ("crlf\r\nend", "\"crlf\r\nend\""),  // "\r\n" is one Character; must still be quoted
        ("Zürich, CH", "\"Zürich, CH\""),
    ]

    @Test(arguments: escapeCases)
    func quotesOnlyWhenNeeded(_ input: String, _ expected: String) {
        #expect(CSVWriter.escape(input) == expected)
    }

    static let formatCases: [(Double, String)] = [
        (0, "0"),
        (-0.0, "0"),
        (120, "120"),
        (-3, "-3"),
        (0.1, "0.1"),
        (0.1 + 0.2, "0.30000000000000004"),
        (2.5, "2.5"),
        (1e-5, "1e-05"),
        (1e15, "1000000000000000"),
        (9_007_199_254_740_992, "9007199254740992"),
        (9_999_999_999_999_998, "9999999999999998"),
        (-9_999_999_999_999_998, "-9999999999999998"),
        (1.5e16, "1.5e+16"),
        (1e16, "1e+16"),
        (.infinity, "inf"),
        (-.infinity, "-inf"),
        (.nan, ""),
    ]

    @Test(arguments: formatCases)
    func formatsNumbersDeterministically(_ value: Double, _ expected: String) {
        #expect(CSVWriter.format(value) == expected)
    }

    @Test(arguments: [0.1, 1.0 / 3, Double.pi, .leastNonzeroMagnitude, Double.greatestFiniteMagnitude, 123_456.789,
                      -2.5e-8, 0.95, 1e9 + 0.1, 4_503_599_627_370_495.5, -1e300])
    func formattedNumbersRoundTrip(_ value: Double) throws {
        let text = CSVWriter.format(value)
        let parsed = try #require(Double(text))
        #expect(parsed.bitPattern == value.bitPattern, "\(value) written as \(text)")
    }

    @Test func writesHeaderAndRowsWithLineFeeds() {
        var writer = CSVWriter(header: ["name", "n", "seed", "value", "ok"])
        writer.appendRow([.text("a,b"), .integer(-4), .unsigned(UInt64.max), .number(0.25), .boolean(true)])
        writer.appendRow([.text("plain"), .integer(0), .unsigned(7), .number(.nan), .boolean(false)])
        #expect(writer.text == "name,n,seed,value,ok\n\"a,b\",-4,18446744073709551615,0.25,true\nplain,0,7,,false\n")
        #expect(!writer.text.contains("\r"))
    }
}
