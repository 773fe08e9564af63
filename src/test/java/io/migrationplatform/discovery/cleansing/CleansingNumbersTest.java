package io.migrationplatform.discovery.cleansing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Numbers and sizes as inventory exports write them: units, decimal commas, thousands separators, placeholders. */
class CleansingNumbersTest {

    @ParameterizedTest(name = "number(\"{0}\") = {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", quoteCharacter = '"', textBlock = """
            16               | 16
            16.5             | 16.5
            "16,5"           | 16.5
            "0,5"            | 0.5
            "0,500"          | 0.5
            "1,024"          | 1024
            "12,345,678"     | 12345678
            "1.024,5"        | 1024.5
            "1.000.000,25"   | 1000000.25
            "2,000.5"        | 2000.5
            1.000.000        | 1000000
            1 024            | 1024
            "1 024,5"        | 1024.5
            1'024            | 1024
            "1234,567"       | 1234.567
            1.024            | 1.024
            .5               | 0.5
            32 GB            | 32
            32GB             | 32
            4 vCPU           | 4
            16 GB RAM        | 16
            DDR4 16GB        | 16
            x86_64 4 cores   | 4
            ~ 8              | 8
            100%             | 100
            200%             | 200
            -5               | -5
            +3               | 3
            1e3              | 1000
            1.5E+09          | 1500000000
            2.5e-1           | 0.25
            "  42  "         | 42
            abc              | NULL
            ""               | NULL
            "   "            | NULL
            NULL             | NULL
            N/A              | NULL
            -                | NULL
            none             | NULL
            v2               | NULL
            10.0.0.1         | NULL
            "1,000,5"        | NULL
            "1,2.3"          | NULL
            1e999            | NULL
            """)
    void number(String raw, Double expected) {
        assertThat(Cleansing.number(raw)).isEqualTo(expected);
    }

    @Test
    void aListOrARangeTakesItsFirstNumberNeverAGluedTogetherOne() {
        assertThat(Cleansing.number("16, 32")).isEqualTo(16.0);
        assertThat(Cleansing.number("16 32")).isEqualTo(16.0);
        assertThat(Cleansing.number("5-10")).isEqualTo(5.0);
        assertThat(Cleansing.number("2 x 8 GB")).isEqualTo(2.0);
    }

    @ParameterizedTest(name = "sizeGb(\"{0}\", {1}) = {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            16           | GB    | 16
            16           | GiB   | 16
            16           | NULL  | 16
            8192         | MB    | 8
            8192         | MiB   | 8
            8192         | mb    | 8
            '16384,5'    | MB    | 16.00048828125
            '1,048,576'  | MB    | 1024
            2            | TB    | 2048
            2            | TiB   | 2048
            '1,5'        | TB    | 1536
            1048576      | KB    | 1
            1073741824   | B     | 1
            512 MB       | NULL  | 0.5
            512MB        | GB    | 0.5
            512 mb       | GB    | 0.5
            4096 MiB     | NULL  | 4
            100 M        | NULL  | 0.09765625
            2 TB         | NULL  | 2048
            2 TB         | MB    | 2048
            1 TiB        | GB    | 1024
            '1,5 TB'     | NULL  | 1536
            1.5 GiB      | NULL  | 1.5
            1.5 GiB      | MB    | 1.5
            16 GB        | MB    | 16
            500 G        | MB    | 500
            2048 KB      | NULL  | 0.001953125
            1 PB         | NULL  | 1048576
            1073741824 bytes | GB | 1
            '16 GB, 2666 MHz' | MB | 16
            -5           | GB    | -5
            abc          | GB    | NULL
            N/A          | MB    | NULL
            ''           | MB    | NULL
            NULL         | GB    | NULL
            """)
    void sizeGb(String raw, String columnUnit, Double expected) {
        if (expected == null) {
            assertThat(Cleansing.sizeGb(raw, columnUnit)).isNull();
        } else {
            assertThat(Cleansing.sizeGb(raw, columnUnit)).isCloseTo(expected, within(1e-9));
        }
    }

    @Test
    void theUnitThatCountsIsTheOneRightAfterTheNumber() {
        // Before: any "MB" anywhere in the text won, so the 2 TB disk below became 2 MB.
        assertThat(Cleansing.sizeGb("2 TB (512 MB cache)", "GB")).isEqualTo(2048.0);
        assertThat(Cleansing.sizeGb("16 GB at 2666 MHz", "MB")).isEqualTo(16.0);
    }
}
