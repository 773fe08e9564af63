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
            // (not "microsoft" alone: "Microsoft SQL Server 2016" and "Microsoft IIS 10" are technologies, see parse)
            new Family("windows", List.of("windows", "win20", "win 20", "win2k", "w2k")),
            new Family("linux", List.of("linux", "rhel", "red hat", "redhat", "centos", "ubuntu", "debian", "suse", "sles",
                    "oracle linux", " oel", "amazon linux", "rocky", "alma", "fedora")),
            new Family("unix", List.of("aix", "solaris", "sunos", "hp-ux", "hpux", "unix", "freebsd")),
            new Family("mainframe", List.of("z/os", "zos", "mvs", "os/390", "os/400", "ibm i ", "as/400")),
            new Family("macos", List.of("macos", "mac os", "os x")),
            new Family("network", List.of("ios-xe", "cisco ios", "junos", "nx-os", "pan-os", "fortios", "big-ip", "bigip", "big ip",
                    "tmos")));

    private static final List<String> TECHNOLOGIES = List.of("cobol", "cics", "db2", "ims", "java", "spring", ".net", "dotnet",
            "node", "python", "oracle", "sql server", "mssql", "postgres", "mysql", "mongodb", "redis", "sap", "tomcat",
            "weblogic", "websphere", "jboss", "iis", "apache", "nginx", "php", "ruby", "go ", "kafka", "rabbitmq", "elastic",
            "keycloak", "wildfly", "activemq", "sybase", "informix", "mariadb");

    private static final List<String> ENGINES = List.of("db2", "oracle", "sql server", "mssql", "postgres", "mysql", "mongodb",
            "redis", "sybase", "informix", "mariadb");

    /** Bitness and architecture are not versions: "Ubuntu Linux (64-bit)", "RHEL x86_64". */
    private static final Pattern NOT_A_VERSION = Pattern.compile(
            "\\b(?:x86_64|x86|x64|amd64|arm64|aarch64|i[3-6]86|(?:32|64)[- ]?bits?)\\b", Pattern.CASE_INSENSITIVE);
    /** "Oracle Linux", "Oracle Solaris" and "Oracle WebLogic" are not the Oracle database. */
    private static final Pattern ORACLE_NOT_A_DATABASE = Pattern.compile(
            "oracle (?:enterprise )?(?:linux|solaris)|oracle (?:weblogic|java|jdk|jre|http server)");
    private static final String VERSION_TEXT = "(\\d+(?:\\.\\d+)*(?:\\s*(?:r2|sp\\d+))?)";
    /** A version standing on its own ("RHEL 8"), else one written onto a name ("RHEL8", "win2012") but not "F5". */
    private static final Pattern VERSION = Pattern.compile("(?<![\\p{L}\\p{N}._])" + VERSION_TEXT, Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTACHED_VERSION = Pattern.compile("(?<=\\p{L}{2})" + VERSION_TEXT, Pattern.CASE_INSENSITIVE);

    private OperatingSystems() {
    }

    /** The OS described by the text, or null when it names no known OS family. */
    public static OsInfo parse(String raw) {
        if (Cleansing.isMissing(raw)) {
            return null;
        }
        String lower = raw.toLowerCase(Locale.ROOT);
        String padded = " " + lower + " "; // keywords with a space are words: "ibm i " is not "IBM Informix"
        for (Family f : FAMILIES) {
            if (f.keywords().stream().anyMatch(padded::contains)) {
                return new OsInfo(f.family(), raw.strip(), version(raw));
            }
        }
        if (lower.contains("microsoft") && !namesTechnology(lower)) {
            return new OsInfo("windows", raw.strip(), version(raw)); // "Microsoft Server 2008"
        }
        return null;
    }

    private static String version(String raw) {
        String text = NOT_A_VERSION.matcher(raw).replaceAll(" ");
        Matcher m = VERSION.matcher(text);
        if (m.find()) {
            return m.group(1).strip();
        }
        m = ATTACHED_VERSION.matcher(text);
        return m.find() ? m.group(1).strip() : null;
    }

    private static boolean namesTechnology(String lower) {
        String padded = lower + " ";
        return TECHNOLOGIES.stream().anyMatch(padded::contains);
    }

    /** True when the text names a technology (language, middleware, database) rather than an OS. */
    public static boolean isTechnology(String raw) {
        if (Cleansing.isMissing(raw) || parse(raw) != null) {
            return false;
        }
        return namesTechnology(raw.toLowerCase(Locale.ROOT));
    }

    /** The database engine a technology text names, if any ("IBM DB2" → "db2"). */
    public static String databaseEngine(String raw) {
        if (raw == null) {
            return null;
        }
        String lower = ORACLE_NOT_A_DATABASE.matcher(raw.toLowerCase(Locale.ROOT)).replaceAll(" ");
        for (String engine : ENGINES) {
            if (lower.contains(engine)) {
                return engine.equals("mssql") ? "sql server" : engine.equals("postgres") ? "postgresql" : engine;
            }
        }
        return null;
    }
}
