package io.migrationplatform.discovery.parse;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Files that are not tables are refused at open with a message a user understands. */
class RefusalTest {

    private static final String NOT_A_TABLE = "The file is not a text table (CSV, TSV, XLSX or JSON)";

    @TempDir
    Path dir;

    static Stream<Arguments> files() throws IOException {
        byte[] png = Tables.concat(Tables.bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D),
                "IHDR".getBytes(UTF_8), Tables.bytes(0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89));
        byte[] ole2 = Tables.concat(Tables.bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1), new byte[504]);
        byte[] noise = new byte[4096];
        new java.util.Random(42).nextBytes(noise);
        return Stream.of(
                Arguments.of("0 bytes", "empty.csv", new byte[0], "The file is empty"),
                Arguments.of("whitespace only", "blank.csv", " \n\t\r\n   \n".getBytes(UTF_8), "The file is empty"),
                Arguments.of("BOM only", "bom.csv", Tables.bytes(0xEF, 0xBB, 0xBF), "The file is empty"),
                Arguments.of("separators only", "commas.csv", ",,,\n,,,\n".getBytes(UTF_8), "The file is empty"),
                Arguments.of("header only", "header.csv", "name,cpu,os\n".getBytes(UTF_8),
                        "The file has a header but no data rows"),
                Arguments.of("header and blank rows", "header2.csv", "name,cpu,os\n\n , ,\n".getBytes(UTF_8),
                        "The file has a header but no data rows"),
                Arguments.of("PNG renamed .csv", "image.csv", png, NOT_A_TABLE),
                Arguments.of("random bytes renamed .csv", "noise.csv", noise, NOT_A_TABLE),
                Arguments.of("plain ZIP renamed .csv", "archive.csv", zip(), NOT_A_TABLE),
                Arguments.of("old Excel .xls", "legacy.xls", ole2, "save it as .xlsx or CSV"),
                Arguments.of("old Excel renamed .csv", "legacy.csv", ole2, "save it as .xlsx or CSV"),
                Arguments.of("prose without separators", "readme.csv",
                        ("Dear team, please find attached. ".repeat(12) + "\nThanks\n").getBytes(UTF_8), NOT_A_TABLE),
                Arguments.of("JSON object", "data.json", "{\"servers\": [{\"name\": \"srv1\"}]}".getBytes(UTF_8),
                        "expected a JSON array of objects"),
                Arguments.of("JSON object without .json name", "data.txt", "{\"name\": \"srv1\"}".getBytes(UTF_8),
                        "expected a JSON array of objects"),
                Arguments.of("JSON array of scalars", "list.json", "[\"srv1\", \"srv2\"]".getBytes(UTF_8),
                        "expected a JSON array of objects"),
                Arguments.of("empty JSON array", "none.json", "[ ]".getBytes(UTF_8), "no data rows"),
                Arguments.of("malformed JSON", "broken.json", "[{\"name\": \"srv1\",, }]".getBytes(UTF_8),
                        "The JSON is malformed near line 1"),
                Arguments.of("unclosed quote", "quote.csv", "name,notes\nsrv1,\"never closed\nsrv2,x\n".getBytes(UTF_8),
                        "A quoted value is never closed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void refusesWithAClearMessage(String name, String fileName, byte[] content, String message) {
        Path file = Tables.write(dir, fileName, content);

        assertThatThrownBy(() -> TableReader.open(file, fileName))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining(message);
    }

    private static byte[] zip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("notes.txt"));
            zip.write("name,cpu\nsrv1,4\n".getBytes(UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
