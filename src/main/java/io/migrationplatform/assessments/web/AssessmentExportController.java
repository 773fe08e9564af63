package io.migrationplatform.assessments.web;

import io.migrationplatform.analysis.AssetAnalysis;
import io.migrationplatform.assessments.Assessment;
import io.migrationplatform.assessments.AssessmentService;
import io.migrationplatform.assessments.Decision;
import io.migrationplatform.assessments.DecisionExportRow;
import io.migrationplatform.identity.Permission;
import io.migrationplatform.identity.RequiresPermission;
import io.migrationplatform.identity.TenantScope;
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
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "assessments")
@RestController
class AssessmentExportController {

    /** Reasons in the export: the first few rules that fired besides the baseline every asset gets, each shortened. */
    static final int TOP_REASONS = 3;
    static final int REASON_LENGTH = 120;

    static final List<ExportColumn<DecisionExportRow>> COLUMNS = List.of(
            ExportColumn.of("asset_id", "Asset ID", 38, r -> r.decision().assetId()),
            ExportColumn.of("asset_name", "Name", 30, r -> r.decision().assetName()),
            ExportColumn.of("asset_type", "Type", 16, DecisionExportRow::assetType),
            ExportColumn.of("environment", "Environment", 12, DecisionExportRow::environment),
            ExportColumn.of("criticality", "Criticality", 11, DecisionExportRow::criticality),
            ExportColumn.of("recommended_strategy", "Recommended strategy", 14, r -> r.decision().recommendedStrategy()),
            ExportColumn.of("final_strategy", "Final strategy", 14, r -> r.decision().finalStrategy()),
            ExportColumn.of("override_rationale", "Override rationale", 40,
                    r -> r.decision().override() == null ? null : r.decision().override().rationale()),
            ExportColumn.of("confidence", "Confidence", 11, r -> r.decision().confidence()),
            ExportColumn.of("migration_readiness", "Readiness", 11, r -> r.decision().migrationReadiness()),
            ExportColumn.of("readiness_score", "Readiness score", 10, r -> r.decision().readinessScore()),
            ExportColumn.of("complexity_score", "Complexity", 10, r -> r.decision().complexityScore()),
            ExportColumn.of("effort_t_shirt", "Effort (t-shirt)", 10,
                    r -> AssetAnalysis.Effort.tShirtOf(r.decision().finalEffortPersonDays())),
            ExportColumn.of("effort_person_days", "Effort (person-days)", 12, r -> r.decision().finalEffortPersonDays()),
            ExportColumn.of("risk_codes", "Risks", 30, r -> codes(r.decision().analysis().risks())),
            ExportColumn.of("blocker_codes", "Blockers", 24, r -> codes(r.decision().analysis().blockers())),
            ExportColumn.of("top_reasons", "Top reasons", 80, r -> topReasons(r.decision())));

    private final AssessmentService assessments;
    private final Clock clock;

    AssessmentExportController(AssessmentService assessments, Clock clock) {
        this.assessments = assessments;
        this.clock = clock;
    }

    @Operation(summary = "Download the assessment's decisions, one row per asset by name, as CSV (UTF-8 with BOM), XLSX or JSON; "
            + "strategy and effort are the final ones (the override if any)")
    @GetMapping("/api/v1/assessments/{assessment_id}/export")
    @RequiresPermission(Permission.READ_ASSETS)
    void export(TenantScope scope, @PathVariable("assessment_id") UUID id,
                @Parameter(description = "csv (default), xlsx or json") @RequestParam(required = false) String format,
                HttpServletResponse response) {
        ExportFormat chosen = ExportFormat.parse(format, EnumSet.of(ExportFormat.CSV, ExportFormat.XLSX, ExportFormat.JSON));
        Assessment assessment = assessments.get(scope, id);
        String base = "assessment-" + (assessment.name() == null ? "" : assessment.name() + "-") + id.toString().substring(0, 8);
        ExportResponses.stream(response, chosen, ExportResponses.filename(base, chosen, clock), "Decisions", COLUMNS,
                writer -> assessments.forEachDecision(scope, id, writer::row));
    }

    private static List<String> codes(List<AssetAnalysis.Finding> findings) {
        return findings == null ? List.of() : findings.stream().map(AssetAnalysis.Finding::code).toList();
    }

    static String topReasons(Decision decision) {
        List<AssetAnalysis.Reason> reasons = decision.analysis().reasons();
        if (reasons == null) {
            return "";
        }
        List<AssetAnalysis.Reason> fired = reasons.stream().filter(r -> !"baseline".equals(r.rule())).toList();
        return (fired.isEmpty() ? reasons : fired).stream().limit(TOP_REASONS)
                .map(r -> shorten(r.message()))
                .collect(Collectors.joining(" | "));
    }

    private static String shorten(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= REASON_LENGTH ? oneLine : oneLine.substring(0, REASON_LENGTH - 1) + "…";
    }
}
