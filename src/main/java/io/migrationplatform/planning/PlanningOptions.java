package io.migrationplatform.planning;

import io.migrationplatform.assets.AssetFilter;
import io.migrationplatform.assets.AssetVocabulary;
import io.migrationplatform.planning.engine.WavePlanner;
import io.migrationplatform.platform.error.FieldError;
import io.migrationplatform.platform.error.ValidationException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a wave plan is asked for, checked and completed with defaults; stored with the plan (and in its
 * flow's configuration) in the snake_case shape of the request, so a plan always says how it was made.
 *
 * @param scope the asset list's filters; every asset of the engagement when none
 */
public record PlanningOptions(String name, int maxAssetsPerWave, LocalDate startDate, int waveDurationDays, int gapDays,
                              List<String> excludeStrategies, AssetFilter scope, boolean pilot) {

    public static final int DEFAULT_MAX_ASSETS_PER_WAVE = 50;
    public static final int MAX_ASSETS_PER_WAVE = 10_000;
    public static final int DEFAULT_WAVE_DURATION_DAYS = 14;
    public static final int DEFAULT_GAP_DAYS = 7;
    public static final int MAX_DAYS = 365;
    public static final List<String> DEFAULT_EXCLUDED = List.of("retire", "retain");

    /** A request's values as sent (any may be null); {@code today} is the default start date. */
    public record Requested(String name, Integer maxAssetsPerWave, String startDate, Integer waveDurationDays, Integer gapDays,
                            List<String> excludeStrategies, AssetFilter scope, Boolean pilot) {
    }

    /** Checks every value and reports every problem at once (422), with defaults for what was left out. */
    public static PlanningOptions of(Requested request, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty()) {
            name = "Wave plan " + today;
        } else if (name.length() > 255) {
            errors.add(new FieldError("name", "At most 255 characters", "value_error"));
        }
        int capacity = bounded("max_assets_per_wave", request.maxAssetsPerWave(), DEFAULT_MAX_ASSETS_PER_WAVE, 1, MAX_ASSETS_PER_WAVE,
                errors);
        int duration = bounded("wave_duration_days", request.waveDurationDays(), DEFAULT_WAVE_DURATION_DAYS, 1, MAX_DAYS, errors);
        int gap = bounded("gap_days", request.gapDays(), DEFAULT_GAP_DAYS, 0, MAX_DAYS, errors);
        LocalDate start = today;
        if (request.startDate() != null && !request.startDate().isBlank()) {
            try {
                start = LocalDate.parse(request.startDate().strip());
                if (start.getYear() < 1970 || start.getYear() > 2999) {
                    errors.add(new FieldError("start_date", "Must be a date between 1970 and 2999", "value_error"));
                }
            } catch (DateTimeParseException e) {
                boolean shaped = request.startDate().strip().matches("\\d{4}-\\d{2}-\\d{2}");
                errors.add(new FieldError("start_date", shaped ? "No such date: " + request.startDate().strip()
                        : "Must be a date as YYYY-MM-DD", "value_error"));
            }
        }
        List<String> excluded = DEFAULT_EXCLUDED;
        if (request.excludeStrategies() != null) {
            LinkedHashSet<String> clean = new LinkedHashSet<>();
            for (String strategy : request.excludeStrategies()) {
                String value = strategy == null ? "" : strategy.strip().toLowerCase(Locale.ROOT);
                if (!AssetVocabulary.STRATEGIES.contains(value)) {
                    errors.add(new FieldError("exclude_strategies", "Unknown strategy '" + (strategy == null ? "null" : shorten(strategy))
                            + "'; must be among: " + String.join(", ", AssetVocabulary.STRATEGIES), "enum"));
                    break;
                }
                clean.add(value);
            }
            excluded = List.copyOf(clean);
        }
        AssetFilter scope = AssetFilter.none();
        if (request.scope() != null) {
            try {
                scope = request.scope().checked("scope");
            } catch (ValidationException e) {
                errors.addAll(e.fieldErrors());
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new PlanningOptions(name, capacity, start, duration, gap, excluded, scope,
                request.pilot() != null && request.pilot());
    }

    /** The options as stored: the request's own keys, defaults filled in. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("max_assets_per_wave", maxAssetsPerWave);
        map.put("start_date", startDate.toString());
        map.put("wave_duration_days", waveDurationDays);
        map.put("gap_days", gapDays);
        map.put("exclude_strategies", excludeStrategies);
        map.put("scope", scope.toMap());
        map.put("pilot", pilot);
        return map;
    }

    /** The inverse of {@link #toMap}, for options read back from the database. */
    public static PlanningOptions fromMap(Map<String, Object> map) {
        Object scope = map.get("scope");
        Object excluded = map.get("exclude_strategies");
        return new PlanningOptions(String.valueOf(map.get("name")), ((Number) map.get("max_assets_per_wave")).intValue(),
                LocalDate.parse(String.valueOf(map.get("start_date"))), ((Number) map.get("wave_duration_days")).intValue(),
                ((Number) map.get("gap_days")).intValue(),
                excluded instanceof List<?> list ? list.stream().map(String::valueOf).toList() : DEFAULT_EXCLUDED,
                scope instanceof Map<?, ?> filters ? AssetFilter.fromMap(filters) : AssetFilter.none(), Boolean.TRUE.equals(map.get("pilot")));
    }

    WavePlanner.Options engineOptions() {
        return new WavePlanner.Options(maxAssetsPerWave, startDate, waveDurationDays, gapDays, Set.copyOf(excludeStrategies), pilot);
    }

    private static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    private static int bounded(String field, Integer value, int fallback, int min, int max, List<FieldError> errors) {
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            errors.add(new FieldError(field, "Must be between " + min + " and " + max, "value_error"));
            return fallback;
        }
        return value;
    }
}
