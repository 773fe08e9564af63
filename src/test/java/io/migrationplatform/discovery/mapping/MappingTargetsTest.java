package io.migrationplatform.discovery.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrationplatform.assets.AssetField;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MappingTargetsTest {

    @Test
    void targetsAreTheAssetFieldsPlusDependencies() {
        assertThat(MappingTargets.all())
                .containsAll(Arrays.stream(AssetField.values()).map(AssetField::jsonName).toList())
                .contains("dependencies", "attributes")
                .doesNotHaveDuplicates()
                .hasSize(AssetField.values().length + 1);
        assertThat(MappingTargets.isValid("ip_addresses")).isTrue();
        assertThat(MappingTargets.isValid("id")).isFalse();
        assertThat(MappingTargets.isValid("created_at")).isFalse();
        assertThat(MappingTargets.isValid(null)).isFalse();
    }

    @Test
    void everySynonymNamesAValidTarget() {
        assertThat(HeaderSynonyms.all().values()).allSatisfy(t -> assertThat(MappingTargets.isValid(t)).isTrue());
    }

    @Test
    void aMappingCannotBeBuiltWithAnInvalidTargetOrConfidence() {
        assertThatThrownBy(() -> new ColumnMapping("x", "nope", 0.5, ColumnMapping.NO_MATCH, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ColumnMapping("x", "name", 1.5, ColumnMapping.NO_MATCH, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
