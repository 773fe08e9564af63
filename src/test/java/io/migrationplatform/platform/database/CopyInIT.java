package io.migrationplatform.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrationplatform.support.ApiIntegrationTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** COPY writes exactly the values it is given — text, arrays, nulls, any character — however many rows. */
class CopyInIT extends ApiIntegrationTest {

    private static final List<String> AWKWARD = Arrays.asList("", " ", "plain", "comma, inside", "quote \" inside", "\"\"",
            "back\\slash", "new\nline", "carriage\r\nreturn", "tab\there", "NULL", "{braces}", "ünïcödé é", "emoji 😀 and 𝄞",
            "中文", "semi;colon|pipe", null);

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void textArraysAndNullsRoundTripInTheCurrentTransaction() {
        List<Object[]> read = transactions.execute(status -> {
            jdbc.sql("CREATE TEMPORARY TABLE copy_check (n integer, text_value text, list text[]) ON COMMIT DROP").update();
            long written = CopyIn.stream(dataSource, "copy_check", List.of("n", "text_value", "list"), sink -> {
                for (int i = 0; i < AWKWARD.size(); i++) {
                    sink.row(i, AWKWARD.get(i), CopyIn.array(AWKWARD));
                }
                sink.row(AWKWARD.size(), null, CopyIn.array(List.of()));
            });
            assertThat(written).isEqualTo(AWKWARD.size() + 1);
            return jdbc.sql("SELECT n, text_value, list FROM copy_check ORDER BY n")
                    .query((rs, n) -> new Object[] {rs.getString(2), Arrays.asList((String[]) rs.getArray(3).getArray())}).list();
        });
        for (int i = 0; i < AWKWARD.size(); i++) {
            assertThat(read.get(i)[0]).as("row %d", i).isEqualTo(AWKWARD.get(i));
            assertThat(read.get(i)[1]).as("row %d", i).isEqualTo(AWKWARD);
        }
        assertThat(read.get(AWKWARD.size())[0]).isNull();
        assertThat((List<?>) read.get(AWKWARD.size())[1]).isEmpty();
    }

    @Test
    void manyRowsAreSentInBlocksAndAFailureRollsBackWithTheTransaction() {
        int rows = 20_000; // several 64 KB blocks
        Long count = transactions.execute(status -> {
            jdbc.sql("CREATE TEMPORARY TABLE copy_many (n integer PRIMARY KEY, text_value text) ON COMMIT DROP").update();
            CopyIn.stream(dataSource, "copy_many", List.of("n", "text_value"), sink -> {
                for (int i = 0; i < rows; i++) {
                    sink.row(i, "é row " + i + " 😀");
                }
            });
            assertThat(jdbc.sql("SELECT text_value FROM copy_many WHERE n = 12345").query(String.class).single()).isEqualTo("é row 12345 😀");
            return jdbc.sql("SELECT count(*) FROM copy_many").query(Long.class).single();
        });
        assertThat(count).isEqualTo(rows);

        jdbc.sql("CREATE TABLE IF NOT EXISTS copy_rollback_check (n integer PRIMARY KEY)").update();
        try {
            assertThatThrownBy(() -> transactions.executeWithoutResult(status -> CopyIn.stream(dataSource, "copy_rollback_check",
                    List.of("n"), sink -> {
                        List<Integer> duplicate = new ArrayList<>(List.of(1, 2, 3, 2));
                        duplicate.forEach(sink::row);
                    }))).hasMessageContaining("copy_rollback_check");
            assertThat(jdbc.sql("SELECT count(*) FROM copy_rollback_check").query(Long.class).single()).isZero();
        } finally {
            jdbc.sql("DROP TABLE copy_rollback_check").update();
        }
    }

    @Test
    void refusesWhatItCannotStore() {
        assertThatThrownBy(() -> CopyIn.rows(dataSource, "bad table", List.of("n"), List.<Object[]>of(new Object[] {1})))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            jdbc.sql("CREATE TEMPORARY TABLE copy_nul (t text) ON COMMIT DROP").update();
            CopyIn.stream(dataSource, "copy_nul", List.of("t"), sink -> sink.row("nul \u0000 inside"));
        })).isInstanceOf(IllegalArgumentException.class);
    }
}
