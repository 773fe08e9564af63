package io.migrationplatform.discovery.parse;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Header choice, column naming, ragged rows, blank rows and row numbering. */
class TableShapeTest {

    @TempDir
    Path dir;

    private Tables.Read read(String content) throws UnreadableFileException {
        return Tables.read(Tables.write(dir, "t.csv", content, UTF_8));
    }

    @Test
    void raggedRowsArePaddedWithNullAndOverflowGoesToExtra() throws Exception {
        Tables.Read read = read("name,cpu,os\nsrv1,4,Linux,overflow,,\nsrv2\nsrv3,2,\n");

        assertThat(read.values()).containsExactly(
                List.of("srv1", "4", "Linux"), Arrays.asList("srv2", null, null), List.of("srv3", "2", ""));
        assertThat(read.rows()).extracting(SourceRow::extra)
                .containsExactly(List.of("overflow"), List.of(), List.of());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '!', textBlock = """
            title line and blank line ! Export generated 2024-01-01\\n\\nname,cpu,os\\nsrv1,4,Linux\\n         ! 3
            title padded with commas  ! Inventory report,,\\nname,cpu,os\\nsrv1,4,Linux\\n                      ! 2
            two title lines           ! ACME Corp\\nServers as of 2024-01-01\\nname,cpu,os\\nsrv1,4,Linux\\n      ! 3
            header on line 1          ! name,cpu,os\\nsrv1,4,Linux\\n                                        ! 1
            """)
    void findsTheHeaderBelowTitleLines(String name, String content, int headerRow) throws Exception {
        Tables.Read read = read(content.strip().replace("\\n", "\n"));

        assertThat(read.format().headerRow()).isEqualTo(headerRow);
        assertThat(read.columns()).containsExactly("name", "cpu", "os");
        assertThat(read.rows()).singleElement().satisfies(row -> {
            assertThat(row.rowNumber()).isEqualTo(headerRow + 1);
            assertThat(row.values()).containsExactly("srv1", "4", "Linux");
        });
    }

    @Test
    void namesColumnsTrimmedUniqueAndNeverBlank() throws Exception {
        Tables.Read read = read("\uFEFF *Server name , ,IP,ip,IP,column_2,,\nsrv1,a,1,2,3,b\n");

        // "*" (Azure Migrate's required marker) is kept; the blank 2nd cell must not steal "column_2".
        assertThat(read.columns()).containsExactly("*Server name", "column_2_2", "IP", "ip_2", "IP_3", "column_2");
        assertThat(read.values()).containsExactly(List.of("srv1", "a", "1", "2", "3", "b"));
    }

    @Test
    void skipsEmptyAndBlankLinesButKeepsSpreadsheetRowNumbers() throws Exception {
        Tables.Read read = read("name,cpu\n\nsrv1,4\n  ,  \n,\nsrv2,8\n\n");

        assertThat(read.rows()).extracting(SourceRow::rowNumber).containsExactly(3L, 6L);
    }

    @Test
    void rowNumbersCountRecordsNotPhysicalLines() throws Exception {
        Tables.Read read = read("name,notes\nsrv1,\"a\nb\nc\"\nsrv2,x\n");

        assertThat(read.rows()).extracting(SourceRow::rowNumber).containsExactly(2L, 3L);
    }

    @Test
    void trimsCellsButKeepsInnerContentAndEmptyStrings() throws Exception {
        Tables.Read read = read("name,notes,owner\n  srv1 , \"  two  words \" ,\u00A0\nsrv2,\"\",N/A\n");

        assertThat(read.values()).containsExactly(List.of("srv1", "two  words", ""), List.of("srv2", "", "N/A"));
    }

    @Test
    void toleratesQuotesThatAreNotRfc4180() throws Exception {
        // 5" as inches inside a value, and text after a closing quote: read, not refused.
        Tables.Read read = read("name,size\nsrv1,5\" disk\nsrv2,\"5\" disk\n");

        assertThat(read.values()).containsExactly(List.of("srv1", "5\" disk"), List.of("srv2", "5 disk"));
    }

    @Test
    void problemsBeyondTheSampleSurfaceWhileIterating() throws Exception {
        StringBuilder content = new StringBuilder("name,notes\n");
        for (int i = 1; i <= 200; i++) {
            content.append("srv").append(i).append(",ok\n");
        }
        content.append("srv201,\"never closed\nsrv202,x\n");
        Path file = Tables.write(dir, "late.csv", content.toString(), UTF_8);

        try (TableReader reader = TableReader.open(file, "late.csv")) {
            Iterator<SourceRow> rows = reader.rows();
            for (int i = 1; i <= 200; i++) {
                assertThat(rows.next().values()).containsExactly("srv" + i, "ok");
            }
            // The cause carries the checked exception, so a service can answer 422 for it too.
            assertThatThrownBy(rows::hasNext).isInstanceOf(TableReadException.class)
                    .hasMessageContaining("A quoted value is never closed")
                    .cause().isInstanceOf(UnreadableFileException.class)
                    .hasMessageContaining("A quoted value is never closed");
        }
    }

    @Test
    void aJsonNameOnCsvContentIsOnlyAHint() throws Exception {
        Tables.Read read = Tables.read(Tables.write(dir, "mislabelled.json", "name,os\nsrv1,Linux\n", UTF_8));

        assertThat(read.format().format()).isEqualTo("csv");
        assertThat(read.values()).containsExactly(List.of("srv1", "Linux"));
    }
}
