package io.migrationplatform.discovery.cleansing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** OS texts split into family and version; technologies written into an OS column recognised as such. */
class OperatingSystemsTest {

    @ParameterizedTest(name = "parse(\"{0}\") = {1} {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            Microsoft Windows Server 2012 R2 Standard | windows   | 2012 R2
            Windows 2008 R2                           | windows   | 2008 R2
            Windows Server 2019 Datacenter            | windows   | 2019
            Windows Server 2012R2                     | windows   | 2012R2
            Microsoft Windows 10 (64-bit)             | windows   | 10
            win2012 R2                                | windows   | 2012 R2
            Microsoft Server 2008                     | windows   | 2008
            Windows                                   | windows   | NULL
            Red Hat Enterprise Linux 7.9              | linux     | 7.9
            Red Hat Enterprise Linux 7 (64-bit)       | linux     | 7
            RHEL 8                                    | linux     | 8
            RHEL7                                     | linux     | 7
            CentOS 6                                  | linux     | 6
            CentOS 7 (64-bit)                         | linux     | 7
            Ubuntu 20.04 LTS                          | linux     | 20.04
            Linux Ubuntu 20.04                        | linux     | 20.04
            Ubuntu Linux (64-bit)                     | linux     | NULL
            Debian GNU/Linux 10 (64-bit)              | linux     | 10
            SLES 12 SP5                               | linux     | 12 SP5
            Oracle Linux 7                            | linux     | 7
            OEL 7                                     | linux     | 7
            Amazon Linux 2                            | linux     | 2
            Linux x86_64                              | linux     | NULL
            AIX 7.1                                   | unix      | 7.1
            Solaris 11                                | unix      | 11
            Oracle Solaris 11.4                       | unix      | 11.4
            HP-UX 11i v3                              | unix      | 11
            z/OS 2.4                                  | mainframe | 2.4
            IBM i 7.3                                 | mainframe | 7.3
            Cisco IOS 15.2                            | network   | 15.2
            F5 BigIP                                  | network   | NULL
            F5 BIG-IP 15.1                            | network   | 15.1
            macOS 13                                  | macos     | 13
            """)
    void parse(String raw, String family, String version) {
        OperatingSystems.OsInfo os = OperatingSystems.parse(raw);
        assertThat(os).isNotNull();
        assertThat(os.family()).isEqualTo(family);
        assertThat(os.version()).isEqualTo(version);
        assertThat(os.name()).isEqualTo(raw.strip());
        assertThat(OperatingSystems.isTechnology(raw)).as("an OS is not a technology").isFalse();
    }

    @ParameterizedTest(name = "parse(\"{0}\") is no OS")
    @NullSource
    @ValueSource(strings = {"", "N/A", "unknown", "COBOL CICS", "IBM DB2", "Java 8 Spring", "SQL Server 2014",
        "Microsoft SQL Server 2016", "Microsoft IIS 10", "Oracle 11g", "PostgreSQL 14", "Keycloak", "IBM Informix 12", "IBM IMS",
        "VMware ESXi 6.7"})
    void notAnOperatingSystem(String raw) {
        assertThat(OperatingSystems.parse(raw)).isNull();
    }

    /** isTechnology and databaseEngine of what CMDBs put into their OS column. */
    @ParameterizedTest(name = "\"{0}\": technology={1}, engine={2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            COBOL CICS                | true  | NULL
            IBM DB2                   | true  | db2
            DB2 11.5                  | true  | db2
            Java 8 Spring             | true  | NULL
            SQL Server 2014           | true  | sql server
            Microsoft SQL Server 2016 | true  | sql server
            MSSQL 2019                | true  | sql server
            Oracle 11g                | true  | oracle
            Oracle Database 19c       | true  | oracle
            Oracle WebLogic 12c       | true  | NULL
            PostgreSQL 14             | true  | postgresql
            Postgres 9.6              | true  | postgresql
            MySQL 5.7                 | true  | mysql
            MariaDB 10.5              | true  | mariadb
            MongoDB 4.2               | true  | mongodb
            Redis 6                   | true  | redis
            Sybase ASE 15             | true  | sybase
            IBM Informix 12           | true  | informix
            IBM IMS                   | true  | NULL
            Microsoft IIS 10          | true  | NULL
            Apache Tomcat 9           | true  | NULL
            .NET Framework 4.8        | true  | NULL
            Node.js 18                | true  | NULL
            Keycloak                  | true  | NULL
            F5 BigIP                  | false | NULL
            VMware ESXi 6.7           | false | NULL
            RHEL 8                    | false | NULL
            Oracle Linux 7            | false | NULL
            Oracle Solaris 11         | false | NULL
            N/A                       | false | NULL
            """)
    void technologyAndDatabaseEngine(String raw, boolean technology, String engine) {
        assertThat(OperatingSystems.isTechnology(raw)).isEqualTo(technology);
        assertThat(OperatingSystems.databaseEngine(raw)).isEqualTo(engine);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void nothingIsNoTechnologyAndNoEngine(String raw) {
        assertThat(OperatingSystems.isTechnology(raw)).isFalse();
        assertThat(OperatingSystems.databaseEngine(raw)).isNull();
    }
}
