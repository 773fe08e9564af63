package io.migrationplatform.planning.web;

import io.migrationplatform.identity.Permission;
import io.migrationplatform.identity.RequiresPermission;
import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.planning.WavePlan;
import io.migrationplatform.planning.WavePlanService;
import io.migrationplatform.planning.store.WavePlanRepository.ExportRow;
import io.migrationplatform.platform.export.ExportColumn;
import io.migrationplatform.platform.export.ExportFormat;
import io.migrationplatform.platform.export.ExportResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "waves")
@RestController
class WaveExportController {

    /** The plan as a programme manager hands it on: when, what, how, and what could get in the way. */
    static final List<ExportColumn<ExportRow>> COLUMNS = List.of(
            ExportColumn.of("wave_number", "Wave", 6, r -> r.row().waveNumber()),
            ExportColumn.of("wave_start", "Wave start", 11, r -> r.row().startDate()),
            ExportColumn.of("wave_end", "Wave end", 11, r -> r.row().endDate()),
            ExportColumn.of("pilot", "Pilot", 6, r -> r.row().pilot()),
            ExportColumn.of("asset_id", "Asset ID", 38, r -> r.row().asset().assetId()),
            ExportColumn.of("name", "Name", 30, r -> r.row().asset().name()),
            ExportColumn.of("asset_type", "Type", 16, r -> r.row().asset().assetType()),
            ExportColumn.of("environment", "Environment", 12, r -> r.row().asset().environment()),
            ExportColumn.of("criticality", "Criticality", 11, r -> r.row().asset().criticality()),
            ExportColumn.of("six_r_strategy", "7R strategy", 12, r -> r.row().asset().sixRStrategy()),
            ExportColumn.of("migration_readiness", "Readiness", 11, ExportRow::readiness),
            ExportColumn.of("complexity_score", "Complexity", 10, ExportRow::complexityScore),
            ExportColumn.of("risks", "Risks", 30, ExportRow::risks),
            ExportColumn.of("blockers", "Blockers", 24, ExportRow::blockers),
            ExportColumn.of("cycle_size", "Cycle size", 9, r -> r.row().asset().groupSize()),
            ExportColumn.of("depends_on", "Depends on (wave)", 50, ExportRow::dependsOn));

    private final WavePlanService plans;
    private final Clock clock;

    WaveExportController(WavePlanService plans, Clock clock) {
        this.plans = plans;
        this.clock = clock;
    }

    @Operation(summary = "Download the plan, one row per planned asset by wave then name, as CSV (UTF-8 with BOM), XLSX or JSON; "
            + "readiness and risks from each asset's latest analysis; streamed")
    @GetMapping("/api/v1/waves/{plan_id}/export")
    @RequiresPermission(Permission.READ_ASSETS)
    void export(TenantScope scope, @PathVariable("plan_id") UUID id,
                @Parameter(description = "csv (default), xlsx or json") @RequestParam(required = false) String format,
                HttpServletResponse response) {
        ExportFormat chosen = ExportFormat.parse(format, EnumSet.of(ExportFormat.CSV, ExportFormat.XLSX, ExportFormat.JSON));
        WavePlan plan = plans.requireExportable(scope, id);
        String base = "wave-plan-" + plan.name() + "-" + id.toString().substring(0, 8);
        ExportResponses.stream(response, chosen, ExportResponses.filename(base, chosen, clock), "Waves", COLUMNS,
                writer -> plans.forEachAsset(scope, id, writer::row));
    }
}
