package io.migrationplatform.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImportFlowNameTest {

    @Test
    void aShortFileNameIsKeptWhole() {
        assertThat(ImportExecutor.flowName("cmdb.csv")).isEqualTo("Import cmdb.csv");
    }

    @Test
    void aFileNameOfTheLongestAllowedLengthIsCutToTheFlowNameColumn() {
        String name = ImportExecutor.flowName("a".repeat(255));
        assertThat(name).hasSize(255).startsWith("Import aaa").endsWith("a…");
    }

    @Test
    void theCutNeverSplitsACharacterOutsideTheBasicPlane() {
        String name = ImportExecutor.flowName("a".repeat(246) + "😀".repeat(4));
        assertThat(name.codePoints().allMatch(Character::isValidCodePoint)).isTrue();
        assertThat(Character.isHighSurrogate(name.charAt(name.length() - 2))).isFalse();
        assertThat(name).endsWith("…").hasSizeLessThanOrEqualTo(255);
    }
}
