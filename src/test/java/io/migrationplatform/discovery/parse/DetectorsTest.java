package io.migrationplatform.discovery.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The two heuristics on their own, on samples that trip naive rules. */
class DetectorsTest {

    static Stream<Arguments> delimiterSamples() {
        return Stream.of(
                Arguments.of("semicolons with decimal commas in every value", "cpu;ram\n1,5;2,5\n3,5;4,5\n6,5;7,5\n", ';'),
                Arguments.of("commas with semicolon lists in one column", "name,deps\na,b;c\nd,e;f\ng,h;i\n", ','),
                Arguments.of("quoted commas inside a semicolon file", "name;desc\na;\"x, y, z\"\nb;\"u, v\"\n", ';'),
                Arguments.of("quoted line breaks", "name,notes\na,\"1\n2\n3\"\nb,\"4|5\n6\"\n", ','),
                Arguments.of("tabs with commas and pipes in text", "a\tb\tc\nx, y\tp|q\tz\n1\t2\t3\n", '\t'),
                Arguments.of("pipes with ragged rows", "a|b|c\n1|2|3\n4|5\n6|7|8|9\n10|11|12\n", '|'),
                Arguments.of("title lines before a semicolon table",
                        "Export generated 2024-01-01\n\nname;cpu;os\ns1;4;Linux\ns2;2;Linux\n", ';'),
                Arguments.of("one column", "hostname\nsrv1\nsrv2\n", ','));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("delimiterSamples")
    void detectsTheDelimiter(String name, String sample, char expected) throws Exception {
        assertThat(DelimiterDetector.detect(sample, false)).isEqualTo(expected);
    }

    static Stream<Arguments> headerSamples() {
        return Stream.of(
                Arguments.of("header first", rows("name,os", "s1,Linux", "s2,Linux"), 0),
                Arguments.of("five one-cell title lines", rows("ACME", "Servers", "Q1", "Paris", "by IT",
                        "name,os,env", "s1,Linux,Prod", "s2,Linux,Prod"), 5),
                Arguments.of("title padded with separators", rows("Report,,", "name,os,env", "s1,Linux,Prod"), 1),
                Arguments.of("overflowing row in a tiny file", rows("Title", "name,os", "s1,Linux,,extra"), 1),
                Arguments.of("data rows with trailing separators", rows("name,os", "s1,Linux,,", "s2,Linux,,"), 0),
                Arguments.of("numeric first line is not a header", rows("2024,01,15", "name,cpu,ram", "s1,4,16"), 1),
                Arguments.of("nothing header-like: first row", rows("1,2", "3,4"), 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headerSamples")
    void findsTheHeaderRow(String name, List<List<String>> rows, int expected) {
        assertThat(HeaderDetector.find(rows)).isEqualTo(expected);
    }

    private static List<List<String>> rows(String... lines) {
        return Arrays.stream(lines).map(line -> Arrays.asList(line.split(",", -1))).toList();
    }
}
