package io.migrationplatform.discovery.cleansing;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits an operating-system text into family, name and version — and recognises when an "OS"
 * column really holds a technology (CMDBs put "COBOL CICS", "IBM DB2" or "Java 8 Spring" there).
 */
public final class OperatingSystems {

    /** family, name as written, version (may be null). */
    public record OsInfo(String family, String name, String version) {
    }

    private record Family(String family, List<String> keywords) {
    }

    private static final List<Family> FAMILIES = List.of(
            new Family("windows", List.of("windows", "win20", "win 20", "microsoft")),
            new Family("linux", List.of("linux", "rhel", "red hat", "redhat", "centos", "ubuntu", "debian", "suse", "sles",
                    "oracle linux", "oel", "amazon linux", "rocky", "alma", "fedora")),
            new Family("unix", List.of("aix", "solaris", "sunos", "hp-ux", "hpux", "unix", "freebsd")),
            new Family("mainframe", List.of("z/os", "zos", "mvs", "os/390", "os/400", "ibm i", "as/400")),
            new Family("macos", List.of("macos", "mac os", "os x")),
            new Family("network", List.of("ios-xe", "cisco ios", "junos", "nx-os", "pan-os", "fortios")));

    private static final List<String> TECHNOLOGIES = List.of("cobol", "cics", "db2", "ims", "java", "spring", ".net", "dotnet",
            "node", "python", "oracle", "sql server", "mssql", "postgres", "mysql", "mongodb", "redis", "sap", "tomcat",
            "weblogic", "websphere", "jboss", "iis", "apache", "nginx", "php", "ruby", "go ", "kafka", "rabbitmq", "elastic");

    private static final Pattern VERSION = Pattern.compile("(\\d+(?:\\.\\d+)*(?:\\s*(?:r2|sp\\d+))?)", Pattern.CASE_INSENSITIVE);

    private OperatingSystems() {
    }

    /** The OS described by the text, or null when it names no known OS family. */
    public static OsInfo parse(String raw) {
        if (Cleansing.isMissing(raw)) {
            return null;
        }
        String lower = raw.toLowerCase(Locale.ROOT);
        for (Family f : FAMILIES) {
            if (f.keywords().stream().anyMatch(lower::contains)) {
                Matcher m = VERSION.matcher(raw);
                String version = m.find() ? m.group(1).strip() : null;
                return new OsInfo(f.family(), raw.strip(), version);
            }
        }
        return null;
    }

    /** True when the text names a technology (language, middleware, database) rather than an OS. */
    public static boolean isTechnology(String raw) {
        if (Cleansing.isMissing(raw) || parse(raw) != null) {
            return false;
        }
        String lower = raw.toLowerCase(Locale.ROOT) + " ";
        return TECHNOLOGIES.stream().anyMatch(lower::contains);
    }

    /** The database engine a technology text names, if any ("IBM DB2" → "db2"). */
    public static String databaseEngine(String raw) {
        if (raw == null) {
            return null;
        }
        String lower = raw.toLowerCase(Locale.ROOT);
        for (String engine : List.of("db2", "oracle", "sql server", "mssql", "postgres", "mysql", "mongodb", "redis", "sybase",
                "informix", "mariadb")) {
            if (lower.contains(engine)) {
                return engine.equals("mssql") ? "sql server" : engine.equals("postgres") ? "postgresql" : engine;
            }
        }
        return null;
    }
}
