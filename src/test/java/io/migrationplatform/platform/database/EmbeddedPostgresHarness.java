package io.migrationplatform.platform.database;

import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Runs {@link EmbeddedPostgresServer} in its own JVM so that tests can kill it, start a second one
 * and look at the real processes. Arguments: {@code dataDir port binariesDir}.
 * <p>
 * Protocol on stdout (nothing else is written there; all logging goes to stderr):
 * {@code READY <port> <jdbcUrl>} once started, or {@code FAILED <message>} and exit code 3.
 * Then reads stdin: {@code STOP} or end of input closes the server and exits 0.
 */
public final class EmbeddedPostgresHarness {

    public static final int EXIT_FAILED = 3;

    private EmbeddedPostgresHarness() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        // Logback's default console appender writes to System.out: keep the protocol channel clean.
        System.setOut(System.err);
        if (args.length != 3) {
            protocol.println("FAILED usage: EmbeddedPostgresHarness <dataDir> <port> <binariesDir>");
            System.exit(2);
        }
        EmbeddedPostgresServer server;
        try {
            server = EmbeddedPostgresServer.start(new EmbeddedDatabaseSettings(Path.of(args[0]),
                    Integer.parseInt(args[1]), Path.of(args[2]), Duration.ofSeconds(120)));
        } catch (Throwable e) {
            e.printStackTrace();
            protocol.println("FAILED " + String.valueOf(e.getMessage()).replace('\n', ' '));
            protocol.flush();
            System.exit(EXIT_FAILED);
            return;
        }
        protocol.println("READY " + server.port() + " " + server.jdbcUrl());
        protocol.flush();

        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.trim().equals("STOP")) {
                break;
            }
        }
        server.close();
        protocol.println("STOPPED");
        protocol.flush();
        System.exit(0);
    }
}
