package io.migrationplatform.analysis.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real inventory strings against the shipped data. Expected dates are copied from
 * product-lifecycles.csv (empty = blank or true/false in the CSV), and the expected status as of
 * 2026-12-03 follows from those dates by the rule in {@link Release#statusOn}.
 */
class LifecycleCatalogTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 3);
    private static final LifecycleCatalog CATALOG = LifecycleCatalog.load();

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Microsoft Windows Server 2012 R2 Standard | windows-server  | 2012-r2     | 2023-10-10 | 2026-10-13 | END_OF_LIFE
            Windows 2008 R2                           | windows-server  | 2008-r2-sp1 | 2020-01-14 | 2023-01-10 | END_OF_LIFE
            Windows Server 2019 Datacenter            | windows-server  | 2019        | 2029-01-09 |            | SUPPORTED
            Red Hat Enterprise Linux 7.9              | rhel            | 7           | 2024-06-30 | 2029-05-31 | EXTENDED_SUPPORT_ONLY
            RHEL 8                                    | rhel            | 8           | 2029-05-31 | 2033-05-31 | SUPPORTED
            CentOS 6                                  | centos          | 6           | 2020-11-30 |            | END_OF_LIFE
            Ubuntu 20.04 LTS                          | ubuntu          | 20.04       | 2025-05-31 | 2030-04-02 | EXTENDED_SUPPORT_ONLY
            SLES 12 SP5                               | sles            | 12.5        | 2024-10-31 | 2027-10-31 | EXTENDED_SUPPORT_ONLY
            Oracle Linux 7                            | oracle-linux    | 7           | 2024-12-31 | 2028-06-30 | EXTENDED_SUPPORT_ONLY
            AIX 7.1                                   | ibm-aix         | 7.1.5       | 2023-04-30 |            | END_OF_LIFE
            SQL Server 2014                           | mssqlserver     | 12.0-sp3    | 2024-07-09 | 2027-07-12 | EXTENDED_SUPPORT_ONLY
            Microsoft SQL Server 2008 R2              | mssqlserver     | 10.50-sp3   | 2019-07-09 | 2022-07-12 | END_OF_LIFE
            PostgreSQL 14                             | postgresql      | 14          | 2026-11-12 |            | END_OF_LIFE
            PostgreSQL 9.6                            | postgresql      | 9.6         | 2021-11-11 |            | END_OF_LIFE
            Oracle 11g                                | oracle-database | 11.2        | 2015-01-31 | 2020-12-31 | END_OF_LIFE
            Oracle Database 19c                       | oracle-database | 19          | 2029-12-31 | 2032-12-31 | SUPPORTED
            IBM DB2 11.5                              | ibm-db2         | 11.5        | 2027-04-30 | 2031-04-30 | SUPPORTED
            MySQL 5.7                                 | mysql           | 5.7         | 2023-10-31 |            | END_OF_LIFE
            Java 8 Spring                             | oracle-jdk      | 8           | 2022-03-31 | 2030-12-31 | EXTENDED_SUPPORT_ONLY
            Node.js 16                                | nodejs          | 16          | 2023-09-11 |            | END_OF_LIFE
            Python 2.7                                | python          | 2.7         | 2020-01-01 |            | END_OF_LIFE
            .NET Framework 4.8                        | dotnetfx        | 4.8         |            |            | SUPPORTED
            Tomcat 8.5                                | tomcat          | 8.5         | 2024-03-31 |            | END_OF_LIFE
            Debian 9                                  | debian          | 9           | 2020-07-18 | 2022-07-01 | END_OF_LIFE
            Amazon Linux 2                            | amazon-linux    | 2           | 2026-06-30 |            | END_OF_LIFE
            VMware ESXi 6.7                           | vmware-esxi     | 6.7         | 2022-10-15 |            | END_OF_LIFE
            Solaris 11                                | oracle-solaris  | 11.4        | 2031-11-01 | 2037-11-01 | SUPPORTED
            """)
    void matchesRealInventoryStrings(String text, String product, String cycle, LocalDate endOfLife,
            LocalDate endOfExtendedSupport, SupportStatus status) {
        LifecycleMatch match = CATALOG.match(text, AS_OF).orElseThrow(() -> new AssertionError("no match for " + text));

        assertThat(match.product()).isEqualTo(product);
        assertThat(match.releaseCycle()).isEqualTo(cycle);
        assertThat(match.endOfLife()).isEqualTo(endOfLife);
        assertThat(match.endOfExtendedSupport()).isEqualTo(endOfExtendedSupport);
        assertThat(match.status()).isEqualTo(status);
        assertThat(text).containsIgnoringCase(match.matchedFrom());
    }

    /** Variants seen in inventories and exports, plus the choices documented on the rules. */
    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Windows Server 2012                                   | windows-server  | 2012
            Windows Server 2008 R2 Enterprise SP1                 | windows-server  | 2008-r2-sp1
            Windows Server 2003                                   | windows-server  | 2003-sp2
            Windows Server 2003 R2 Enterprise                     | windows-server  | 2003-sp2
            Win2k3 R2                                             | windows-server  | 2003-sp2
            Win2k8 R2                                             | windows-server  | 2008-r2-sp1
            win2k12                                               | windows-server  | 2012
            Win2012 R2 Std                                        | windows-server  | 2012-r2
            SQL Server 2014 SP2                                   | mssqlserver     | 12.0-sp2
            SQL Server 2016 Standard                              | mssqlserver     | 13.0-sp3
            MS SQL Server 2008                                    | mssqlserver     | 10.0-sp4
            SQL Server 2022                                       | mssqlserver     | 16.0
            MySQL Server 8.0.36                                   | mysql           | 8.0
            MySQL 8                                               | mysql           | 8.0
            Red Hat Enterprise Linux Server release 7.9 (Maipo)   | rhel            | 7
            rhel9                                                 | rhel            | 9
            CentOS Linux release 7.9.2009 (Core)                  | centos          | 7
            Ubuntu 20.04.6 LTS                                    | ubuntu          | 20.04
            SUSE Linux Enterprise Server 15 SP4                   | sles            | 15.4
            SLES 12                                               | sles            | 12.5
            Amazon Linux AMI 2018.03                              | amazon-linux    | 2018.03
            AIX 7.2 TL5                                           | ibm-aix         | 7.2.5
            Oracle Solaris 10                                     | oracle-solaris  | 10
            Oracle Database 12c Release 2                         | oracle-database | 12.2
            Oracle 11.2.0.4                                       | oracle-database | 11.2
            Oracle Database 23ai                                  | oracle-database | 23
            Oracle Database 26ai                                  | oracle-database | 23
            Oracle Java 8                                         | oracle-jdk      | 8
            jdk1.8.0_292                                          | oracle-jdk      | 8
            OpenJDK 11                                            | eclipse-temurin | 11
            Eclipse Temurin 17                                    | eclipse-temurin | 17
            PostgreSQL 9.6.24                                     | postgresql      | 9.6
            node v18.19.0                                         | nodejs          | 18
            .NET Framework 3.5 SP1                                | dotnetfx        | 3.5-sp1
            .NET Framework 3.5                                    | dotnetfx        | 3.5-sp1
            .NET 6                                                | dotnet          | 6
            .NET Core 3.1                                         | dotnet          | 3.1
            Apache Tomcat 9                                       | tomcat          | 9.0
            Apache Tomcat 7.0.109                                 | tomcat          | 7
            Debian GNU/Linux 12 (bookworm)                        | debian          | 12
            MariaDB 10.6                                          | mariadb         | 10.6
            MongoDB 4.4                                           | mongodb         | 4.4
            Redis 6.2                                             | redis           | 6.2
            """)
    void matchesVariants(String text, String product, String cycle) {
        Optional<LifecycleMatch> match = CATALOG.match(text, AS_OF);

        assertThat(match).as(text).isPresent();
        assertThat(match.get().product()).as(text).isEqualTo(product);
        assertThat(match.get().releaseCycle()).as(text).isEqualTo(cycle);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Keycloak", "F5 BigIP", "Linux", "Windows", "COBOL CICS", "   ", "Oracle", "SQL Server",
            "CentOS Stream", "JavaScript", "Windows 10", "PostgreSQL 99", "Ubuntu 21"})
    void returnsEmptyWhenNoReleaseCanBeIdentified(String text) {
        assertThat(CATALOG.match(text, AS_OF)).isEmpty();
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Oracle Linux 7             | oracle-linux
            Oracle Linux Server 8.9    | oracle-linux
            Oracle Solaris 11          | oracle-solaris
            Oracle Java 17             | oracle-jdk
            SQL Server 2019            | mssqlserver
            MySQL Server 5.7           | mysql
            """)
    void neverMatchesTheWrongFamily(String text, String product) {
        assertThat(CATALOG.match(text, AS_OF)).get().extracting(LifecycleMatch::product).isEqualTo(product);
    }

    @Test
    void reportsLabelsAndTheFragmentThatMatched() {
        LifecycleMatch sql = CATALOG.match("Microsoft SQL Server 2008 R2 (x64)", AS_OF).orElseThrow();
        assertThat(sql.releaseLabel()).isEqualTo("2008 R2 'Kilimanjaro' SP3");
        assertThat(sql.releaseDate()).isEqualTo(LocalDate.of(2014, 7, 7));
        assertThat(sql.endOfActiveSupport()).isEqualTo(LocalDate.of(2014, 7, 8));
        assertThat(sql.matchedFrom()).isEqualTo("SQL Server 2008 R2");

        // AIX labels in the data are unrendered templates; they must not leak out.
        assertThat(CATALOG.match("AIX 7.1", AS_OF).orElseThrow().releaseLabel()).isNull();
    }

    @Test
    void statusMovesWithTheDate() {
        // Windows Server 2012 R2: end_of_life 2023-10-10, end_of_extended_support 2026-10-13.
        String text = "Windows Server 2012 R2";
        assertThat(CATALOG.match(text, LocalDate.of(2023, 10, 9)).orElseThrow().status()).isEqualTo(SupportStatus.SUPPORTED);
        assertThat(CATALOG.match(text, LocalDate.of(2023, 10, 10)).orElseThrow().status()).isEqualTo(SupportStatus.EXTENDED_SUPPORT_ONLY);
        assertThat(CATALOG.match(text, LocalDate.of(2026, 10, 13)).orElseThrow().status()).isEqualTo(SupportStatus.END_OF_LIFE);
    }

    @Test
    void loadsTheWholeDataSetOnce() {
        assertThat(LifecycleCatalog.load()).isSameAs(CATALOG);
        int rows = 0;
        for (ProductRule rule : LifecycleCatalog.readRules()) {
            assertThat(CATALOG.releases(rule.product())).as("releases of " + rule.product()).isNotEmpty();
        }
        for (Release release : LifecycleCatalog.readReleases()) {
            rows++;
            assertThat(release.tokens()).as(release.cycle()).isNotEmpty();
        }
        assertThat(rows).isEqualTo(469);
    }
}
