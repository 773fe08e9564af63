package io.migrationplatform.platform.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrationplatform.platform.error.ValidationException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TableWriterTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "=1+1|'=1+1", "+1|'+1", "-2|'-2", "@SUM(A1)|'@SUM(A1)", "plain|plain", "a=b|a=b", "\"\"|\"\""})
    void formulaTriggersAreNeutralised(String in, String out) {
        assertThat(CsvTableWriter.neutralise(in)).isEqualTo(out);
    }

    @Test
    void numbersStayNumbersAndListsAreJoined() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<ExportColumn<Object[]>> columns = List.of(ExportColumn.of("n", "N", 5, r -> r[0]), ExportColumn.of("l", "L", 5, r -> r[1]));
        try (TableWriter<Object[]> writer = TableWriter.open(ExportFormat.CSV, columns, "x", out)) {
            writer.row(new Object[] {-5, List.of("a", "=b")});
            writer.row(new Object[] {null, null});
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("\uFEFFN,L\r\n-5,a; =b\r\n\"\",\r\n"); // commons-csv quotes an empty first cell
    }

    @Test
    void xlsxDatesAreDateCells() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<ExportColumn<Object[]>> columns = List.of(ExportColumn.of("d", "D", 12, r -> r[0]), ExportColumn.of("t", "T", 20, r -> r[1]));
        try (TableWriter<Object[]> writer = TableWriter.open(ExportFormat.XLSX, columns, "x", out)) {
            writer.row(new Object[] {java.time.LocalDate.of(2027, 1, 4), Instant.parse("2026-03-04T10:15:30Z")});
        }
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(out.toByteArray()))) {
            var row = book.getSheetAt(0).getRow(1);
            assertThat(org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(row.getCell(0))).isTrue();
            assertThat(row.getCell(0).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(java.time.LocalDate.of(2027, 1, 4));
            assertThat(row.getCell(1).getLocalDateTimeCellValue()).isEqualTo(java.time.LocalDateTime.of(2026, 3, 4, 10, 15, 30));
        }
    }

    @Test
    void formatIsParsedAndUnknownOnesListTheOffer() {
        assertThat(ExportFormat.parse(null, EnumSet.allOf(ExportFormat.class))).isEqualTo(ExportFormat.CSV);
        assertThat(ExportFormat.parse(" XLSX ", EnumSet.allOf(ExportFormat.class))).isEqualTo(ExportFormat.XLSX);
        assertThatThrownBy(() -> ExportFormat.parse("json", EnumSet.of(ExportFormat.CSV, ExportFormat.XLSX)))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).fieldErrors().get(0).message()).isEqualTo("Must be one of: csv, xlsx"));
    }

    @Test
    void filenamesAreSafeAndDated() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-04T10:00:00Z"), ZoneOffset.UTC);
        assertThat(ExportResponses.filename("Assessment \"Wave 0\"/../x", ExportFormat.XLSX, clock))
                .isEqualTo("assessment-wave-0-x-2026-03-04.xlsx");
        assertThat(ExportResponses.filename("***", ExportFormat.CSV, clock)).isEqualTo("export-2026-03-04.csv");
        assertThat(ExportResponses.filename("Café Müller Ærø", ExportFormat.CSV, clock)).isEqualTo("cafe-muller-r-2026-03-04.csv");
    }
}
