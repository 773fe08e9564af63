package io.migrationplatform.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** The migrate command's arguments, every one checked before anything is sent to the server. */
record MigrateOptions(Path file, int waveSize, String startDate, boolean pilot, boolean newEngagement, Path output) {

    static MigrateOptions parse(String[] args) {
        Path file = null;
        int waveSize = 50;
        String startDate = null;
        boolean pilot = false;
        boolean newEngagement = true;
        Path output = Path.of(".");
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "-h", "--help" -> {
                    return null;
                }
                case "--wave-size" -> {
                    try {
                        waveSize = Integer.parseInt(value(args, ++i, arg));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--wave-size takes a whole number");
                    }
                }
                case "--start-date" -> startDate = value(args, ++i, arg);
                case "--pilot" -> pilot = true;
                case "--engagement" -> {
                    String mode = value(args, ++i, arg);
                    if (!mode.equals("new") && !mode.equals("default")) {
                        throw new IllegalArgumentException("--engagement is new or default");
                    }
                    newEngagement = mode.equals("new");
                }
                case "--output" -> output = Path.of(value(args, ++i, arg));
                default -> {
                    if (arg.startsWith("-") || file != null) {
                        throw new IllegalArgumentException("Unknown argument: " + arg);
                    }
                    file = Path.of(arg);
                }
            }
        }
        // Everything is checked before the first call: a run never stops half-way over an option.
        if (file == null) {
            throw new IllegalArgumentException("Which inventory file? Give its path.");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No such file: " + file);
        }
        if (waveSize < 1 || waveSize > 10_000) {
            throw new IllegalArgumentException("--wave-size is between 1 and 10000");
        }
        if (startDate != null) {
            try {
                java.time.LocalDate.parse(startDate);
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("--start-date takes a real date as YYYY-MM-DD, not " + startDate);
            }
        }
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw new IllegalArgumentException("--output is a directory; " + output + " is a file");
        }
        return new MigrateOptions(file, waveSize, startDate, pilot, newEngagement, output);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
