package io.migrationplatform.discovery.parse;

import static java.nio.charset.StandardCharsets.UTF_16BE;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Encoding, delimiter and quoting detection of delimited text, one fixture per row. */
class TextDetectionTest {

    private static final Charset CP1252 = Charset.forName("windows-1252");

    @TempDir
    Path dir;

    static Stream<Arguments> fixtures() {
        return Stream.of(
                // name, file name, bytes, format, encoding, delimiter, columns, rows
                Arguments.of("UTF-8 with BOM", "bom.csv", "\uFEFFname,city\nsrv1,Zürich\n".getBytes(UTF_8),
                        "csv", "UTF-8 (BOM)", ',', List.of("name", "city"), List.of(List.of("srv1", "Zürich"))),
                Arguments.of("UTF-8 without BOM, CRLF", "crlf.csv", "name,city\r\nsrv1,Köln\r\n".getBytes(UTF_8),
                        "csv", "UTF-8", ',', List.of("name", "city"), List.of(List.of("srv1", "Köln"))),
                Arguments.of("semicolon with decimal commas", "fr.csv",
                        "name;cpu;memory_gb;disk_tb\nsrv1;4;16,5;1,25\nsrv2;8;32,75;2,5\n".getBytes(UTF_8),
                        "semicolon", "UTF-8", ';', List.of("name", "cpu", "memory_gb", "disk_tb"),
                        List.of(List.of("srv1", "4", "16,5", "1,25"), List.of("srv2", "8", "32,75", "2,5"))),
                Arguments.of("windows-1252 accents", "cp1252.csv",
                        "client;ville\nSociété Générale;Zürich\nCafé Crème;Genève\n".getBytes(CP1252),
                        "semicolon", "windows-1252", ';', List.of("client", "ville"),
                        List.of(List.of("Société Générale", "Zürich"), List.of("Café Crème", "Genève"))),
                Arguments.of("UTF-16LE with BOM", "utf16.txt", "\uFEFFname\tcity\nsrv1\tMünchen\n".getBytes(UTF_16LE),
                        "tsv", "UTF-16LE", '\t', List.of("name", "city"), List.of(List.of("srv1", "München"))),
                Arguments.of("UTF-16LE without BOM", "utf16.csv", "name,city\nsrv1,Zürich\n".getBytes(UTF_16LE),
                        "csv", "UTF-16LE", ',', List.of("name", "city"), List.of(List.of("srv1", "Zürich"))),
                Arguments.of("UTF-16BE with BOM", "utf16be.csv", "\uFEFFname,city\nsrv1,Zürich\n".getBytes(UTF_16BE),
                        "csv", "UTF-16BE", ',', List.of("name", "city"), List.of(List.of("srv1", "Zürich"))),
                Arguments.of("TSV with commas in values", "x.tsv",
                        "name\tdescription\tos\nsrv1\tweb, primary\tLinux\nsrv2\tdb, replica\tLinux\n".getBytes(UTF_8),
                        "tsv", "UTF-8", '\t', List.of("name", "description", "os"),
                        List.of(List.of("srv1", "web, primary", "Linux"), List.of("srv2", "db, replica", "Linux"))),
                Arguments.of("pipe", "x.txt", "name|os|ip\nsrv1|Linux|10.0.0.1\nsrv2|Windows|10.0.0.2\n".getBytes(UTF_8),
                        "pipe", "UTF-8", '|', List.of("name", "os", "ip"),
                        List.of(List.of("srv1", "Linux", "10.0.0.1"), List.of("srv2", "Windows", "10.0.0.2"))),
                Arguments.of("quoted commas and newlines", "quoted.csv",
                        "name,notes,deps\nsrv1,\"line one\nline two\",\"DB001,LB001\"\nsrv2,\"say \"\"hi\"\"\",x\n".getBytes(UTF_8),
                        "csv", "UTF-8", ',', List.of("name", "notes", "deps"),
                        List.of(List.of("srv1", "line one\nline two", "DB001,LB001"), List.of("srv2", "say \"hi\"", "x"))),
                Arguments.of("comma file with semicolons inside a column", "deps.csv",
                        "name,deps\nweb1,db1;cache1\nweb2,db1\ndb1,\n".getBytes(UTF_8),
                        "csv", "UTF-8", ',', List.of("name", "deps"),
                        List.of(List.of("web1", "db1;cache1"), List.of("web2", "db1"), List.of("db1", ""))),
                Arguments.of("single column with a header", "hosts.csv", "hostname\nsrv1\nsrv2\n".getBytes(UTF_8),
                        "csv", "UTF-8", ',', List.of("hostname"), List.of(List.of("srv1"), List.of("srv2"))),
                Arguments.of("[ title is not JSON", "titled.csv", "[Server list]\nname,os\nsrv1,Linux\n".getBytes(UTF_8),
                        "csv", "UTF-8", ',', List.of("name", "os"), List.of(List.of("srv1", "Linux"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void detectsFormatAndReadsRows(String name, String fileName, byte[] content, String format, String encoding,
                                   char delimiter, List<String> columns, List<List<String>> rows) throws Exception {
        Tables.Read read = Tables.read(Tables.write(dir, fileName, content));

        assertThat(read.format().format()).isEqualTo(format);
        assertThat(read.format().encoding()).isEqualTo(encoding);
        assertThat(read.format().delimiter()).isEqualTo(delimiter);
        assertThat(read.columns()).isEqualTo(columns);
        assertThat(read.values()).isEqualTo(rows);
    }
}
