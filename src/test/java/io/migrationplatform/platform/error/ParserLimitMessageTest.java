package io.migrationplatform.platform.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The parser's limit messages, as Jackson words them, become messages without the parser's internals. */
class ParserLimitMessageTest {

    @Test
    void eachLimitIsNamedWithItsMaximum() {
        assertThat(UnreadableJsonBody.constraintMessage(
                "Document nesting depth (1001) exceeds the maximum allowed (1000, from `StreamReadConstraints.getMaxNestingDepth()`)"))
                .isEqualTo("JSON body nested too deeply (at most 1000 levels)");
        assertThat(UnreadableJsonBody.constraintMessage(
                "String value length (20000001) exceeds the maximum allowed (20000000, from `StreamReadConstraints.getMaxStringLength()`)"))
                .isEqualTo("JSON body holds a string that is too long (at most 20000000 characters)");
        assertThat(UnreadableJsonBody.constraintMessage(
                "Number value length (1001) exceeds the maximum allowed (1000, from `StreamReadConstraints.getMaxNumberLength()`)"))
                .isEqualTo("JSON body holds a number that is too long (at most 1000 digits)");
        assertThat(UnreadableJsonBody.constraintMessage("Token count (x) exceeds something new"))
                .isEqualTo("JSON body exceeds the parser's limits");
    }
}
