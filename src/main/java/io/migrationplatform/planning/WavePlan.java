package io.migrationplatform.planning;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A stored migration plan: the waves in order, each with its assets, dates and counts; the dependencies
 * that leave the plan (constraints); and what a planner should know (warnings). Immutable once planned:
 * re-planning makes a new plan.
 *
 * @param status   its flow's status (queued while pending, running, completed, failed, …), or applied once
 *                 its waves were written to the assets
 * @param summary  planned and excluded assets, waves, cycles, constraints, counts by strategy; empty until completed
 * @param waves    null in lists (GET the plan for them); a wave's assets are null when not asked for
 * @param constraints the first {@value #MAX_CONSTRAINTS_KEPT}; {@code summary.constraints_total} counts all
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WavePlan(UUID id, String name, String status, UUID flowId, double progress, String message, Map<String, Object> options,
                       Map<String, Object> summary, List<Wave> waves, List<Constraint> constraints, List<String> warnings,
                       UUID createdBy, Instant createdAt, UUID appliedBy, Instant appliedAt) {

    public static final int MAX_CONSTRAINTS_KEPT = 5_000;

    public static final String QUEUED = "queued";
    public static final String COMPLETED = "completed";
    public static final String APPLIED = "applied";
    /** A constraint whose {@code asset} is not planned (outside the scope, or excluded: {@code strategy}) but needs a planned one. */
    public static final String DEPENDENT_NOT_PLANNED = "dependent_not_planned";

    /** One wave: 1-based number, planned dates (end inclusive), its assets by name, and counts. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Wave(int waveNumber, LocalDate startDate, LocalDate endDate, boolean pilot, int assetCount,
                       Map<String, Integer> byStrategy, Map<String, Integer> byCriticality, List<PlannedAsset> assets) {
    }

    /**
     * An asset as it was when planned. {@code groupSize} > 1: it sits in a dependency cycle and moves with the
     * other members, in the same wave.
     */
    public record PlannedAsset(UUID assetId, String name, String assetType, String environment, String criticality,
                               @JsonProperty("six_r_strategy") String sixRStrategy, int groupSize) {
    }

    /**
     * A dependency that crosses the plan's edge: {@code asset} depends on {@code depends_on}, and one of them is not
     * planned. {@code reason}: excluded_by_strategy (the dependency is excluded; {@code strategy} says by which),
     * outside_scope (the dependency is outside the plan's scope), or dependent_not_planned (the dependent is outside
     * the scope, or excluded by {@code strategy}, and needs a planned asset). The migration has to account for it
     * (keep a link back, or move it first).
     */
    public record Constraint(UUID assetId, String assetName, UUID dependsOnAssetId, String dependsOnName, String reason,
                             String strategy) {
    }
}
