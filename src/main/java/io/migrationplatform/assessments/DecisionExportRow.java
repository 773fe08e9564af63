package io.migrationplatform.assessments;

/**
 * A decision as exported: the decision with its asset's type, environment and criticality as they are
 * now (null when the asset has been deleted since the assessment).
 */
public record DecisionExportRow(Decision decision, String assetType, String environment, String criticality) {
}
