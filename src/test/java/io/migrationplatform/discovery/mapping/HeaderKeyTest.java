package io.migrationplatform.discovery.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeaderKeyTest {

    @ParameterizedTest(name = "\"{0}\" → {1} + {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Host Name                                 | host_name                        | -
            *Server name                              | server_name                      | -
            \uFEFFasset_id                            | asset_id                         | -
            __IP--Address__                           | ip_address                       | -
            PrimaryIPAddress(optional)                | primaryipaddress                 | -
            CPU.UsagePct.Avg                          | cpu_usagepct_avg                 | -
            memory_gb                                 | memory                           | GB
            Memory GB                                 | memory                           | GB
            *Memory (In MB)                           | memory                           | MB
            Memory (mib)                              | memory                           | MiB
            Total disk capacity MiB                   | total_disk_capacity              | MiB
            Disk 1 size (In GB)                       | disk_1_size                      | GB
            Storage TB                                | storage                          | TB
            MemoryGiB                                 | memory                           | GiB
            RAM.TotalSizeInMB                         | ram_totalsize                    | MB
            TotalDiskAllocatedGiB                     | totaldiskallocated               | GiB
            Disk 1 read throughput (MB per second)    | disk_1_read_throughput_mb_per_second | -
            RAMGB                                     | ramgb                            | -
            Climb                                     | climb                            | -
            """)
    void normalisesAndSplitsOffTheUnit(String header, String key, String unit) {
        HeaderKey normalised = HeaderKey.of(header);

        assertThat(normalised.key()).isEqualTo(key);
        assertThat(normalised.unit()).isEqualTo(unit);
    }
}
